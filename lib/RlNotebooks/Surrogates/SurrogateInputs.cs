using System.Runtime.CompilerServices;
using RlNotebooks.Validation;

namespace RlNotebooks.Surrogates;

/// <summary>Single-pass validation of surrogate inputs and the ratio rₜ(θ) = exp(log π_θ(aₜ|sₜ) − log π_θold(aₜ|sₜ)).</summary>
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
        double logRatio = newLogProbs[t] - oldLogProbs[t];
        if (!(logRatio <= Guard.MaxLogRatio))
        {
            ThrowBadLogRatio(newLogProbs[t], oldLogProbs[t], t, logRatio);
        }

        return Math.Exp(logRatio);
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
            : throw new ArgumentException($"the sum over {paramName} overflowed to {sum}; ratios or advantages are too large.", paramName);

    private static void ThrowBadLogRatio(double newLogProb, double oldLogProb, int t, double logRatio)
    {
        CheckFinite(newLogProb, t, "newLogProbs");
        CheckFinite(oldLogProb, t, "oldLogProbs");
        Guard.RepresentableLogRatio(logRatio, t, newLogProb, oldLogProb, "newLogProbs");
    }

    private static void ThrowNotFinite(double value, int t, string paramName) =>
        throw new ArgumentException($"{paramName}[{t}] must be finite but was {value}.", paramName);
}
