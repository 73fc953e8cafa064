using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Networks;

/// <summary>DQN action-value network Q_θ(s, ·): an <see cref="Mlp"/> obs → |A| giving a row of action values per state.</summary>
public sealed class DiscreteQNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Mlp q;

    /// <summary>A ReLU MLP obs → hidden… → |A| with orthogonal init.</summary>
    public DiscreteQNetwork(int observationSize, int actionCount, IReadOnlyList<int> hiddenSizes, Activation activation = Activation.ReLU)
        : base(nameof(DiscreteQNetwork))
    {
        Validation.Guard.AtLeast(actionCount, 1);
        q = new Mlp([observationSize, .. hiddenSizes, actionCount], activation);
        RegisterComponents();
    }

    /// <summary>Q_θ(sₜ, ·) for observations [N, obs]; returns [N, |A|].</summary>
    public override Tensor forward(Tensor observations) => q.forward(observations);

    /// <summary>Q_θ(sₜ, aₜ) for Int64 actions [N]; returns [N].</summary>
    public Tensor ActionValues(Tensor observations, Tensor actions)
    {
        using var scope = NewDisposeScope();
        Tensor rows = forward(observations);
        Shapes.Actions(actions, nameof(actions), rows.shape[0], rows.shape[1]);

        return rows.gather(1, actions.unsqueeze(1)).squeeze(1).MoveToOuterDisposeScope();
    }
}
