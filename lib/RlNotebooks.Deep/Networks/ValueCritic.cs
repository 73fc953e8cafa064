using static TorchSharp.torch;

namespace RlNotebooks.Deep.Networks;

/// <summary>State-value critic V_φ(s): an <see cref="Mlp"/> obs → 1 (output gain 1), returned as [N], not [N, 1], so a loss
/// against [N] targets cannot broadcast to [N, N].</summary>
public sealed class ValueCritic : nn.Module<Tensor, Tensor>
{
    private readonly Mlp value;

    /// <summary>An MLP obs → hidden… → 1 with orthogonal init.</summary>
    public ValueCritic(int observationSize, IReadOnlyList<int> hiddenSizes, Activation activation = Activation.Tanh)
        : base(nameof(ValueCritic))
    {
        value = new Mlp([observationSize, .. hiddenSizes, 1], activation);
        RegisterComponents();
    }

    /// <summary>V_φ(sₜ) for observations [N, obs]; returns [N].</summary>
    public override Tensor forward(Tensor observations)
    {
        using var scope = NewDisposeScope();
        return value.forward(observations).squeeze(1).MoveToOuterDisposeScope();
    }
}
