using RlNotebooks.Deep.Distributions;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Networks;

/// <summary>
/// Categorical policy π_θ(a|s) = softmax(z_θ(s))_a for a discrete action space: an <see cref="Mlp"/> from observations
/// [N, obs] to logits [N, |A|], output gain 0.01 so the initial policy is near uniform (PPO implementations).
/// </summary>
public sealed class CategoricalPolicy : nn.Module<Tensor, Tensor>
{
    private readonly Mlp logits;

    /// <summary>An MLP obs → hidden… → |A| with orthogonal init.</summary>
    /// <param name="observationSize">Observation features.</param>
    /// <param name="actionCount">|A| ≥ 2.</param>
    /// <param name="hiddenSizes">Hidden layer sizes, e.g. [64, 64].</param>
    /// <param name="activation">Hidden nonlinearity.</param>
    public CategoricalPolicy(int observationSize, int actionCount, IReadOnlyList<int> hiddenSizes, Activation activation = Activation.Tanh)
        : base(nameof(CategoricalPolicy))
    {
        Validation.Guard.AtLeast(actionCount, 2);
        logits = new Mlp([observationSize, .. hiddenSizes, actionCount], activation, outputGain: 0.01);
        RegisterComponents();
    }

    /// <summary>Logits z_θ(s) of shape [N, |A|] for observations [N, obs].</summary>
    public override Tensor forward(Tensor observations) => logits.forward(observations);

    /// <summary>log π_θ(aₜ|sₜ) for Int64 actions [N]; returns [N].</summary>
    public Tensor LogProb(Tensor observations, Tensor actions)
    {
        using var scope = NewDisposeScope();
        return CategoricalDistribution.LogProb(forward(observations), actions).MoveToOuterDisposeScope();
    }

    /// <summary>H(π_θ(·|sₜ)); returns [N].</summary>
    public Tensor Entropy(Tensor observations)
    {
        using var scope = NewDisposeScope();
        return CategoricalDistribution.Entropy(forward(observations)).MoveToOuterDisposeScope();
    }

    /// <summary>aₜ ~ π_θ(·|sₜ), Int64 [N], without gradient.</summary>
    public Tensor Sample(Tensor observations, Generator generator)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return CategoricalDistribution.Sample(forward(observations), generator).MoveToOuterDisposeScope();
    }
}
