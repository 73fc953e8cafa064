using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Losses;

/// <summary>
/// The vanilla policy-gradient surrogate whose gradient is the likelihood-ratio estimator: for weights Ψₜ (a return, a
/// reward-to-go, Gₜ − b or an advantage Âₜ, all data),
/// L^PG(θ) = (1/N) Σₜ log π_θ(aₜ|sₜ) Ψₜ, so ∇θ L^PG = (1/N) Σₜ ∇θ log π_θ(aₜ|sₜ) Ψₜ (Williams 1992). To be MAXIMISED
/// (minimise its negation). The span-library specification is RlNotebooks.PolicyGradients.LikelihoodRatioGradient.
/// </summary>
public static class PolicyGradientLoss
{
    /// <summary>L^PG = (1/<paramref name="normalizer"/>) Σₜ log π_θ(aₜ|sₜ) Ψₜ; a 0-d tensor.</summary>
    /// <param name="logProbs">log π_θ(aₜ|sₜ), [T].</param>
    /// <param name="weights">Ψₜ, [T], detached.</param>
    /// <param name="normalizer">N: the number of episodes for REINFORCE's (1/N) Σᵢ Σₜ, or T for A2C's mean over samples; ≥ 1.</param>
    public static Tensor Surrogate(Tensor logProbs, Tensor weights, double normalizer)
    {
        long n = Shapes.Batch(logProbs, nameof(logProbs));
        Shapes.SameBatch(weights, nameof(weights), n, nameof(logProbs));
        Validation.Guard.Positive(normalizer);
        using var scope = NewDisposeScope();
        return ((logProbs * weights.detach()).sum() / logProbs.Constant(normalizer)).MoveToOuterDisposeScope();
    }
}
