using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Losses;

/// <summary>
/// DQN (Mnih et al. 2015) and Double DQN (van Hasselt et al. 2016) targets as tensor functions, equal to
/// RlNotebooks.OffPolicy.DqnTargets; the loss is <see cref="CriticLosses.Huber"/> of Q_θ(sₜ, aₜ) against them.
/// Q rows are [N, |A|]; argmax ties go to the lowest action index.
/// </summary>
public static class DqnLosses
{
    /// <summary>yₜ = rₜ₊₁ + γ (1 − terminatedₜ) maxₐ′ Q_target(sₜ₊₁, a′), [N], detached.</summary>
    public static Tensor Targets(Tensor rewards, Tensor terminated, Tensor nextTargetQ, double gamma)
    {
        long n = BootstrapTargets.Check(rewards, terminated, gamma);
        Shapes.Rows(nextTargetQ, nameof(nextTargetQ), n, nameof(rewards));
        using var scope = NewDisposeScope();
        return BootstrapTargets.Of(rewards, terminated, gamma, nextTargetQ.max(1).values).MoveToOuterDisposeScope();
    }

    /// <summary>yₜ = rₜ₊₁ + γ (1 − terminatedₜ) Q_target(sₜ₊₁, argmaxₐ′ Q_online(sₜ₊₁, a′)), [N], detached.</summary>
    public static Tensor DoubleTargets(Tensor rewards, Tensor terminated, Tensor nextOnlineQ, Tensor nextTargetQ, double gamma)
    {
        long n = BootstrapTargets.Check(rewards, terminated, gamma);
        long actionCount = Shapes.Rows(nextTargetQ, nameof(nextTargetQ), n, nameof(rewards));
        if (Shapes.Rows(nextOnlineQ, nameof(nextOnlineQ), n, nameof(rewards)) != actionCount)
        {
            throw new ArgumentException($"{nameof(nextOnlineQ)} has shape {Shapes.Describe(nextOnlineQ)}; expected {Shapes.Describe(nextTargetQ)} like {nameof(nextTargetQ)}.", nameof(nextOnlineQ));
        }

        using var scope = NewDisposeScope();
        Tensor best = nextOnlineQ.argmax(1, keepdim: true);
        return BootstrapTargets.Of(rewards, terminated, gamma, nextTargetQ.gather(1, best).squeeze(1)).MoveToOuterDisposeScope();
    }
}
