using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Losses;

/// <summary>
/// Soft Actor-Critic (Haarnoja et al. 2018) as tensor functions, equal to RlNotebooks.OffPolicy.SacTargets and SacTemperature.
/// The critics regress onto the soft targets with <see cref="CriticLosses.TwinMeanSquared"/>.
/// </summary>
public static class SacLosses
{
    /// <summary>
    /// y = r + γ (1 − terminated)(min(Q₁′, Q₂′)(s′, ã′) − α log π(ã′|s′)) with ã′ ~ π(·|s′) freshly sampled, [N], detached.
    /// The entropy term sits inside the bracket: a terminal s′ has no future entropy either.
    /// </summary>
    public static Tensor SoftTargets(Tensor rewards, Tensor terminated, Tensor nextQ1, Tensor nextQ2, Tensor nextLogProbs, double alpha, double gamma)
    {
        long n = BootstrapTargets.Check(rewards, terminated, gamma);
        Shapes.SameBatch(nextQ1, nameof(nextQ1), n, nameof(rewards));
        Shapes.SameBatch(nextQ2, nameof(nextQ2), n, nameof(rewards));
        Shapes.SameBatch(nextLogProbs, nameof(nextLogProbs), n, nameof(rewards));
        Validation.Guard.NonNegative(alpha);
        using var scope = NewDisposeScope();
        Tensor softValue = minimum(nextQ1, nextQ2) - nextLogProbs * rewards.Constant(alpha);
        return BootstrapTargets.Of(rewards, terminated, gamma, softValue).MoveToOuterDisposeScope();
    }

    /// <summary>Actor loss (1/N) Σ (α log π_θ(ãₜ|sₜ) − min(Q₁, Q₂)(sₜ, ãₜ)) with ãₜ reparameterised (minimise); a 0-d tensor.</summary>
    public static Tensor ActorLoss(Tensor logProbs, Tensor q1, Tensor q2, double alpha)
    {
        long n = Shapes.Batch(logProbs, nameof(logProbs));
        Shapes.SameBatch(q1, nameof(q1), n, nameof(logProbs));
        Shapes.SameBatch(q2, nameof(q2), n, nameof(logProbs));
        Validation.Guard.NonNegative(alpha);
        using var scope = NewDisposeScope();
        return (logProbs * logProbs.Constant(alpha) - minimum(q1, q2)).mean().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Temperature loss J(α) = −α · (1/N) Σ (log π(aᵢ|sᵢ) + H̄) with α = exp(log α) (Haarnoja et al. 2018b, eq. 18); gradient
    /// descent on log α raises α when the entropy is below the target H̄. log π is treated as a constant (detached here).
    /// </summary>
    /// <param name="logAlpha">log α, a 0-d tensor (usually a parameter with requires_grad).</param>
    /// <param name="logProbs">log π(aᵢ|sᵢ) of freshly sampled actions, [N].</param>
    /// <param name="targetEntropy">H̄, e.g. RlNotebooks.OffPolicy.SacTemperature.DefaultTargetEntropy(d) = −d.</param>
    public static Tensor TemperatureLoss(Tensor logAlpha, Tensor logProbs, double targetEntropy)
    {
        ArgumentNullException.ThrowIfNull(logAlpha);
        if (logAlpha.numel() != 1)
        {
            throw new ArgumentException($"{nameof(logAlpha)} has shape {Shapes.Describe(logAlpha)}; expected a single number.", nameof(logAlpha));
        }

        Shapes.Batch(logProbs, nameof(logProbs));
        Validation.Guard.Finite(targetEntropy);
        using var scope = NewDisposeScope();
        Tensor gap = logProbs.detach().Plus(logProbs.Constant(targetEntropy)).mean();
        return (logAlpha.reshape([]).exp().neg() * gap.to(logAlpha.dtype)).MoveToOuterDisposeScope();
    }
}
