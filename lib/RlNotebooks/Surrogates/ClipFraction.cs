using System.Numerics;
using System.Runtime.Intrinsics;
using RlNotebooks.Validation;

namespace RlNotebooks.Surrogates;

/// <summary>PPO diagnostic: the fraction of samples whose probability ratio lies outside the clip interval.</summary>
public static class ClipFraction
{
    /// <summary>
    /// Fraction of samples t with |rₜ(θ) − 1| &gt; ε (strictly), rₜ(θ) = exp(log π_θ(aₜ|sₜ) − log π_θold(aₜ|sₜ)),
    /// the convention of OpenAI baselines' <c>clipfrac</c>. It counts every ratio outside [1 − ε, 1 + ε] whatever the sign
    /// of Âₜ, so it is an upper bound on the fraction of samples whose gradient is actually zeroed by L^CLIP.
    /// </summary>
    public static double Compute(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs, double epsilon)
    {
        SurrogateInputs.CheckLengths(newLogProbs, oldLogProbs, oldLogProbs.Length, nameof(oldLogProbs));
        Guard.UnitInterval(epsilon);
        int n = newLogProbs.Length, t = 0, width = Vector256<double>.Count, clipped = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var one = Vector256.Create(1.0);
            var epsilonLanes = Vector256.Create(epsilon);
            for (; t <= n - width; t += width)
            {
                clipped += Guard.TryExpLogRatios(newLogProbs, oldLogProbs, t, out var ratio)
                    ? BitOperations.PopCount(Vector256.GreaterThan(Vector256.Abs(ratio - one), epsilonLanes).ExtractMostSignificantBits())
                    : CountOutside(newLogProbs, oldLogProbs, epsilon, t, t + width);
            }
        }

        clipped += CountOutside(newLogProbs, oldLogProbs, epsilon, t, n);
        return (double)clipped / n;
    }

    /// <summary>Scalar count over [start, end), throwing at the first bad log-probability or overflowing log-ratio.</summary>
    private static int CountOutside(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs, double epsilon, int start, int end)
    {
        int clipped = 0;
        for (int t = start; t < end; t++)
        {
            if (Math.Abs(SurrogateInputs.Ratio(newLogProbs, oldLogProbs, t) - 1.0) > epsilon)
            {
                clipped++;
            }
        }

        return clipped;
    }
}
