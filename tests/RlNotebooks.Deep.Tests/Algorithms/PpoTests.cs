using RlNotebooks.Deep.Algorithms;
using RlNotebooks.Deep.Tests.Support;
using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Evaluation;
using RlNotebooks.Surrogates;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Algorithms;

/// <summary>PPO's config checks, its loss against the span library's L^{CLIP+VF+S}, the adaptive β rule, the NaN stop,
/// and short seeded runs on CartPole-v1 (categorical) and Pendulum-v1 (Gaussian).</summary>
public sealed class PpoTests
{
    private static readonly PpoConfig Small = new() { EnvironmentCount = 4, StepsPerRollout = 32, MinibatchSize = 64, TotalSteps = 1024 };

    [Theory]
    [InlineData("Gamma")]
    [InlineData("Lambda")]
    [InlineData("EnvironmentCount")]
    [InlineData("StepsPerRollout")]
    [InlineData("LearningRate")]
    [InlineData("ClipEpsilon")]
    [InlineData("KlTarget")]
    [InlineData("MinibatchSize")]
    [InlineData("EnvironmentId")]
    public void Invalid_fields_are_rejected_when_set_naming_the_field(string field)
    {
        Func<PpoConfig> make = field switch
        {
            "Gamma" => () => new PpoConfig { Gamma = 1.5 },
            "Lambda" => () => new PpoConfig { Lambda = -0.1 },
            "EnvironmentCount" => () => new PpoConfig { EnvironmentCount = 0 },
            "StepsPerRollout" => () => Small with { StepsPerRollout = -3 },
            "LearningRate" => () => new PpoConfig { LearningRate = 0 },
            "ClipEpsilon" => () => new PpoConfig { ClipEpsilon = 1.0 },
            "KlTarget" => () => new PpoConfig { KlTarget = double.NaN },
            "MinibatchSize" => () => new PpoConfig { MinibatchSize = 0 },
            _ => () => new PpoConfig { EnvironmentId = "MountainCar-v0" },
        };

        var error = Assert.ThrowsAny<ArgumentException>(make);

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void A_minibatch_larger_than_the_batch_is_rejected_before_training()
    {
        var error = Assert.Throws<ArgumentException>(() => Ppo.Train(Small with { MinibatchSize = 129 * 4 }, seed: 1));

        Assert.Equal("MinibatchSize", error.ParamName);
        Assert.Contains("128", error.Message);
    }

    [Theory]
    [InlineData(PpoSurrogate.Clip, 0.3)]
    [InlineData(null, 0.3)]
    [InlineData(PpoSurrogate.AdaptiveKl, 0.3)]
    public void The_loss_is_minus_the_span_librarys_objective_on_the_agents_outputs(PpoSurrogate? objective, double valueClip)
    {
        using var scope = NewDisposeScope();
        PpoConfig config = new() { Surrogate = objective ?? PpoSurrogate.Clip, ValueClipRange = objective is null ? null : valueClip };
        manual_seed(3);
        using var agent = new PpoAgent(4, new Discrete(2), config);
        var random = new Random(4);
        const int n = 96;
        Tensor observations = tensor(T.Uniform(random, n * 4).Select(x => (float)x).ToArray(), [n, 4]);
        Tensor actions = tensor(Enumerable.Range(0, n).Select(_ => (long)random.Next(2)).ToArray());
        double[] old = T.Uniform(random, n, -1.2, -0.3), advantages = T.Uniform(random, n, -2, 2);
        double[] oldValues = T.Uniform(random, n, -1, 1), targets = T.Uniform(random, n, -2, 2);
        var batch = new PpoMinibatch(observations, actions, F(old), F(advantages), F(oldValues), F(targets));

        PpoLoss loss = Ppo.Loss(agent, batch, config, beta: 0.7);

        var (logProbsTensor, entropiesTensor) = agent.Evaluate(observations, actions);
        double[] logProbs = T.Array(logProbsTensor), entropies = T.Array(entropiesTensor), values = T.Array(agent.Critic.forward(observations));
        double[] oldF = T.Array(F(old)), advantagesF = T.Array(F(advantages)), oldValuesF = T.Array(F(oldValues)), targetsF = T.Array(F(targets));
        double valueLoss = config.ValueClipRange is double clip ? ValueLoss.Clipped(values, oldValuesF, targetsF, clip) : ValueLoss.Unclipped(values, targetsF);
        double kl = RlNotebooks.Surrogates.KlEstimators.K3(logProbs, oldF);
        double policy = config.Surrogate == PpoSurrogate.Clip
            ? ClippedSurrogate.Value(logProbs, oldF, advantagesF, config.ClipEpsilon)
            : KlPenalizedSurrogate.Value(logProbs, oldF, advantagesF, 0.7, kl);
        double expectedTotal = policy - 0.5 * valueLoss + 0.01 * EntropyBonus.Mean(entropies);
        T.Close(policy, T.Number(loss.PolicyObjective), 1e-5);
        T.Close(valueLoss, T.Number(loss.ValueLoss), 1e-5);
        T.Close(kl, T.Number(loss.ApproxKl), 1e-5);
        T.Close(ClipFraction.Compute(logProbs, oldF, config.ClipEpsilon), T.Number(loss.ClipFraction), 1e-6);
        T.Close(-expectedTotal, T.Number(loss.Total), 1e-5);
    }

    [Fact]
    public void A_nan_loss_stops_the_step_naming_the_iteration_and_quantity_and_leaves_the_parameters_unchanged()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var agent = new PpoAgent(4, new Discrete(2), new PpoConfig());
        double[] before = agent.Parameters.SelectMany(p => T.Array(p)).ToArray();
        Tensor one = ones(8), observations = zeros(8, 4);
        var batch = new PpoMinibatch(observations, zeros(8, ScalarType.Int64), -one, full(8, float.NaN), one, one);

        var error = Assert.Throws<NonFiniteLossException>(() => Ppo.Step(agent, batch, new PpoConfig(), beta: 0, iteration: 7));

        Assert.Equal(7, error.Iteration);
        Assert.Contains("CLIP+VF+S", error.Quantity);
        Assert.Equal(before, agent.Parameters.SelectMany(p => T.Array(p)).ToArray());
    }

    [Fact]
    public void The_adaptive_penalty_halves_or_doubles_beta_by_the_papers_rule_after_each_update()
    {
        var result = Ppo.Train(Small with { Surrogate = PpoSurrogate.AdaptiveKl, KlTarget = 0.003, Beta = 1.0, TotalSteps = 128 * 6 }, seed: 2);

        Assert.Equal(1.0, result.Iterations[0].Beta);
        for (int i = 1; i < result.Iterations.Count; i++)
        {
            var previous = result.Iterations[i - 1];
            Assert.Equal(AdaptiveKlPenalty.NextBeta(previous.Beta, Math.Max(previous.ApproxKl, 0), 0.003), result.Iterations[i].Beta);
        }
    }

    [Fact]
    public void A_short_cartpole_run_learns_and_logs_its_diagnostics()
    {
        var result = Ppo.Train(PpoConfig.CartPole with { TotalSteps = 20_000 }, seed: 1);

        double[] rolling = LearningCurves.RollingMean(result.Episodes.Select(e => e.Return).ToArray(), 20);
        Assert.True(rolling[^1] > 2 * rolling[19], $"rolling-20 went from {rolling[19]} to {rolling[^1]}");
        Assert.All(result.Iterations, log => Assert.True(double.IsFinite(log.ApproxKl) && log.ClipFraction is >= 0 and <= 1));
    }

    [Fact]
    public void A_short_pendulum_run_uses_a_gaussian_policy_and_clips_its_actions_to_the_box()
    {
        var result = Ppo.Train(PpoConfig.Pendulum with { TotalSteps = 4 * PpoConfig.Pendulum.BatchSize }, seed: 1);

        Assert.Equal(4, result.Iterations.Count);
        Assert.All(result.Episodes, e => Assert.Equal(200, e.Length));   // Pendulum only truncates
        Assert.All(result.Episodes, e => Assert.InRange(e.Return, -16.2736044 * 200, 0));
        Assert.All(result.Iterations, log => Assert.True(double.IsFinite(log.ValueLoss) && double.IsFinite(log.ExplainedVariance)));
    }

    private static Tensor F(double[] values) => tensor(values).to_type(ScalarType.Float32);
}
