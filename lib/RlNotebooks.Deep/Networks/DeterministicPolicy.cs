using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Networks;

/// <summary>
/// The deterministic actor of DDPG and TD3: μ_θ(s) = b ⊙ tanh(f_θ(s)) with f an <see cref="Mlp"/> obs → hidden… → d, so every
/// action lies inside the symmetric box [−b, b] (CleanRL scales tanh by the box's half-range the same way).
/// </summary>
public sealed class DeterministicPolicy : nn.Module<Tensor, Tensor>
{
    private readonly Mlp trunk;
    private readonly double bound;

    /// <summary>A ReLU MLP obs → hidden… → d whose tanh output is scaled by <paramref name="actionBound"/>.</summary>
    /// <param name="observationSize">Observation features.</param>
    /// <param name="actionSize">d, the action dimension.</param>
    /// <param name="actionBound">b &gt; 0, the largest |aᵢ| (Pendulum: 2).</param>
    /// <param name="hiddenSizes">Hidden layer sizes.</param>
    public DeterministicPolicy(int observationSize, int actionSize, double actionBound, IReadOnlyList<int> hiddenSizes)
        : base(nameof(DeterministicPolicy))
    {
        Validation.Guard.Positive(actionBound);
        ActionSize = actionSize;
        bound = actionBound;
        trunk = new Mlp([observationSize, .. hiddenSizes, actionSize], Activation.ReLU);
        RegisterComponents();
    }

    /// <summary>d.</summary>
    public int ActionSize { get; }

    /// <summary>μ_θ(s), [N, d], for observations [N, obs].</summary>
    public override Tensor forward(Tensor observations)
    {
        using var scope = NewDisposeScope();
        return (trunk.forward(observations).tanh() * observations.Constant(bound)).MoveToOuterDisposeScope();
    }
}
