using static TorchSharp.torch;

namespace RlNotebooks.Deep.Networks;

/// <summary>Two independently initialised <see cref="QCritic"/>s Q₁, Q₂ (clipped double-Q of TD3 and SAC).</summary>
public sealed class TwinQCritic : nn.Module<Tensor, Tensor, (Tensor Q1, Tensor Q2)>
{
    private readonly QCritic q1, q2;

    /// <summary>Two critics of the same architecture, initialised one after the other from the torch seed.</summary>
    public TwinQCritic(int observationSize, int actionSize, IReadOnlyList<int> hiddenSizes, Activation activation = Activation.ReLU)
        : base(nameof(TwinQCritic))
    {
        q1 = new QCritic(observationSize, actionSize, hiddenSizes, activation);
        q2 = new QCritic(observationSize, actionSize, hiddenSizes, activation);
        RegisterComponents();
    }

    /// <summary>(Q₁(sₜ, aₜ), Q₂(sₜ, aₜ)), each [N].</summary>
    public override (Tensor Q1, Tensor Q2) forward(Tensor observations, Tensor actions) =>
        (q1.forward(observations, actions), q2.forward(observations, actions));
}
