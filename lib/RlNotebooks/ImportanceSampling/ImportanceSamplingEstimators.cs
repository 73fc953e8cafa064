using RlNotebooks.Validation;

namespace RlNotebooks.ImportanceSampling;

/// <summary>
/// Monte Carlo off-policy estimators of v_π(s) from n returns Gᵢ collected under μ with trajectory ratios ρᵢ
/// (Sutton &amp; Barto 2018, §5.5, eqs. 5.5 and 5.6).
/// </summary>
public static class ImportanceSamplingEstimators
{
    /// <summary>Ordinary importance sampling V = (1/n) Σᵢ ρᵢ Gᵢ (unbiased, possibly unbounded variance).</summary>
    /// <param name="ratios">Trajectory ratios ρᵢ ≥ 0, e.g. from <see cref="ImportanceRatios.TrajectoryRatio"/>.</param>
    /// <param name="returns">Returns Gᵢ observed under the behaviour policy.</param>
    public static double Ordinary(ReadOnlySpan<double> ratios, ReadOnlySpan<double> returns)
    {
        Validate(ratios, returns);
        double sum = 0.0;
        for (int i = 0; i < ratios.Length; i++)
        {
            sum += ratios[i] * returns[i];
        }

        return Checked(sum / ratios.Length);
    }

    /// <summary>
    /// Weighted importance sampling V = Σᵢ ρᵢ Gᵢ / Σᵢ ρᵢ (biased, bounded by the returns).
    /// When Σᵢ ρᵢ = 0 the estimate is defined as 0, as in Sutton &amp; Barto §5.5 (eq. 5.6 and the text after it).
    /// </summary>
    public static double Weighted(ReadOnlySpan<double> ratios, ReadOnlySpan<double> returns)
    {
        Validate(ratios, returns);
        double weightedSum = 0.0, weightSum = 0.0;
        for (int i = 0; i < ratios.Length; i++)
        {
            weightedSum += ratios[i] * returns[i];
            weightSum += ratios[i];
        }

        return weightSum == 0.0 ? 0.0 : Checked(weightedSum / weightSum);
    }

    private static void Validate(ReadOnlySpan<double> ratios, ReadOnlySpan<double> returns)
    {
        Guard.NotEmpty(ratios.Length, nameof(ratios));
        Guard.SameLength(ratios.Length, returns.Length, nameof(returns), nameof(ratios));
        WeightChecks.NonNegativeFinite(ratios, nameof(ratios));
        Guard.AllFinite(returns);
    }

    private static double Checked(double estimate) =>
        double.IsFinite(estimate)
            ? estimate
            : throw Guard.Overflow("the importance-weighted sum Σ ρᵢGᵢ", "ratios");
}
