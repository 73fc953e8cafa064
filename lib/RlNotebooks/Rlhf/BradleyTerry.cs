using RlNotebooks.Validation;

namespace RlNotebooks.Rlhf;

/// <summary>
/// The Bradley–Terry model of pairwise preferences, P(y_w ≻ y_l) = σ(r(y_w) − r(y_l)), and its negative log-likelihood, the
/// reward-model loss of the RLHF lecture (Christiano et al. 2017; Ouyang et al. 2022, eq. 1):
/// L(r) = −(1/N) Σᵢ log σ(r(y_w,i) − r(y_l,i)).
/// </summary>
public static class BradleyTerry
{
    /// <summary>P(y_w ≻ y_l) = σ(Δ) = 1 / (1 + e^{−Δ}) for the score difference Δ = r_w − r_l.</summary>
    public static double Probability(double preferredScore, double rejectedScore)
    {
        Guard.Finite(preferredScore);
        Guard.Finite(rejectedScore);
        return 1.0 / (1.0 + Math.Exp(-(preferredScore - rejectedScore)));
    }

    /// <summary>
    /// L = (1/N) Σᵢ −log σ(Δᵢ), Δᵢ = r_w,i − r_l,i, evaluated as softplus(−Δ) = max(−Δ, 0) + log(1 + e^{−|Δ|}) so a large |Δ|
    /// neither overflows nor rounds to log 0.
    /// </summary>
    /// <param name="preferredScores">r(y_w,i), the scores of the preferred sequences.</param>
    /// <param name="rejectedScores">r(y_l,i), the scores of the rejected sequences.</param>
    public static double Loss(ReadOnlySpan<double> preferredScores, ReadOnlySpan<double> rejectedScores)
    {
        Check(preferredScores, rejectedScores);
        double sum = 0.0;
        for (int i = 0; i < preferredScores.Length; i++)
        {
            double margin = preferredScores[i] - rejectedScores[i];
            sum += Math.Max(-margin, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(margin)));
        }

        return sum / preferredScores.Length;
    }

    /// <summary>
    /// ∂L/∂r_w,i = −(1/N) σ(−Δᵢ) = −(1/N)(1 − P(y_w,i ≻ y_l,i)) and ∂L/∂r_l,i = +(1/N) σ(−Δᵢ): each pair pushes its two
    /// scores apart by how unsure the model still is.
    /// </summary>
    public static (double[] Preferred, double[] Rejected) Gradient(ReadOnlySpan<double> preferredScores, ReadOnlySpan<double> rejectedScores)
    {
        Check(preferredScores, rejectedScores);
        int n = preferredScores.Length;
        var preferred = new double[n];
        var rejected = new double[n];
        for (int i = 0; i < n; i++)
        {
            double unsure = 1.0 / (1.0 + Math.Exp(preferredScores[i] - rejectedScores[i]));   // σ(−Δᵢ)
            preferred[i] = -unsure / n;
            rejected[i] = unsure / n;
        }

        return (preferred, rejected);
    }

    /// <summary>
    /// Held-out ranking accuracy: over the pairs whose true preferences differ, the fraction where the scores order the pair
    /// the same way (a score tie counts as wrong). Pairs with equal true preference carry no ranking and are skipped.
    /// </summary>
    /// <param name="scoresA">r(a_i).</param>
    /// <param name="scoresB">r(b_i).</param>
    /// <param name="preferencesA">h(a_i), the true preference.</param>
    /// <param name="preferencesB">h(b_i).</param>
    public static double RankingAccuracy(ReadOnlySpan<double> scoresA, ReadOnlySpan<double> scoresB,
        ReadOnlySpan<double> preferencesA, ReadOnlySpan<double> preferencesB)
    {
        Check(scoresA, scoresB);
        Guard.SameLength(scoresA.Length, preferencesA.Length, nameof(preferencesA), nameof(scoresA));
        Guard.SameLength(scoresA.Length, preferencesB.Length, nameof(preferencesB), nameof(scoresA));
        Guard.AllFinite(preferencesA);
        Guard.AllFinite(preferencesB);
        int ranked = 0, correct = 0;
        for (int i = 0; i < scoresA.Length; i++)
        {
            double truth = preferencesA[i] - preferencesB[i];
            if (truth == 0.0)
            {
                continue;
            }

            ranked++;
            correct += Math.Sign(scoresA[i] - scoresB[i]) == Math.Sign(truth) ? 1 : 0;
        }

        return ranked > 0
            ? (double)correct / ranked
            : throw new ArgumentException("No pair has different true preferences, so there is nothing to rank.", nameof(preferencesA));
    }

    private static void Check(ReadOnlySpan<double> first, ReadOnlySpan<double> second,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(first))] string? firstName = null,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(second))] string? secondName = null)
    {
        Guard.NotEmpty(first.Length, firstName);
        Guard.SameLength(first.Length, second.Length, secondName!, firstName!);
        Guard.AllFinite(first, firstName);
        Guard.AllFinite(second, secondName);
    }
}
