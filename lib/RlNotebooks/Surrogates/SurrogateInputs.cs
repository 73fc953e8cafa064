using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using RlNotebooks.Validation;

namespace RlNotebooks.Surrogates;

/// <summary>
/// Single-pass validation of surrogate inputs, the ratio rₜ(θ) = exp(log π_θ(aₜ|sₜ) − log π_θold(aₜ|sₜ)), and the
/// pessimistic mean (1/n) Σₜ min(rₜ Âₜ, clip(rₜ, low, high) Âₜ) shared by L^CLIP and L^CPI.
/// </summary>
internal static class SurrogateInputs
{
    internal static void CheckLengths(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs, int otherLength, string otherName)
    {
        Guard.NotEmpty(newLogProbs.Length, nameof(newLogProbs));
        Guard.SameLength(newLogProbs.Length, oldLogProbs.Length, nameof(oldLogProbs), nameof(newLogProbs));
        Guard.SameLength(newLogProbs.Length, otherLength, otherName, nameof(newLogProbs));
    }

    /// <summary>rₜ(θ) at index t after checking that both log-probabilities are finite and the ratio cannot overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Ratio(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs, int t)
    {
        double newLogProb = newLogProbs[t], oldLogProb = oldLogProbs[t];
        if (!Guard.IsRepresentableLogRatio(newLogProb, oldLogProb))
        {
            ThrowBadLogRatio(newLogProb, oldLogProb, t);
        }

        return Math.Exp(newLogProb - oldLogProb);
    }

    /// <summary>
    /// (1/n) Σₜ min(rₜ Âₜ, clip(rₜ, low, high) Âₜ), writing rₜ Âₜ / n into <paramref name="gradient"/> (unless empty) where the
    /// unclipped term is the minimum and 0 where the clipped term is strictly smaller. L^CLIP uses [1 − ε, 1 + ε]; L^CPI uses
    /// [0, +∞), where the clip never binds because rₜ ≥ 0. Every sample t is checked in order: Âₜ finite, both log-probabilities
    /// finite, log-ratio ≤ <see cref="Guard.MaxLogRatio"/>; the first offender is named.
    /// </summary>
    /// <remarks>
    /// With hardware Vector256 the samples are processed <see cref="Vector256{T}.Count"/> at a time through
    /// <see cref="Guard.TryExpLogRatios"/>; a vector holding a bad sample, the tail and non-accelerated hardware go through
    /// <see cref="PessimisticTerms"/>, the scalar definition, which throws at the first offender.
    /// </remarks>
    internal static double PessimisticMean(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs,
        ReadOnlySpan<double> advantages, double low, double high, Span<double> gradient)
    {
        int n = newLogProbs.Length, t = 0, width = Vector256<double>.Count;
        double sum = 0.0;
        if (Vector256.IsHardwareAccelerated)
        {
            var lowLanes = Vector256.Create(low);
            var highLanes = Vector256.Create(high);
            var inverseN = Vector256.Create(1.0 / n);
            var sumLanes = Vector256<double>.Zero;
            for (; t <= n - width; t += width)
            {
                var advantage = Vector256.Create(advantages.Slice(t));
                if (!Guard.AllLanesFinite(advantage) || !Guard.TryExpLogRatios(newLogProbs, oldLogProbs, t, out var ratio))
                {
                    sum += PessimisticTerms(newLogProbs, oldLogProbs, advantages, low, high, t, t + width, gradient);
                    continue;
                }

                var unclipped = ratio * advantage;
                var clipped = Vector256.Min(Vector256.Max(ratio, lowLanes), highLanes) * advantage;
                var unclippedIsMin = Vector256.LessThanOrEqual(unclipped, clipped);
                sumLanes += Vector256.ConditionalSelect(unclippedIsMin, unclipped, clipped);
                if (!gradient.IsEmpty)
                {
                    Vector256.ConditionalSelect(unclippedIsMin, unclipped * inverseN, Vector256<double>.Zero).CopyTo(gradient.Slice(t));
                }
            }

            sum += Vector256.Sum(sumLanes);
        }

        sum += PessimisticTerms(newLogProbs, oldLogProbs, advantages, low, high, t, n, gradient);
        return CheckedMean(sum, n, nameof(advantages));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void CheckFinite(double value, int t, string paramName)
    {
        if (!double.IsFinite(value))
        {
            ThrowNotFinite(value, t, paramName);
        }
    }

    internal static double CheckedMean(double sum, int count, string paramName) =>
        double.IsFinite(sum)
            ? sum / count
            : throw Guard.Overflow($"the sum over {paramName}", paramName);

    /// <summary>Scalar Σ_{t ∈ [start, end)} min(rₜ Âₜ, clip(rₜ, low, high) Âₜ) with per-sample checks and gradient.</summary>
    private static double PessimisticTerms(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs,
        ReadOnlySpan<double> advantages, double low, double high, int start, int end, Span<double> gradient)
    {
        double inverseN = 1.0 / newLogProbs.Length, sum = 0.0;
        for (int t = start; t < end; t++)
        {
            double advantage = advantages[t];
            CheckFinite(advantage, t, nameof(advantages));
            double ratio = Ratio(newLogProbs, oldLogProbs, t);
            double unclipped = ratio * advantage;
            double clipped = Math.Clamp(ratio, low, high) * advantage;
            bool unclippedIsMin = unclipped <= clipped;
            sum += unclippedIsMin ? unclipped : clipped;
            if (!gradient.IsEmpty)
            {
                gradient[t] = unclippedIsMin ? unclipped * inverseN : 0.0;
            }
        }

        return sum;
    }

    private static void ThrowBadLogRatio(double newLogProb, double oldLogProb, int t)
    {
        CheckFinite(newLogProb, t, "newLogProbs");
        CheckFinite(oldLogProb, t, "oldLogProbs");
        Guard.RepresentableLogRatio(newLogProb - oldLogProb, t, newLogProb, oldLogProb, "newLogProbs");
    }

    private static void ThrowNotFinite(double value, int t, string paramName) =>
        throw new ArgumentException($"{paramName}[{t}] must be finite but was {value}.", paramName);
}
