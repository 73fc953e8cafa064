using RlNotebooks.Validation;

namespace RlNotebooks.Surrogates;

/// <summary>Value of L^CLIP and its gradient ∂L^CLIP/∂(log π_θ(aₜ|sₜ)) for every sample t.</summary>
/// <param name="Value">L^CLIP(θ).</param>
/// <param name="Gradient">Gradient with respect to each new log-probability log π_θ(aₜ|sₜ).</param>
public sealed record ClippedSurrogateResult(double Value, double[] Gradient);

/// <summary>
/// PPO clipped surrogate (Schulman et al. 2017, eq. 7), to be maximised:
/// L^CLIP(θ) = (1/n) Σₜ min(rₜ(θ) Âₜ, clip(rₜ(θ), 1 − ε, 1 + ε) Âₜ), rₜ(θ) = exp(log π_θ(aₜ|sₜ) − log π_θold(aₜ|sₜ)).
/// The paper uses ε = 0.2.
/// </summary>
/// <remarks>
/// Gradient: since ∂rₜ/∂log π_θ = rₜ, ∂L^CLIP/∂log π_θ(aₜ|sₜ) = rₜ Âₜ / n when the unclipped term is the minimum and 0 when
/// the clipped term is strictly smaller (the clip is active in the direction that would improve the objective).
/// At a tie (rₜ Âₜ = clip(rₜ) Âₜ, e.g. rₜ exactly at 1 ± ε) the unclipped branch is taken — a valid one-sided derivative.
/// </remarks>
public static class ClippedSurrogate
{
    /// <summary>L^CLIP only, without the gradient.</summary>
    /// <param name="newLogProbs">log π_θ(aₜ|sₜ).</param>
    /// <param name="oldLogProbs">log π_θold(aₜ|sₜ).</param>
    /// <param name="advantages">Âₜ.</param>
    /// <param name="epsilon">Clip range ε ∈ [0, 1] (0.2 in the PPO paper).</param>
    public static double Value(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs, ReadOnlySpan<double> advantages, double epsilon)
    {
        SurrogateInputs.CheckLengths(newLogProbs, oldLogProbs, advantages.Length, nameof(advantages));
        return Evaluate(newLogProbs, oldLogProbs, advantages, epsilon, Span<double>.Empty);
    }

    /// <summary>L^CLIP and its gradient with respect to the new log-probabilities, in a new record.</summary>
    public static ClippedSurrogateResult ValueAndGradient(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs,
        ReadOnlySpan<double> advantages, double epsilon)
    {
        var gradient = new double[newLogProbs.Length];
        double value = ValueAndGradientInto(newLogProbs, oldLogProbs, advantages, epsilon, gradient);
        return new ClippedSurrogateResult(value, gradient);
    }

    /// <inheritdoc cref="ValueAndGradient"/>
    /// <summary>Returns L^CLIP and writes ∂L^CLIP/∂log π_θ(aₜ|sₜ) into <paramref name="gradient"/>; no allocation, one pass.</summary>
    public static double ValueAndGradientInto(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs,
        ReadOnlySpan<double> advantages, double epsilon, Span<double> gradient)
    {
        SurrogateInputs.CheckLengths(newLogProbs, oldLogProbs, advantages.Length, nameof(advantages));
        Guard.SameLength(newLogProbs.Length, gradient.Length, nameof(gradient), nameof(newLogProbs));
        return Evaluate(newLogProbs, oldLogProbs, advantages, epsilon, gradient);
    }

    private static double Evaluate(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs,
        ReadOnlySpan<double> advantages, double epsilon, Span<double> gradient)
    {
        Guard.UnitInterval(epsilon);
        return SurrogateInputs.PessimisticMean(newLogProbs, oldLogProbs, advantages, 1.0 - epsilon, 1.0 + epsilon, gradient);
    }
}
