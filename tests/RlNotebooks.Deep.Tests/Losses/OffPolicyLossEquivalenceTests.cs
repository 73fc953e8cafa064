using RlNotebooks.Deep.Losses;
using RlNotebooks.Deep.Tests.Support;
using RlNotebooks.OffPolicy;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Losses;

/// <summary>DQN, DDPG/TD3 and SAC tensor targets and losses, in float64 on random inputs, equal the span library (the
/// specification) or the loss's formula written out per sample.</summary>
public sealed class OffPolicyLossEquivalenceTests
{
    private const int N = 64, Actions = 3;

    private static (double[] Rewards, bool[] Terminated) Transitions(Random random) =>
        (T.Uniform(random, N, -1, 1), Enumerable.Range(0, N).Select(_ => random.NextDouble() < 0.3).ToArray());

    [Fact]
    public void Dqn_and_double_dqn_targets_equal_the_span_library()
    {
        using var scope = NewDisposeScope();
        var random = new Random(11);
        var (rewards, terminated) = Transitions(random);
        double[] online = T.Uniform(random, N * Actions, -3, 3), target = T.Uniform(random, N * Actions, -3, 3);

        Tensor dqn = DqnLosses.Targets(T.Vector(rewards), T.Flags(terminated), T.Matrix(target, N), 0.99);
        Tensor doubleDqn = DqnLosses.DoubleTargets(T.Vector(rewards), T.Flags(terminated), T.Matrix(online, N), T.Matrix(target, N), 0.99);

        T.Close(DqnTargets.Dqn(rewards, terminated, target, Actions, 0.99), T.Array(dqn));
        T.Close(DqnTargets.DoubleDqn(rewards, terminated, online, target, Actions, 0.99), T.Array(doubleDqn));
        Assert.False(dqn.requires_grad);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    public void Huber_loss_and_its_gradient_equal_the_span_library(double delta)
    {
        using var scope = NewDisposeScope();
        var random = new Random(12);
        double[] q = T.Uniform(random, N, -3, 3), y = T.Uniform(random, N, -3, 3);
        double[] errors = y.Zip(q, (target, prediction) => target - prediction).ToArray();   // the span library's x = y − Q
        var errorGradient = new double[N];
        HuberLoss.MeanGradientInto(errors, delta, errorGradient);
        Tensor qTensor = T.Vector(q, requiresGrad: true);

        Tensor loss = CriticLosses.Huber(qTensor, T.Vector(y), delta);

        T.Close(HuberLoss.Mean(errors, delta), T.Number(loss));
        T.Close(errorGradient.Select(g => -g).ToArray(), T.Gradient(loss, qTensor));   // ∂/∂Q = −∂/∂x
    }

    [Fact]
    public void Td3_targets_and_target_policy_smoothing_equal_the_span_library()
    {
        using var scope = NewDisposeScope();
        var random = new Random(13);
        var (rewards, terminated) = Transitions(random);
        double[] q1 = T.Uniform(random, N, -5, 5), q2 = T.Uniform(random, N, -5, 5);
        double[] actions = T.Uniform(random, N * 2, -1, 1), noise = T.Uniform(random, N * 2, -1, 1);
        double[] low = [-1.0, -0.5], high = [1.0, 0.5];

        Tensor targets = DeterministicPolicyLosses.Td3Targets(T.Vector(rewards), T.Flags(terminated), T.Vector(q1), T.Vector(q2), 0.99);
        Tensor smoothed = DeterministicPolicyLosses.SmoothedTargetActions(T.Matrix(actions, N), T.Matrix(noise, N), 0.5, T.Vector(low), T.Vector(high));

        T.Close(Td3Targets.Targets(rewards, terminated, q1, q2, 0.99), T.Array(targets));
        T.Close(Td3Targets.SmoothedActions(actions, noise, 0.5, low, high), T.Array(smoothed));
    }

    [Fact]
    public void Ddpg_target_is_the_td3_target_with_one_critic()
    {
        using var scope = NewDisposeScope();
        var random = new Random(14);
        var (rewards, terminated) = Transitions(random);
        double[] q = T.Uniform(random, N, -5, 5);

        Tensor targets = DeterministicPolicyLosses.DdpgTargets(T.Vector(rewards), T.Flags(terminated), T.Vector(q), 0.9);

        T.Close(Td3Targets.Targets(rewards, terminated, q, q, 0.9), T.Array(targets));
    }

    [Fact]
    public void Critic_and_actor_losses_follow_their_formulas_with_gradients()
    {
        using var scope = NewDisposeScope();
        var random = new Random(15);
        double[] q1 = T.Uniform(random, N), q2 = T.Uniform(random, N), y = T.Uniform(random, N);
        Tensor q1Tensor = T.Vector(q1, requiresGrad: true), q2Tensor = T.Vector(q2, requiresGrad: true);

        Tensor twin = CriticLosses.TwinMeanSquared(q1Tensor, q2Tensor, T.Vector(y));
        Tensor actor = DeterministicPolicyLosses.ActorLoss(q1Tensor);

        T.Close(q1.Zip(y, (a, b) => (a - b) * (a - b)).Average() + q2.Zip(y, (a, b) => (a - b) * (a - b)).Average(), T.Number(twin));
        T.Close(q1.Zip(y, (a, b) => 2 * (a - b) / N).ToArray(), T.Gradient(twin, q1Tensor));
        T.Close(-q1.Average(), T.Number(actor));
        T.Close(Enumerable.Repeat(-1.0 / N, N).ToArray(), T.Gradient(actor, q1Tensor));
    }

    [Fact]
    public void Sac_soft_targets_equal_the_span_library()
    {
        using var scope = NewDisposeScope();
        var random = new Random(16);
        var (rewards, terminated) = Transitions(random);
        double[] q1 = T.Uniform(random, N, -5, 5), q2 = T.Uniform(random, N, -5, 5), logProbs = T.Uniform(random, N, -3, 1);

        Tensor targets = SacLosses.SoftTargets(T.Vector(rewards), T.Flags(terminated), T.Vector(q1), T.Vector(q2), T.Vector(logProbs), 0.2, 0.99);

        T.Close(SacTargets.SoftTargets(rewards, terminated, q1, q2, logProbs, 0.2, 0.99), T.Array(targets));
    }

    [Fact]
    public void Sac_actor_loss_is_the_mean_of_alpha_log_pi_minus_min_q_with_its_gradient()
    {
        using var scope = NewDisposeScope();
        var random = new Random(17);
        double[] logProbs = T.Uniform(random, N, -3, 1), q1 = T.Uniform(random, N), q2 = T.Uniform(random, N);
        Tensor logProbsTensor = T.Vector(logProbs, requiresGrad: true);

        Tensor loss = SacLosses.ActorLoss(logProbsTensor, T.Vector(q1), T.Vector(q2), 0.2);

        T.Close(Enumerable.Range(0, N).Average(i => 0.2 * logProbs[i] - Math.Min(q1[i], q2[i])), T.Number(loss));
        T.Close(Enumerable.Repeat(0.2 / N, N).ToArray(), T.Gradient(loss, logProbsTensor));
    }

    [Theory]
    [InlineData(-1.0, -2.0)]
    [InlineData(0.5, -1.0)]
    public void Sac_temperature_loss_and_its_log_alpha_gradient_equal_the_span_library(double logAlpha, double targetEntropy)
    {
        using var scope = NewDisposeScope();
        double[] logProbs = T.Uniform(new Random(18), N, -3, 1);
        var expected = SacTemperature.Loss(logAlpha, logProbs, targetEntropy);
        Tensor logAlphaTensor = tensor(logAlpha, float64).requires_grad_(true);

        Tensor loss = SacLosses.TemperatureLoss(logAlphaTensor, T.Vector(logProbs, requiresGrad: true), targetEntropy);

        T.Close(expected.Loss, T.Number(loss));
        T.Close(expected.GradientLogAlpha, T.Gradient(loss, logAlphaTensor)[0]);
    }

    [Fact]
    public void Bad_shapes_flags_and_gamma_name_the_parameter()
    {
        using var scope = NewDisposeScope();
        Tensor rewards = zeros(4, float64), flags = zeros(4, ScalarType.Bool);

        Assert.Equal("terminated", Assert.Throws<ArgumentException>(() => DqnLosses.Targets(rewards, zeros(4, float64), zeros(4, 2, float64), 0.9)).ParamName);
        Assert.Equal("nextTargetQ", Assert.Throws<ArgumentException>(() => DqnLosses.Targets(rewards, flags, zeros(5, 2, float64), 0.9)).ParamName);
        Assert.Equal("gamma", Assert.ThrowsAny<ArgumentException>(() => SacLosses.SoftTargets(rewards, flags, rewards, rewards, rewards, 0.1, 1.1)).ParamName);
        Assert.Equal("q2", Assert.Throws<ArgumentException>(() => CriticLosses.TwinMeanSquared(rewards, zeros(4, 1, float64), rewards)).ParamName);
        Assert.Equal("delta", Assert.ThrowsAny<ArgumentException>(() => CriticLosses.Huber(rewards, rewards, 0.0)).ParamName);
    }
}
