using RlNotebooks.Validation;

namespace RlNotebooks.Surrogates;

/// <summary>
/// The surrogate family's shared pieces: the ratio rₜ(θ) = exp(log π_θ(aₜ|sₜ) − log π_θold(aₜ|sₜ)) with its checks, and the
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

    /// <summary>rₜ(θ) at index t after checking that both log-probabilities are finite; an overflowing ratio is an error.</summary>
    internal static double Ratio(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs, int t)
    {
        CheckFinite(newLogProbs[t], t, nameof(newLogProbs));
        CheckFinite(oldLogProbs[t], t, nameof(oldLogProbs));
        double ratio = Math.Exp(newLogProbs[t] - oldLogProbs[t]);
        return double.IsFinite(ratio) ? ratio : throw Guard.Overflow($"r[{t}] = exp({newLogProbs[t]} − {oldLogProbs[t]})", nameof(newLogProbs));
    }

    /// <summary>
    /// (1/n) Σₜ min(rₜ Âₜ, clip(rₜ, low, high) Âₜ), writing rₜ Âₜ / n into <paramref name="gradient"/> (unless empty) where the
    /// unclipped term is the minimum and 0 where the clipped term is strictly smaller. L^CLIP uses [1 − ε, 1 + ε]; L^CPI uses
    /// [0, +∞), where the clip never binds because rₜ ≥ 0. The first non-finite input is named.
    /// </summary>
    internal static double PessimisticMean(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs,
        ReadOnlySpan<double> advantages, double low, double high, Span<double> gradient)
    {
        int n = newLogProbs.Length;
        double sum = 0.0;
        for (int t = 0; t < n; t++)
        {
            CheckFinite(advantages[t], t, nameof(advantages));
            double ratio = Ratio(newLogProbs, oldLogProbs, t);
            double unclipped = ratio * advantages[t];
            double clipped = Math.Clamp(ratio, low, high) * advantages[t];
            sum += Math.Min(unclipped, clipped);
            if (!gradient.IsEmpty)
            {
                gradient[t] = unclipped <= clipped ? unclipped / n : 0.0;
            }
        }

        return CheckedMean(sum, n, nameof(advantages));
    }

    internal static void CheckFinite(double value, int t, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{paramName}[{t}] must be finite but was {value}.", paramName);
        }
    }

    internal static double CheckedMean(double sum, int count, string paramName) =>
        double.IsFinite(sum) ? sum / count : throw Guard.Overflow($"the sum over {paramName}", paramName);
}
