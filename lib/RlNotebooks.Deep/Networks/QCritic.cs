using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Networks;

/// <summary>Action-value critic Q_φ(s, a) for continuous actions (DDPG/TD3/SAC): an <see cref="Mlp"/> on the concatenation
/// [s, a] → 1, returned as [N].</summary>
public sealed class QCritic : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Mlp q;

    /// <summary>A ReLU MLP (obs + act) → hidden… → 1 with orthogonal init.</summary>
    public QCritic(int observationSize, int actionSize, IReadOnlyList<int> hiddenSizes, Activation activation = Activation.ReLU)
        : base(nameof(QCritic))
    {
        Validation.Guard.AtLeast(observationSize, 1);
        Validation.Guard.AtLeast(actionSize, 1);
        ObservationSize = observationSize;
        ActionSize = actionSize;
        q = new Mlp([observationSize + actionSize, .. hiddenSizes, 1], activation);
        RegisterComponents();
    }

    /// <summary>Observation features.</summary>
    public int ObservationSize { get; }

    /// <summary>Action dimension d.</summary>
    public int ActionSize { get; }

    /// <summary>Q_φ(sₜ, aₜ) for observations [N, obs] and actions [N, d]; returns [N].</summary>
    public override Tensor forward(Tensor observations, Tensor actions)
    {
        Shapes.Rows(observations, nameof(observations), -1, nameof(observations));
        long n = observations.shape[0];
        Shapes.Rows(actions, nameof(actions), n, nameof(observations));
        if (actions.shape[1] != ActionSize)
        {
            throw new ArgumentException($"{nameof(actions)} has shape {Shapes.Describe(actions)}; the critic expects [{n}, {ActionSize}].", nameof(actions));
        }

        using var scope = NewDisposeScope();
        return q.forward(cat([observations, actions], 1)).squeeze(1).MoveToOuterDisposeScope();
    }
}
