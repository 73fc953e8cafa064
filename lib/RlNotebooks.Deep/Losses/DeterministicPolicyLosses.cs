using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Losses;

/// <summary>
/// DDPG (Lillicrap et al. 2016) and TD3 (Fujimoto et al. 2018) as tensor functions; TD3's pieces equal
/// RlNotebooks.OffPolicy.Td3Targets. Critics regress onto the targets with <see cref="CriticLosses.MeanSquared"/> (DDPG) or
/// <see cref="CriticLosses.TwinMeanSquared"/> (TD3); the actor maximises Q(s, μ_θ(s)).
/// </summary>
public static class DeterministicPolicyLosses
{
    /// <summary>DDPG target yₜ = rₜ₊₁ + γ (1 − terminatedₜ) Q′(sₜ₊₁, μ′(sₜ₊₁)), [N], detached.</summary>
    public static Tensor DdpgTargets(Tensor rewards, Tensor terminated, Tensor nextQ, double gamma)
    {
        long n = BootstrapTargets.Check(rewards, terminated, gamma);
        Shapes.SameBatch(nextQ, nameof(nextQ), n, nameof(rewards));
        return BootstrapTargets.Of(rewards, terminated, gamma, nextQ);
    }

    /// <summary>TD3 clipped double-Q target yₜ = rₜ₊₁ + γ (1 − terminatedₜ) min(Q₁′, Q₂′)(sₜ₊₁, ã′), [N], detached.</summary>
    public static Tensor Td3Targets(Tensor rewards, Tensor terminated, Tensor nextQ1, Tensor nextQ2, double gamma)
    {
        long n = BootstrapTargets.Check(rewards, terminated, gamma);
        Shapes.SameBatch(nextQ1, nameof(nextQ1), n, nameof(rewards));
        Shapes.SameBatch(nextQ2, nameof(nextQ2), n, nameof(rewards));
        using var scope = NewDisposeScope();
        return BootstrapTargets.Of(rewards, terminated, gamma, minimum(nextQ1, nextQ2)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// TD3 target-policy smoothing ã′ = clip(μ′(s′) + clip(ε, −c, c), low, high): the noise is clipped first, then added, then
    /// the action is clipped to the box. Actions and noise [N, d], bounds [d]; detached.
    /// </summary>
    public static Tensor SmoothedTargetActions(Tensor targetActions, Tensor noise, double noiseClip, Tensor low, Tensor high)
    {
        Shapes.Rows(targetActions, nameof(targetActions), -1, nameof(targetActions));
        long n = targetActions.shape[0];
        Shapes.Rows(noise, nameof(noise), n, nameof(targetActions));
        if (noise.shape[1] != targetActions.shape[1])
        {
            throw new ArgumentException($"{nameof(noise)} has shape {Shapes.Describe(noise)}; expected {Shapes.Describe(targetActions)}.", nameof(noise));
        }

        Validation.Guard.NonNegative(noiseClip);
        Distributions.TanhGaussianDistribution.Bounds(low, high, targetActions.shape[1]);
        using var scope = NewDisposeScope();
        Tensor clippedNoise = noise.clamp(noise.Constant(-noiseClip), noise.Constant(noiseClip));
        return targetActions.Plus(clippedNoise).clamp(low, high).detach().MoveToOuterDisposeScope();
    }

    /// <summary>Actor loss −(1/N) Σₜ Q(sₜ, μ_θ(sₜ)) (minimise; TD3 uses Q₁ only) from Q values [N]; a 0-d tensor.</summary>
    public static Tensor ActorLoss(Tensor qOfPolicyActions)
    {
        Shapes.Batch(qOfPolicyActions, nameof(qOfPolicyActions));
        return qOfPolicyActions.mean().neg();
    }
}
