using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Losses;

/// <summary>
/// PPO objectives as tensor functions of per-sample [N] tensors, to be MAXIMISED (minimise their negation), each equal to its
/// span-library specification in RlNotebooks.Surrogates. rₜ(θ) = exp(log π_θ(aₜ|sₜ) − log π_θold(aₜ|sₜ)); the old
/// log-probabilities and the advantages are data (pass them detached).
/// </summary>
public static class PpoLosses
{
    /// <summary>L^CLIP = (1/N) Σₜ min(rₜ Âₜ, clip(rₜ, 1 − ε, 1 + ε) Âₜ) (Schulman et al. 2017, eq. 7); a 0-d tensor.</summary>
    /// <param name="newLogProbs">log π_θ(aₜ|sₜ), [N].</param>
    /// <param name="oldLogProbs">log π_θold(aₜ|sₜ), [N].</param>
    /// <param name="advantages">Âₜ, [N].</param>
    /// <param name="epsilon">ε ∈ [0, 1] (0.2 in the paper).</param>
    public static Tensor ClippedSurrogate(Tensor newLogProbs, Tensor oldLogProbs, Tensor advantages, double epsilon)
    {
        long n = Shapes.Batch(newLogProbs, nameof(newLogProbs));
        Shapes.SameBatch(oldLogProbs, nameof(oldLogProbs), n, nameof(newLogProbs));
        Shapes.SameBatch(advantages, nameof(advantages), n, nameof(newLogProbs));
        Validation.Guard.UnitInterval(epsilon);
        using var scope = NewDisposeScope();
        Tensor ratio = (newLogProbs - oldLogProbs).exp();
        Tensor clipped = ratio.clamp(ratio.Constant(1.0 - epsilon), ratio.Constant(1.0 + epsilon));
        return minimum(ratio * advantages, clipped * advantages).mean().MoveToOuterDisposeScope();
    }

    /// <summary>L^KLPEN = (1/N) Σₜ rₜ Âₜ − β D̄_KL (Schulman et al. 2017, eq. 8); a 0-d tensor.</summary>
    /// <param name="newLogProbs">log π_θ(aₜ|sₜ), [N].</param>
    /// <param name="oldLogProbs">log π_θold(aₜ|sₜ), [N].</param>
    /// <param name="advantages">Âₜ, [N].</param>
    /// <param name="beta">β ≥ 0, adapted between updates by RlNotebooks.Surrogates.AdaptiveKlPenalty.NextBeta.</param>
    /// <param name="meanKl">D̄_KL(π_θold ‖ π_θ), a 0-d tensor: exact (mean of a distribution's KlDivergence) or <see cref="KlEstimators.K3"/>.</param>
    public static Tensor KlPenalizedSurrogate(Tensor newLogProbs, Tensor oldLogProbs, Tensor advantages, double beta, Tensor meanKl)
    {
        long n = Shapes.Batch(newLogProbs, nameof(newLogProbs));
        Shapes.SameBatch(oldLogProbs, nameof(oldLogProbs), n, nameof(newLogProbs));
        Shapes.SameBatch(advantages, nameof(advantages), n, nameof(newLogProbs));
        Validation.Guard.NonNegative(beta);
        ArgumentNullException.ThrowIfNull(meanKl);
        if (meanKl.numel() != 1)
        {
            throw new ArgumentException($"{nameof(meanKl)} has shape {Shapes.Describe(meanKl)}; expected the batch mean, a single number.", nameof(meanKl));
        }

        using var scope = NewDisposeScope();
        Tensor ratio = (newLogProbs - oldLogProbs).exp();
        return ((ratio * advantages).mean() - meanKl.reshape([]) * ratio.Constant(beta)).MoveToOuterDisposeScope();
    }

    /// <summary>Entropy bonus S = (1/N) Σₜ H(π_θ(·|sₜ)) (Schulman et al. 2017, eq. 9) from per-state entropies [N]; a 0-d tensor.</summary>
    public static Tensor EntropyBonus(Tensor entropies)
    {
        Shapes.Batch(entropies, nameof(entropies));
        return entropies.mean();
    }
}
