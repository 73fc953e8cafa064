using RlNotebooks.Deep.Algorithms;
using RlNotebooks.Deep.Networks;
using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Algorithms;

/// <summary>Config validation, REINFORCE's determinism, the NaN stop and one short seeded smoke run of A2C and REINFORCE (A2C's determinism: OnPolicyDeterminismTests).</summary>
public sealed class TrainerTests
{
    [Fact]
    public void A2c_config_rejects_bad_fields_naming_them()
    {
        Assert.Equal("Gamma", Assert.ThrowsAny<ArgumentException>(() => A2cConfig.CartPole with { Gamma = 1.5 }).ParamName);
        Assert.Equal("Lambda", Assert.ThrowsAny<ArgumentException>(() => A2cConfig.CartPole with { Lambda = -0.1 }).ParamName);
        Assert.Equal("EnvironmentCount", Assert.ThrowsAny<ArgumentException>(() => A2cConfig.CartPole with { EnvironmentCount = 0 }).ParamName);
        Assert.Equal("StepsPerRollout", Assert.ThrowsAny<ArgumentException>(() => A2cConfig.CartPole with { StepsPerRollout = -1 }).ParamName);
        Assert.Equal("LearningRate", Assert.ThrowsAny<ArgumentException>(() => A2cConfig.CartPole with { LearningRate = 0 }).ParamName);
        Assert.Equal("TotalSteps", Assert.ThrowsAny<ArgumentException>(() => A2cConfig.CartPole with { TotalSteps = 0 }).ParamName);
        var wrongSpace = Assert.ThrowsAny<ArgumentException>(() => A2cConfig.CartPole with { Environment = () => new PendulumEnvironment() });
        Assert.Equal("Environment", wrongSpace.ParamName);
        Assert.Contains("Discrete", wrongSpace.Message);
    }

    [Fact]
    public void Reinforce_config_rejects_bad_fields_naming_them()
    {
        Assert.Equal("Gamma", Assert.ThrowsAny<ArgumentException>(() => ReinforceConfig.CartPole with { Gamma = 2 }).ParamName);
        Assert.Equal("EpisodesPerBatch", Assert.ThrowsAny<ArgumentException>(() => ReinforceConfig.CartPole with { EpisodesPerBatch = 0 }).ParamName);
        Assert.Equal("LearningRate", Assert.ThrowsAny<ArgumentException>(() => ReinforceConfig.CartPole with { LearningRate = double.NaN }).ParamName);
        Assert.Equal("Variant", Assert.ThrowsAny<ArgumentException>(() => ReinforceConfig.CartPole with { Variant = (ReinforceVariant)9 }).ParamName);
        Assert.Equal("Environment", Assert.ThrowsAny<ArgumentException>(() => ReinforceConfig.CartPole with { Environment = () => new PendulumEnvironment() }).ParamName);
    }

    [Fact]
    public void Reinforce_is_deterministic_for_a_seed()
    {
        var config = ReinforceConfig.CartPole with { Iterations = 3 };
        ReinforceResult first = Reinforce.Train(config, 3), second = Reinforce.Train(config, 3);
        Assert.Equal(first.Episodes.Select(e => e with { Seconds = 0 }), second.Episodes.Select(e => e with { Seconds = 0 }));
        Assert.Equal(first.Iterations, second.Iterations);
    }

    [Fact]
    public void A_non_finite_policy_loss_stops_with_the_iteration_and_quantity()
    {
        manual_seed(1);
        using var policy = new CategoricalPolicy(4, 2, [8]);
        var env = VectorEnvironment.Create(() => new CartPoleEnvironment(), 2);
        env.Reset(1);
        ReinforceBatch batch = Reinforce.Collect(policy, env, new Generator(1));
        double[] weights = Reinforce.Weights(batch, ReinforceVariant.RewardToGo, 0.99);
        weights[0] = double.NaN;   // what a diverged critic would produce
        var error = Assert.Throws<NonFiniteLossException>(() => LossCheck.Finite(Reinforce.Loss(policy, batch, weights), "REINFORCE", 4, "−L^PG"));
        Assert.Equal(4, error.Iteration);
        Assert.Equal("−L^PG", error.Quantity);
    }

    [Fact]
    public void Collect_returns_one_complete_episode_per_copy()
    {
        manual_seed(2);
        using var policy = new CategoricalPolicy(4, 2, [8]);
        var env = VectorEnvironment.Create(() => new CartPoleEnvironment(), 5);
        env.Reset(2);
        ReinforceBatch batch = Reinforce.Collect(policy, env, new Generator(2));
        Assert.Equal(5, batch.EpisodeCount);
        Assert.Equal(5, batch.EpisodeEnds.Count(e => e));
        Assert.True(batch.EpisodeEnds[^1]);
        Assert.Equal(batch.StepCount, (int)batch.EpisodeReturns.Sum());   // CartPole pays +1 per step
        Assert.Equal(batch.StepCount * 4, batch.Observations.Length);
    }

    [Fact]
    public void A2c_smoke_run_learns_cartpole_beyond_random()
    {
        // Seed 1 measured: rolling-20 = 239 at 30k steps (threshold 100, a margin of 2.4×); a uniformly random policy averages ≈ 22.
        A2cResult result = A2c.Train(A2cConfig.CartPole with { TotalSteps = 30_000, StopAtRollingReturn = null }, 1);
        double[] rolling = LearningCurves.RollingMean(result.Episodes.Select(e => e.Return).ToArray(), 20);
        Assert.True(rolling[^1] > 100, $"rolling-20 = {rolling[^1]}");
        Assert.True(result.Iterations.All(i => double.IsFinite(i.ValueLoss)));
        Assert.Null(result.StepsToThreshold);
        Assert.Null(result.SecondsToThreshold);
    }

    [Fact]
    public void A2c_stops_at_the_threshold_and_reports_when()
    {
        // A threshold a few episodes reach at once (a random CartPole policy averages ≈ 22), so training stops early.
        A2cResult result = A2c.Train(A2cConfig.CartPole with { StopAtRollingReturn = 15 }, 1);
        long step = Assert.NotNull(result.StepsToThreshold);
        Assert.Equal(step, LearningCurves.StepsToThreshold([.. result.Episodes.Select(e => e.Step)], [.. result.Episodes.Select(e => e.Return)], 20, 15));
        Assert.True(result.TotalSteps - step < A2cConfig.CartPole.BatchSize, "training stops within the update that reached the threshold");
        Assert.Equal(result.Episodes.First(e => e.Step == step).Seconds, result.SecondsToThreshold);
    }

    [Fact]
    public void Reinforce_smoke_run_learns_cartpole_beyond_random()
    {
        // Seed 1 measured: mean batch return 28.5 at the first update, 79.3 over the last three of 15.
        ReinforceResult result = Reinforce.Train(ReinforceConfig.CartPole with { Iterations = 15 }, 1);
        using var policy = result.Policy;
        using var critic = result.Critic;
        double first = result.Iterations[0].MeanReturn, last = result.Iterations.TakeLast(3).Average(i => i.MeanReturn);
        Assert.True(last > 2 * first, $"mean return {first} → {last}");
    }
}
