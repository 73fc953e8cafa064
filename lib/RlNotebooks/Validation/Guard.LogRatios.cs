using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RlNotebooks.Validation;

public static partial class Guard
{
    /// <summary>
    /// Ratio kernel shared by the surrogate and importance-sampling families: for the
    /// <see cref="Vector256{T}.Count"/> samples starting at <paramref name="index"/>, computes
    /// rₜ = exp(log π_new(aₜ|sₜ) − log π_old(aₜ|sₜ)) lane-wise with <see cref="Vector256.Exp(Vector256{double})"/>.
    /// Returns false, without throwing, when some lane has a non-finite log-probability or a log-ratio above
    /// <see cref="MaxLogRatio"/>: the caller then redoes those samples with its scalar checks, which throw naming the first
    /// offender exactly as the scalar path does. Use it only when <see cref="Vector256.IsHardwareAccelerated"/>.
    /// </summary>
    /// <remarks>
    /// The vector exp may differ from <see cref="Math.Exp"/> in the last ulp. Log-ratios that overflow to −∞ (from two
    /// finite but huge log-probabilities) give rₜ = 0, as <see cref="Math.Exp"/> does.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryExpLogRatios(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs, int index,
        out Vector256<double> ratios)
    {
        var newLogProb = Vector256.Create(newLogProbs.Slice(index));
        var oldLogProb = Vector256.Create(oldLogProbs.Slice(index));
        var logRatio = newLogProb - oldLogProb;
        // x − x is +0 for finite x and NaN for ±∞ or NaN, so the sum poisons the comparison exactly where an input is not finite.
        var poison = (newLogProb - newLogProb) + (oldLogProb - oldLogProb);
        if (!Vector256.LessThanOrEqualAll(logRatio + poison, Vector256.Create(MaxLogRatio)))
        {
            ratios = default;
            return false;
        }

        ratios = Vector256.Exp(logRatio);
        return true;
    }

    /// <summary>
    /// Scalar twin of the check in <see cref="TryExpLogRatios"/>: true when both log-probabilities are finite and their
    /// difference is at most <see cref="MaxLogRatio"/>, i.e. when exp(<paramref name="newLogProb"/> − <paramref name="oldLogProb"/>)
    /// is a finite ratio.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsRepresentableLogRatio(double newLogProb, double oldLogProb) =>
        double.IsFinite(newLogProb) && double.IsFinite(oldLogProb) && newLogProb - oldLogProb <= MaxLogRatio;

    /// <summary>True when every lane is finite (not NaN, not ±∞); the vector twin of <see cref="double.IsFinite"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllLanesFinite(Vector256<double> values) => Vector256.EqualsAll(values - values, Vector256<double>.Zero);
}
