using RlNotebooks.Deep.Distributions;
using RlNotebooks.Deep.Networks;
using Adam = RlNotebooks.Deep.Operations.Adam;
using RlNotebooks.Environments.ClassicControl;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>
/// PPO's learner: a policy π_θ (categorical for Discrete actions, diagonal Gaussian for a Box) and a separate critic V_φ,
/// both tanh MLPs, trained by one Adam over θ and φ (CleanRL's separate-network agent). Each method runs the policy network
/// once and reads log-probabilities and entropies off the same output.
/// </summary>
public sealed class PpoAgent : IDisposable
{
    private readonly CategoricalPolicy? categorical;
    private readonly DiagonalGaussianPolicy? gaussian;

    /// <summary>Builds the networks with the current torch seed for an environment's spaces.</summary>
    /// <exception cref="ArgumentException">The action space is neither Discrete nor Box.</exception>
    public PpoAgent(int observationSize, Space actionSpace, PpoConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        switch (actionSpace)
        {
            case Discrete discrete:
                categorical = new CategoricalPolicy(observationSize, discrete.N, config.HiddenSizes);
                Policy = categorical;
                break;
            case Box box:
                gaussian = new DiagonalGaussianPolicy(observationSize, box.Dimension, config.HiddenSizes, initialLogStd: config.InitialLogStd);
                Policy = gaussian;
                break;
            default:
                throw new ArgumentException($"{nameof(actionSpace)} is {actionSpace}; PPO needs Discrete (categorical policy) or Box (Gaussian policy).", nameof(actionSpace));
        }

        Critic = new ValueCritic(observationSize, config.HiddenSizes);
        Parameters = [.. Policy.parameters(), .. Critic.parameters()];
        // ε = 1e-5 as in CleanRL (and OpenAI baselines), not torch's 1e-8.
        Optimizer = new Adam(Parameters, config.LearningRate, epsilon: 1e-5);
    }

    /// <summary>π_θ.</summary>
    public nn.Module<Tensor, Tensor> Policy { get; }

    /// <summary>V_φ.</summary>
    public ValueCritic Critic { get; }

    /// <summary>θ and φ together, the parameters Adam steps and the gradient-norm clip measures.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Adam over <see cref="Parameters"/>.</summary>
    public Adam Optimizer { get; }

    /// <summary>True for a discrete action space (actions are Int64 [N]); false for a Box (float32 [N, d]).</summary>
    public bool Discrete => categorical is not null;

    /// <summary>aₜ ~ π_θ(·|sₜ) and log π_θ(aₜ|sₜ) for observations [N, obs], without gradient.</summary>
    public (Tensor Actions, Tensor LogProbs) Act(Tensor observations, Generator generator)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Tensor output = Policy.forward(observations);
        Tensor actions = categorical is not null
            ? CategoricalDistribution.Sample(output, generator)
            : GaussianDistribution.Sample(output, gaussian!.LogStd, generator);
        Tensor logProbs = LogProb(output, actions);
        return (actions.MoveToOuterDisposeScope(), logProbs.MoveToOuterDisposeScope());
    }

    /// <summary>log π_θ(aₜ|sₜ) and H(π_θ(·|sₜ)), both [N] and differentiable in θ.</summary>
    public (Tensor LogProbs, Tensor Entropies) Evaluate(Tensor observations, Tensor actions)
    {
        using var scope = NewDisposeScope();
        Tensor output = Policy.forward(observations);
        Tensor entropies = categorical is not null
            ? CategoricalDistribution.Entropy(output)
            : GaussianDistribution.Entropy(output, gaussian!.LogStd);
        return (LogProb(output, actions).MoveToOuterDisposeScope(), entropies.MoveToOuterDisposeScope());
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Optimizer.Dispose();
        Policy.Dispose();
        Critic.Dispose();
    }

    private Tensor LogProb(Tensor output, Tensor actions) => categorical is not null
        ? CategoricalDistribution.LogProb(output, actions)
        : GaussianDistribution.LogProb(actions, output, gaussian!.LogStd);
}
