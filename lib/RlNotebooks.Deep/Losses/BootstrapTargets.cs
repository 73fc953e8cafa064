using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Losses;

/// <summary>
/// The common tail of every one-step off-policy target: yₜ = rₜ₊₁ + γ (1 − terminatedₜ) · bootstrapₜ, detached.
/// terminated = sₜ₊₁ is terminal (no bootstrap); a time-limit truncation passes terminated = false with the bootstrap value
/// of the actual final observation.
/// </summary>
internal static class BootstrapTargets
{
    /// <summary>Checks rewards [N] and terminated Bool [N]; returns N.</summary>
    public static long Check(Tensor rewards, Tensor terminated, double gamma)
    {
        long n = Shapes.Batch(rewards, nameof(rewards));
        Shapes.Flags(terminated, nameof(terminated), n, nameof(rewards));
        Validation.Guard.UnitInterval(gamma);
        return n;
    }

    /// <summary>rₜ₊₁ + γ (1 − terminatedₜ) bootstrapₜ, detached (targets are constants of the loss).</summary>
    public static Tensor Of(Tensor rewards, Tensor terminated, double gamma, Tensor bootstrap)
    {
        using var scope = NewDisposeScope();
        Tensor notTerminal = terminated.logical_not().to(rewards.dtype);
        return rewards.Plus(rewards.Constant(gamma) * notTerminal * bootstrap).detach().MoveToOuterDisposeScope();
    }
}
