using System.Runtime.Intrinsics;
using RlNotebooks.Validation;

namespace RlNotebooks.ImportanceSampling;

/// <summary>
/// Importance-sampling ratios ρₜ = π(aₜ|sₜ) / μ(aₜ|sₜ) of a target policy π against a behaviour policy μ,
/// computed in log space from log-probabilities: ρₜ = exp(log π(aₜ|sₜ) − log μ(aₜ|sₜ)).
/// </summary>
/// <remarks>
/// Overflow guard: a log-ratio above ln(double.MaxValue) ≈ 709.78 (<see cref="Guard.MaxLogRatio"/>) would give ρ = +∞,
/// so it is rejected with an <see cref="ArgumentException"/> naming the index, never clamped silently.
/// Very negative log-ratios underflow harmlessly to ρ = 0. Log-probabilities may be densities (&gt; 0 allowed).
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

    /// <summary>Writes ρₜ = exp(log π(aₜ|sₜ) − log μ(aₜ|sₜ)) into <paramref name="destination"/>; no allocation.</summary>
    /// <remarks>
    /// One validating pass, <see cref="Vector256{T}.Count"/> steps at a time with hardware Vector256
    /// (<see cref="Guard.TryExpLogRatios"/>; may differ from <see cref="Math.Exp"/> in the last ulp). If any step is bad, the
    /// scalar checks rerun in their documented order to throw: first non-finite target log-probability, then first non-finite
    /// behaviour log-probability, then first overflowing log-ratio.
    /// </remarks>
    public static void RatiosInto(ReadOnlySpan<double> targetLogProbs, ReadOnlySpan<double> behaviourLogProbs, Span<double> destination)
    {
        Guard.NotEmpty(targetLogProbs.Length, nameof(targetLogProbs));
        Guard.SameLength(targetLogProbs.Length, behaviourLogProbs.Length, nameof(behaviourLogProbs), nameof(targetLogProbs));
        Guard.SameLength(targetLogProbs.Length, destination.Length, nameof(destination), nameof(targetLogProbs));
        if (TryRatiosInto(targetLogProbs, behaviourLogProbs, destination))
        {
            return;
        }

        Validate(targetLogProbs, behaviourLogProbs);
        for (int t = 0; t < targetLogProbs.Length; t++)
        {
            double logRatio = targetLogProbs[t] - behaviourLogProbs[t];
            Guard.RepresentableLogRatio(logRatio, t, targetLogProbs[t], behaviourLogProbs[t], nameof(targetLogProbs));
            destination[t] = Math.Exp(logRatio);
        }
    }

    /// <summary>
    /// Trajectory-level ratio ρ_{0:T−1} = Πₜ π(aₜ|sₜ)/μ(aₜ|sₜ) = exp(Σₜ (log π − log μ)) of ONE episode (t = 0..T−1).
    /// The log-ratios are summed first, so long trajectories do not underflow or overflow term by term.
    /// </summary>
    public static double TrajectoryRatio(ReadOnlySpan<double> targetLogProbs, ReadOnlySpan<double> behaviourLogProbs)
    {
        Validate(targetLogProbs, behaviourLogProbs);
        double sum = 0.0;
        for (int t = 0; t < targetLogProbs.Length; t++)
        {
            sum += targetLogProbs[t] - behaviourLogProbs[t];
        }

        Guard.RepresentableLogRatio(sum, targetLogProbs.Length - 1, targetLogProbs[^1], behaviourLogProbs[^1], nameof(targetLogProbs));
        return Math.Exp(sum);
    }

    /// <summary>
    /// Per-decision ratios ρ_{0:t} = Π_{k=0..t} π(a_k|s_k)/μ(a_k|s_k) for t = 0..T−1 of ONE episode (cumulative products,
    /// computed as exp of cumulative log-ratio sums). For a batch of several episodes call it once per episode:
    /// the product must restart at every episode start.
    /// </summary>
    public static double[] PerDecisionRatios(ReadOnlySpan<double> targetLogProbs, ReadOnlySpan<double> behaviourLogProbs)
    {
        var ratios = new double[targetLogProbs.Length];
        PerDecisionRatiosInto(targetLogProbs, behaviourLogProbs, ratios);
        return ratios;
    }

    /// <summary>Writes the per-decision ratios ρ_{0:t} of one episode into <paramref name="destination"/>; no allocation.</summary>
    public static void PerDecisionRatiosInto(ReadOnlySpan<double> targetLogProbs, ReadOnlySpan<double> behaviourLogProbs, Span<double> destination)
    {
        Validate(targetLogProbs, behaviourLogProbs);
        Guard.SameLength(targetLogProbs.Length, destination.Length, nameof(destination), nameof(targetLogProbs));
        double sum = 0.0;
        for (int t = 0; t < targetLogProbs.Length; t++)
        {
            sum += targetLogProbs[t] - behaviourLogProbs[t];
            Guard.RepresentableLogRatio(sum, t, targetLogProbs[t], behaviourLogProbs[t], nameof(targetLogProbs));
            destination[t] = Math.Exp(sum);
        }
    }

    /// <summary>Writes every ρₜ and returns true, or returns false as soon as a log-probability is not finite or ρₜ would overflow.</summary>
    private static bool TryRatiosInto(ReadOnlySpan<double> targetLogProbs, ReadOnlySpan<double> behaviourLogProbs, Span<double> destination)
    {
        int n = targetLogProbs.Length, t = 0, width = Vector256<double>.Count;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; t <= n - width; t += width)
            {
                if (!Guard.TryExpLogRatios(targetLogProbs, behaviourLogProbs, t, out var ratios))
                {
                    return false;
                }

                ratios.CopyTo(destination.Slice(t));
            }
        }

        for (; t < n; t++)
        {
            if (!Guard.IsRepresentableLogRatio(targetLogProbs[t], behaviourLogProbs[t]))
            {
                return false;
            }

            destination[t] = Math.Exp(targetLogProbs[t] - behaviourLogProbs[t]);
        }

        return true;
    }

    private static void Validate(ReadOnlySpan<double> targetLogProbs, ReadOnlySpan<double> behaviourLogProbs)
    {
        Guard.NotEmpty(targetLogProbs.Length, nameof(targetLogProbs));
        Guard.SameLength(targetLogProbs.Length, behaviourLogProbs.Length, nameof(behaviourLogProbs), nameof(targetLogProbs));
        Guard.AllFinite(targetLogProbs);
        Guard.AllFinite(behaviourLogProbs);
    }
}
