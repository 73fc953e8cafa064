using System.Runtime.Intrinsics;
using RlNotebooks.Validation;

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
    /// and floored at 0 so rounding can never produce a negative term.
    /// </summary>
    /// <remarks>
    /// With hardware Vector256, <see cref="Vector256{T}.Count"/> samples at a time go through the shared ratio kernel
    /// <see cref="Guard.TryExpLogRatios"/> when every |log rₜ| ≥ 10⁻⁵ (there rₜ − 1 is as accurate as expm1); a vector with a
    /// smaller log-ratio or a bad sample, the tail and non-accelerated hardware use the scalar definition.
    /// </remarks>
    public static double K3(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs)
    {
        SurrogateInputs.CheckLengths(newLogProbs, oldLogProbs, oldLogProbs.Length, nameof(oldLogProbs));
        int n = newLogProbs.Length, t = 0, width = Vector256<double>.Count;
        double sum = 0.0;
        if (Vector256.IsHardwareAccelerated)
        {
            var expM1Threshold = Vector256.Create(ExpM1Threshold);
            var one = Vector256.Create(1.0);
            var sumLanes = Vector256<double>.Zero;
            for (; t <= n - width; t += width)
            {
                var logRatio = Vector256.Create(newLogProbs.Slice(t)) - Vector256.Create(oldLogProbs.Slice(t));
                if (!Vector256.GreaterThanOrEqualAll(Vector256.Abs(logRatio), expM1Threshold)
                    || !Guard.TryExpLogRatios(newLogProbs, oldLogProbs, t, out var ratio))
                {
                    sum += K3Terms(newLogProbs, oldLogProbs, t, t + width);
                    continue;
                }

                sumLanes += Vector256.Max(Vector256<double>.Zero, ratio - one - logRatio);
            }

            sum += Vector256.Sum(sumLanes);
        }

        sum += K3Terms(newLogProbs, oldLogProbs, t, n);
        return SurrogateInputs.CheckedMean(sum, n, nameof(newLogProbs));
    }

    /// <summary>Scalar Σ_{t ∈ [start, end)} max(0, expm1(log rₜ) − log rₜ), throwing at the first bad sample.</summary>
    private static double K3Terms(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs, int start, int end)
    {
        double sum = 0.0;
        for (int t = start; t < end; t++)
        {
            double ratio = SurrogateInputs.Ratio(newLogProbs, oldLogProbs, t);
            double logRatio = newLogProbs[t] - oldLogProbs[t];
            sum += Math.Max(0.0, (Math.Abs(logRatio) < ExpM1Threshold ? double.ExpM1(logRatio) : ratio - 1.0) - logRatio);
        }

        return sum;
    }
}
