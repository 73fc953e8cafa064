using RlNotebooks.Deep.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Operations;

/// <summary>
/// Target networks of DQN, DDPG, TD3 and SAC. Polyak (soft) update θ′ ← τθ + (1 − τ)θ′ (τ ≈ 0.005); τ = 1 is the hard copy
/// of DQN. The span twin is RlNotebooks.OffPolicy.Polyak. Both networks must have the same architecture (same parameter
/// shapes in the same order).
/// </summary>
public static class TargetNetworks
{
    /// <summary>Overwrites <paramref name="target"/>'s parameters with τθ + (1 − τ)θ′, without recording gradients.</summary>
    /// <param name="target">θ′, updated in place.</param>
    /// <param name="online">θ.</param>
    /// <param name="tau">τ ∈ [0, 1].</param>
    public static void PolyakUpdate(nn.Module target, nn.Module online, double tau)
    {
        Validation.Guard.UnitInterval(tau);
        var pairs = Pairs(target, online);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (targetParameter, onlineParameter) in pairs)
        {
            targetParameter.lerp_(onlineParameter, targetParameter.Constant(tau));   // θ′ + τ(θ − θ′) = τθ + (1 − τ)θ′
        }
    }

    /// <summary>
    /// θ′ ← τθ + (1 − τ)θ′ for two parameter vectors of the same shape (e.g. from <see cref="ContiguousParameters.Flatten"/>),
    /// one operation for the whole network; <paramref name="target"/> is updated in place.
    /// </summary>
    public static void PolyakUpdate(Tensor target, Tensor online, double tau)
    {
        RequireSameVector(target, online);
        Validation.Guard.UnitInterval(tau);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        target.lerp_(online, target.Constant(tau));
    }

    /// <summary>Copies the parameter vector θ into θ′ (τ = 1), one operation for the whole network; <paramref name="target"/> is updated in place.</summary>
    public static void HardUpdate(Tensor target, Tensor online)
    {
        RequireSameVector(target, online);
        using var noGrad = no_grad();
        target.copy_(online);
    }

    /// <summary>Copies θ into θ′ (τ = 1).</summary>
    public static void HardUpdate(nn.Module target, nn.Module online)
    {
        var pairs = Pairs(target, online);
        using var noGrad = no_grad();
        foreach (var (targetParameter, onlineParameter) in pairs)
        {
            targetParameter.copy_(onlineParameter);
        }
    }

    private static void RequireSameVector(Tensor target, Tensor online)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(online);
        if (!target.shape.SequenceEqual(online.shape) || target.dtype != online.dtype)
        {
            throw new ArgumentException($"{nameof(online)} is {online.dtype} {Torch.Shapes.Describe(online)}, {nameof(target)} {target.dtype} {Torch.Shapes.Describe(target)}.", nameof(online));
        }
    }

    private static List<(Tensor Target, Tensor Online)> Pairs(nn.Module target, nn.Module online)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(online);
        var targetParameters = target.parameters().ToList();
        var onlineParameters = online.parameters().ToList();
        if (targetParameters.Count != onlineParameters.Count)
        {
            throw new ArgumentException($"{nameof(online)} has {onlineParameters.Count} parameter tensors, {nameof(target)} {targetParameters.Count}: not the same architecture.", nameof(online));
        }

        var pairs = new List<(Tensor, Tensor)>(targetParameters.Count);
        for (int i = 0; i < targetParameters.Count; i++)
        {
            if (!targetParameters[i].shape.SequenceEqual(onlineParameters[i].shape) || targetParameters[i].dtype != onlineParameters[i].dtype)
            {
                throw new ArgumentException(
                    $"Parameter {i} of {nameof(online)} is {onlineParameters[i].dtype} {Torch.Shapes.Describe(onlineParameters[i])}, of {nameof(target)} {targetParameters[i].dtype} {Torch.Shapes.Describe(targetParameters[i])}.",
                    nameof(online));
            }

            pairs.Add((targetParameters[i], onlineParameters[i]));
        }

        return pairs;
    }
}
