namespace RlNotebooks.Surrogates;

/// <summary>
/// Sample estimators of D_KL(π_old ‖ π_new) from actions aₜ ~ π_old with r = π_new(aₜ|sₜ)/π_old(aₜ|sₜ)
/// (J. Schulman, "Approximating KL Divergence", 2020).
/// </summary>
/// <remarks>
/// Direction: with samples from π_old, E_old[−log r] = E_old[log π_old − log π_new] = D_KL(π_old ‖ π_new), and
/// E_old[r − 1] = 0, so both k1 and k3 are unbiased for D_KL(π_old ‖ π_new) — the KL[π_old, π_θ] of the PPO and TRPO papers.
/// k1 is unbiased but can be negative per sample; k3 is unbiased, non-negative per sample and usually lower-variance.
/// </remarks>
public static class KlEstimators
{
    /// <summary>Below this |log rₜ|, rₜ − 1 loses digits to cancellation and expm1 is used instead.</summary>
    private const double ExpM1Threshold = 1e-5;

    /// <summary>k1 = (1/n) Σₜ −log rₜ = (1/n) Σₜ (log π_old(aₜ|sₜ) − log π_new(aₜ|sₜ)).</summary>
    public static double K1(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs)
    {
        SurrogateInputs.CheckLengths(newLogProbs, oldLogProbs, oldLogProbs.Length, nameof(oldLogProbs));
        double sum = 0.0;
        for (int t = 0; t < newLogProbs.Length; t++)
        {
            SurrogateInputs.CheckFinite(newLogProbs[t], t, nameof(newLogProbs));
            SurrogateInputs.CheckFinite(oldLogProbs[t], t, nameof(oldLogProbs));
            sum += oldLogProbs[t] - newLogProbs[t];
        }

        return SurrogateInputs.CheckedMean(sum, newLogProbs.Length, nameof(newLogProbs));
    }

    /// <summary>
    /// k3 = (1/n) Σₜ ((rₜ − 1) − log rₜ), each term ≥ 0 because log x ≤ x − 1. Evaluated as expm1(log rₜ) − log rₜ
    /// (exact near rₜ = 1, where rₜ − 1 would lose digits) and floored at 0 so rounding can never produce a negative term.
    /// </summary>
    public static double K3(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs)
    {
        SurrogateInputs.CheckLengths(newLogProbs, oldLogProbs, oldLogProbs.Length, nameof(oldLogProbs));
        double sum = 0.0;
        for (int t = 0; t < newLogProbs.Length; t++)
        {
            double ratioMinusOne = SurrogateInputs.Ratio(newLogProbs, oldLogProbs, t) - 1.0;
            double logRatio = newLogProbs[t] - oldLogProbs[t];
            sum += Math.Max(0.0, (Math.Abs(logRatio) < ExpM1Threshold ? double.ExpM1(logRatio) : ratioMinusOne) - logRatio);
        }

        return SurrogateInputs.CheckedMean(sum, newLogProbs.Length, nameof(newLogProbs));
    }
}
