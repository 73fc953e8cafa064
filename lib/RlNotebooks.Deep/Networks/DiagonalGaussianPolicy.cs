using RlNotebooks.Deep.Distributions;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Networks;

/// <summary>
/// Diagonal Gaussian policy π_θ(a|s) = N(a; μ_θ(s), diag σ²) for a continuous action space, with a state-independent
/// log σ (a learned [d] parameter, as in the PPO/TRPO implementations): an <see cref="Mlp"/> obs → μ with output gain 0.01.
/// </summary>
public sealed class DiagonalGaussianPolicy : nn.Module<Tensor, Tensor>
{
    private readonly Mlp mean;
    private readonly Parameter logStd;

    /// <summary>An MLP obs → hidden… → d for μ, and log σ = <paramref name="initialLogStd"/> in every dimension.</summary>
    /// <param name="observationSize">Observation features.</param>
    /// <param name="actionSize">d ≥ 1.</param>
    /// <param name="hiddenSizes">Hidden layer sizes.</param>
    /// <param name="activation">Hidden nonlinearity.</param>
    /// <param name="initialLogStd">Initial log σ (0: σ = 1).</param>
    public DiagonalGaussianPolicy(int observationSize, int actionSize, IReadOnlyList<int> hiddenSizes,
        Activation activation = Activation.Tanh, double initialLogStd = 0.0)
        : base(nameof(DiagonalGaussianPolicy))
    {
        Validation.Guard.AtLeast(actionSize, 1);
        Validation.Guard.Finite(initialLogStd);
        mean = new Mlp([observationSize, .. hiddenSizes, actionSize], activation, outputGain: 0.01);
        logStd = nn.Parameter(tensor(initialLogStd, float32).repeat(actionSize));
        RegisterComponents();
    }

    /// <summary>log σ, the [d] parameter.</summary>
    public Parameter LogStd => logStd;

    /// <summary>μ_θ(s) of shape [N, d] for observations [N, obs].</summary>
    public override Tensor forward(Tensor observations) => mean.forward(observations);

    /// <summary>log π_θ(aₜ|sₜ) for actions [N, d]; returns [N].</summary>
    public Tensor LogProb(Tensor observations, Tensor actions)
    {
        using var scope = NewDisposeScope();
        return GaussianDistribution.LogProb(actions, forward(observations), logStd).MoveToOuterDisposeScope();
    }

    /// <summary>H(π_θ(·|sₜ)) = Σ_i (log σ_i + ½ log 2πe), the same for every state; returns [N].</summary>
    public Tensor Entropy(Tensor observations)
    {
        using var scope = NewDisposeScope();
        return GaussianDistribution.Entropy(forward(observations), logStd).MoveToOuterDisposeScope();
    }

    /// <summary>aₜ ~ π_θ(·|sₜ), [N, d], without gradient.</summary>
    public Tensor Sample(Tensor observations, Generator generator)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return GaussianDistribution.Sample(forward(observations), logStd, generator).MoveToOuterDisposeScope();
    }
}
