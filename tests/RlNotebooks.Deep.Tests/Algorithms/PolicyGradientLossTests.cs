using RlNotebooks.Deep.Algorithms;
using RlNotebooks.Deep.Losses;
using RlNotebooks.Deep.Tests.Support;
using RlNotebooks.Distributions;
using static TorchSharp.torch;
using RlNotebooks.PolicyGradients;

namespace RlNotebooks.Deep.Tests.Algorithms;

/// <summary>
/// The likelihood-ratio surrogate's autograd gradient against the span library's REINFORCE estimators, for a
/// state-independent softmax policy π(a) = softmax(θ)_a whose score is onehot(a) − softmax(θ) (Categorical.LogProbGradient).
/// </summary>
public sealed class PolicyGradientLossTests
{
    // Two episodes of lengths 3 and 2 over three actions.
    private static readonly long[] Actions = [0, 2, 1, 1, 0];
    private static readonly double[] Rewards = [1.0, 0.5, 2.0, -1.0, 3.0];
    private static readonly bool[] Ends = [false, false, true, false, true];
    private static readonly double[] Theta = [0.3, -0.2, 0.1];

    private static ReinforceBatch Batch() => new(new float[Actions.Length], 1, Actions, Rewards, Ends, [3.5, 2.0]);

    private static double[] AutogradGradient(double[] weights)
    {
        Tensor theta = T.Vector(Theta, requiresGrad: true);
        Tensor logits = theta.unsqueeze(0).expand(Actions.Length, Theta.Length);
        Tensor logProbs = logits.log_softmax(1).gather(1, tensor(Actions).unsqueeze(1)).squeeze(1);
        return T.Gradient(PolicyGradientLoss.Surrogate(logProbs, T.Vector(weights), normalizer: 2), theta);
    }

    private static double[] Scores() => [.. Actions.SelectMany(a => Categorical.LogProbGradient(Theta, (int)a))];

    [Fact]
    public void Reward_to_go_weights_give_the_span_library_estimate_when_undiscounted()
    {
        double[] weights = Reinforce.Weights(Batch(), ReinforceVariant.RewardToGo, gamma: 1.0);
        Assert.Equal([3.5, 2.5, 2.0, 2.0, 3.0], weights);
        T.Close(LikelihoodRatioGradient.RewardToGo(Scores(), 3, Rewards, Ends, 1.0), AutogradGradient(weights), 1e-12);
    }

    [Fact]
    public void Total_return_weights_give_the_whole_trajectory_estimate()
    {
        double[] weights = Reinforce.Weights(Batch(), ReinforceVariant.TotalReturn, gamma: 0.9);
        T.Close(LikelihoodRatioGradient.WholeTrajectory(Scores(), 3, Rewards, Ends, 0.9), AutogradGradient(weights), 1e-12);
    }

    [Fact]
    public void Constant_baseline_subtracts_the_mean_reward_to_go()
    {
        double[] weights = Reinforce.Weights(Batch(), ReinforceVariant.ConstantBaseline, gamma: 1.0);
        double b = (3.5 + 2.5 + 2.0 + 2.0 + 3.0) / 5;
        T.Close(LikelihoodRatioGradient.RewardToGoWithBaseline(Scores(), 3, Rewards, Ends, 1.0, [b, b, b, b, b]), AutogradGradient(weights), 1e-12);
    }

    [Fact]
    public void Learned_baseline_needs_a_critic()
    {
        Assert.Throws<ArgumentNullException>(() => Reinforce.Weights(Batch(), ReinforceVariant.LearnedBaseline, 0.99));
    }

    [Fact]
    public void Surrogate_rejects_mismatched_weights_and_a_non_positive_normalizer()
    {
        Assert.Throws<ArgumentException>(() => PolicyGradientLoss.Surrogate(T.Vector([0.1, 0.2]), T.Vector([1.0]), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PolicyGradientLoss.Surrogate(T.Vector([0.1]), T.Vector([1.0]), 0));
    }
}
