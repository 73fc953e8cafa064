using RlNotebooks.Validation;

namespace RlNotebooks.ImportanceSampling;

/// <summary>
/// Importance-sampling ratios ρₜ = π(aₜ|sₜ) / μ(aₜ|sₜ) of a target policy π against a behaviour policy μ,
/// computed in log space from log-probabilities: ρₜ = exp(log π(aₜ|sₜ) − log μ(aₜ|sₜ)).
/// </summary>
/// <remarks>
/// A log-ratio above ln(double.MaxValue) ≈ 709.78 gives ρ = +∞; that is reported as an overflow naming the index, never
/// clamped silently. Very negative log-ratios underflow harmlessly to ρ = 0. Log-probabilities may be densities (&gt; 0 allowed).
/// </remarks>
public static class ImportanceRatios
{
    /// <summary>Per-step ratios ρₜ = exp(log π(aₜ|sₜ) − log μ(aₜ|sₜ)) as a new array.</summary>
    /// <param name="targetLogProbs">log π(aₜ|sₜ) of the target policy.</param>
    /// <param name="behaviourLogProbs">log μ(aₜ|sₜ) of the behaviour policy that generated the actions.</param>
    public static double[] Ratios(ReadOnlySpan<double> targetLogProbs, ReadOnlySpan<double> behaviourLogProbs)
    {
        var ratios = new double[targetLogProbs.Length];
        RatiosInto(targetLogProbs, behaviourLogProbs, ratios);
        return ratios;
    }

    /// <inheritdoc cref="Ratios"/>
    /// <summary>Writes ρₜ = exp(log π(aₜ|sₜ) − log μ(aₜ|sₜ)) into <paramref name="destination"/>; no allocation.</summary>
    public static void RatiosInto(ReadOnlySpan<double> targetLogProbs, ReadOnlySpan<double> behaviourLogProbs, Span<double> destination)
    {
        Validate(targetLogProbs, behaviourLogProbs);
        Guard.SameLength(targetLogProbs.Length, destination.Length, nameof(destination), nameof(targetLogProbs));
        for (int t = 0; t < targetLogProbs.Length; t++)
        {
            destination[t] = Exp(targetLogProbs[t] - behaviourLogProbs[t], t);
        }
    }

    /// <summary>
    /// Trajectory-level ratio ρ_{0:T−1} = Πₜ π(aₜ|sₜ)/μ(aₜ|sₜ) = exp(Σₜ (log π − log μ)) of ONE episode (t = 0..T−1).
    /// The log-ratios are summed first, so long trajectories do not underflow or overflow term by term.
    /// </summary>
    /// <param name="targetLogProbs">log π(aₜ|sₜ).</param>
    /// <param name="behaviourLogProbs">log μ(aₜ|sₜ).</param>
    public static double TrajectoryRatio(ReadOnlySpan<double> targetLogProbs, ReadOnlySpan<double> behaviourLogProbs)
    {
        Validate(targetLogProbs, behaviourLogProbs);
        double sum = 0.0;
        for (int t = 0; t < targetLogProbs.Length; t++)
        {
            sum += targetLogProbs[t] - behaviourLogProbs[t];
        }

        return Exp(sum, targetLogProbs.Length - 1);
    }

    /// <summary>
    /// Per-decision ratios ρ_{0:t} = Π_{k=0..t} π(a_k|s_k)/μ(a_k|s_k) for t = 0..T−1 of ONE episode (cumulative products,
    /// computed as exp of cumulative log-ratio sums). For a batch of several episodes call it once per episode:
    /// the product must restart at every episode start.
    /// </summary>
    /// <param name="targetLogProbs">log π(aₜ|sₜ).</param>
    /// <param name="behaviourLogProbs">log μ(aₜ|sₜ).</param>
    public static double[] PerDecisionRatios(ReadOnlySpan<double> targetLogProbs, ReadOnlySpan<double> behaviourLogProbs)
    {
        var ratios = new double[targetLogProbs.Length];
        PerDecisionRatiosInto(targetLogProbs, behaviourLogProbs, ratios);
        return ratios;
    }

    /// <inheritdoc cref="PerDecisionRatios"/>
    /// <summary>Writes the per-decision ratios ρ_{0:t} of one episode into <paramref name="destination"/>; no allocation.</summary>
    public static void PerDecisionRatiosInto(ReadOnlySpan<double> targetLogProbs, ReadOnlySpan<double> behaviourLogProbs, Span<double> destination)
    {
        Validate(targetLogProbs, behaviourLogProbs);
        Guard.SameLength(targetLogProbs.Length, destination.Length, nameof(destination), nameof(targetLogProbs));
        double sum = 0.0;
        for (int t = 0; t < targetLogProbs.Length; t++)
        {
            sum += targetLogProbs[t] - behaviourLogProbs[t];
            destination[t] = Exp(sum, t);
        }
    }

    /// <summary>exp(<paramref name="logRatio"/>), or an overflow error naming index <paramref name="t"/> when it is +∞.</summary>
    private static double Exp(double logRatio, int t)
    {
        double ratio = Math.Exp(logRatio);
        return double.IsFinite(ratio) ? ratio : throw Guard.Overflow($"ρ[{t}] = exp({logRatio})", "targetLogProbs");
    }

    private static void Validate(ReadOnlySpan<double> targetLogProbs, ReadOnlySpan<double> behaviourLogProbs)
    {
        Guard.NotEmpty(targetLogProbs.Length, nameof(targetLogProbs));
        Guard.SameLength(targetLogProbs.Length, behaviourLogProbs.Length, nameof(behaviourLogProbs), nameof(targetLogProbs));
        Guard.AllFinite(targetLogProbs);
        Guard.AllFinite(behaviourLogProbs);
    }
}
