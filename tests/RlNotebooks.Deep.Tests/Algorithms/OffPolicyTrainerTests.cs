using RlNotebooks.Deep.Algorithms;
using RlNotebooks.Deep.Tests.Support;
using RlNotebooks.OffPolicy;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Algorithms;

/// <summary>
/// DDPG, TD3 and SAC: the trainers' targets and temperature loss equal the span library's specifications (Td3Targets,
/// SacTargets, SacTemperature) on the trainers' own networks; configs reject bad fields by name; a NaN loss stops training;
/// a seed fixes the run; short seeded runs finish.
/// </summary>
public sealed class OffPolicyTrainerTests
{
    private const int B = 32, Observation = 3;

    private static ReplayTensors Batch(int seed)
    {
        var random = new Random(seed);
        float[] Floats(int n, double scale) => [.. T.Uniform(random, n, -scale, scale).Select(x => (float)x)];
        return new ReplayTensors(tensor(Floats(B * Observation, 1), [B, Observation]), tensor(Floats(B, 2), [B, 1]),
            tensor(Floats(B, 8)), tensor(Floats(B * Observation, 1), [B, Observation]),
            tensor(Enumerable.Range(0, B).Select(_ => random.NextDouble() < 0.3).ToArray()));
    }

    private static double[] D(Tensor t) => T.Array(t);

    private static bool[] Flags(Tensor t) => t.data<bool>().ToArray();

    [Theory]
    [InlineData(true, false)]   // clipped double-Q, no smoothing
    [InlineData(true, true)]    // TD3
    [InlineData(false, false)]  // DDPG
    public void Td3_targets_equal_the_span_library(bool clippedDoubleQ, bool smoothing)
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var config = Td3Config.Pendulum with { ClippedDoubleQ = clippedDoubleQ, TargetPolicySmoothing = smoothing };
        using var agent = new Td3Agent(Observation, 1, config);
        ReplayTensors batch = Batch(6);
        using var generator = new Generator(7);

        double[] actual = D(Td3.Targets(agent, batch, config, generator));

        // The same noise from the same generator state, then the specification step by step.
        using var replay = new Generator(7);
        double b = config.ActionBound;
        double[] nextActions = D(agent.ActorTarget.forward(batch.NextObservations));
        if (smoothing)
        {
            double[] noise = D(randn([B, 1], generator: replay) * (config.PolicyNoise * b));
            nextActions = Td3Targets.SmoothedActions(nextActions, noise, config.NoiseClip * b, [-b], [b]);
        }

        Tensor a = tensor(nextActions.Select(x => (float)x).ToArray(), [B, 1]);
        double[] q1 = D(agent.CriticTargets[0].forward(batch.NextObservations, a));
        double[] q2 = clippedDoubleQ ? D(agent.CriticTargets[1].forward(batch.NextObservations, a)) : q1;   // DDPG: min(Q′, Q′) = Q′
        T.Close(Td3Targets.Targets(D(batch.Rewards), Flags(batch.Terminated), q1, q2, config.Gamma), actual, 1e-5);
    }

    [Fact]
    public void Sac_soft_targets_equal_the_span_library()
    {
        using var scope = NewDisposeScope();
        manual_seed(8);
        var config = SacConfig.Pendulum with { InitialAlpha = 0.3 };
        using var agent = new SacAgent(Observation, new Environments.ClassicControl.Box(-2f, 2f, 1), config);
        ReplayTensors batch = Batch(9);
        using var generator = new Generator(10);

        double[] actual = D(Sac.Targets(agent, batch, config, generator));

        using var replay = new Generator(10);
        var next = agent.Actor.Sample(batch.NextObservations, replay);
        var (q1, q2) = agent.CriticTargets.forward(batch.NextObservations, next.Action);
        double[] expected = SacTargets.SoftTargets(D(batch.Rewards), Flags(batch.Terminated), D(q1), D(q2), D(next.LogProb), 0.3, config.Gamma);
        T.Close(expected, actual, 1e-5);
    }

    [Fact]
    public void Sac_temperature_step_follows_the_span_library_gradient()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var config = SacConfig.Pendulum with { InitialAlpha = 0.5 };
        using var agent = new SacAgent(Observation, new Environments.ClassicControl.Box(-2f, 2f, 1), config);
        var sample = agent.Actor.Sample(Batch(12).Observations, new Generator(13));
        double targetEntropy = SacTemperature.DefaultTargetEntropy(1);

        Tensor loss = RlNotebooks.Deep.Losses.SacLosses.TemperatureLoss(agent.LogAlpha, sample.LogProb, targetEntropy);
        loss.backward();

        var expected = SacTemperature.Loss(Math.Log(0.5), D(sample.LogProb), targetEntropy);
        T.Close(expected.Loss, T.Number(loss), 1e-5);
        T.Close(expected.GradientLogAlpha, T.Number(agent.LogAlpha.grad!), 1e-5);
    }

    [Theory]
    [InlineData("BufferSize")]
    [InlineData("LearningStarts")]
    public void Inconsistent_replay_sizes_are_rejected_naming_the_field(string field)
    {
        var td3 = field == "BufferSize" ? Td3Config.Pendulum with { BufferSize = 64, BatchSize = 128 } : Td3Config.Pendulum with { LearningStarts = 100 };
        var sac = field == "BufferSize" ? SacConfig.Pendulum with { BufferSize = 64, BatchSize = 128 } : SacConfig.Pendulum with { LearningStarts = 100 };
        Assert.Equal(field, Assert.ThrowsAny<ArgumentException>(() => Td3.Train(td3, 1)).ParamName);
        Assert.Equal(field, Assert.ThrowsAny<ArgumentException>(() => Sac.Train(sac, 1)).ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Tau_outside_zero_one_is_rejected(double tau)
    {
        Assert.Equal("Tau", Assert.ThrowsAny<ArgumentException>(() => Td3Config.Pendulum with { Tau = tau }).ParamName);
        Assert.Equal("Tau", Assert.ThrowsAny<ArgumentException>(() => SacConfig.Pendulum with { Tau = tau }).ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_target_entropy_is_rejected(double entropy)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => SacConfig.Pendulum with { TargetEntropy = entropy });
        Assert.Equal("TargetEntropy", error.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.PositiveInfinity)]
    public void Action_bound_must_be_positive_and_finite(double bound)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Td3Config.Pendulum with { ActionBound = bound });
        Assert.Equal("ActionBound", error.ParamName);
        Assert.Contains(bound.ToString(System.Globalization.CultureInfo.CurrentCulture), error.Message);
    }

    [Fact]
    public void Other_fields_are_checked_by_name()
    {
        Assert.Equal("Gamma", Assert.ThrowsAny<ArgumentException>(() => Td3Config.Pendulum with { Gamma = 1.5 }).ParamName);
        Assert.Equal("PolicyDelay", Assert.ThrowsAny<ArgumentException>(() => Td3Config.Pendulum with { PolicyDelay = 0 }).ParamName);
        Assert.Equal("LearningRate", Assert.ThrowsAny<ArgumentException>(() => Td3Config.Pendulum with { LearningRate = 0 }).ParamName);
        Assert.Equal("HiddenSizes[1]", Assert.ThrowsAny<ArgumentException>(() => SacConfig.Pendulum with { HiddenSizes = [64, 0] }).ParamName);   // names the layer
        Assert.Equal("InitialAlpha", Assert.ThrowsAny<ArgumentException>(() => SacConfig.Pendulum with { InitialAlpha = -1 }).ParamName);
        Assert.Equal("BatchSize", Assert.ThrowsAny<ArgumentException>(() => SacConfig.Pendulum with { BatchSize = 0 }).ParamName);
    }

    [Fact]
    public void A_non_finite_critic_loss_stops_td3_at_the_first_update()
    {
        // b = 3e38 is finite in float32, but Q′(s′, μ′(s′)) of actions that large overflows: the first critic loss is not finite.
        var config = Td3Config.Pendulum with { ActionBound = 3e38, LearningStarts = 128, TotalSteps = 400 };
        var error = Assert.Throws<NonFiniteLossException>(() => Td3.Train(config, 1));
        Assert.Equal(0, error.Iteration);
        Assert.Equal("critic loss", error.Quantity);
        Assert.Contains("TD3 stopped at iteration 0", error.Message);
    }

    [Fact]
    public void A_non_finite_critic_loss_stops_sac_at_the_first_update()
    {
        // α = 1e300 becomes +∞ in float32, so the soft target and the critic loss are not finite.
        var config = SacConfig.Pendulum with { InitialAlpha = 1e300, LearningStarts = 256, TotalSteps = 400 };
        var error = Assert.Throws<NonFiniteLossException>(() => Sac.Train(config, 1));
        Assert.Equal(0, error.Iteration);
        Assert.Contains("SAC stopped at iteration 0: critic loss", error.Message);
    }

    private static readonly Td3Config ShortTd3 = Td3Config.Pendulum with { TotalSteps = 1_000, LearningStarts = 600 };
    private static readonly SacConfig ShortSac = SacConfig.Pendulum with { TotalSteps = 1_000, LearningStarts = 600 };

    [Fact]
    public void Same_seed_same_run()
    {
        static object[] Td3Run(int seed)
        {
            var r = Td3.Train(ShortTd3, seed);
            return [.. r.Episodes.Select(e => (e.Step, e.Return, e.Length)), .. r.Updates, .. r.QEstimates];
        }

        static object[] SacRun(int seed)
        {
            var r = Sac.Train(ShortSac, seed);
            return [.. r.Episodes.Select(e => (e.Step, e.Return, e.Length)), .. r.Updates];
        }

        Assert.Equal(Td3Run(4), Td3Run(4));
        Assert.NotEqual(Td3Run(4), Td3Run(5));
        Assert.Equal(SacRun(4), SacRun(4));
    }

    [Theory]
    [InlineData("DDPG")]
    [InlineData("TD3")]
    public void Short_seeded_deterministic_policy_runs_finish(string name)
    {
        var config = name == "TD3" ? ShortTd3 : ShortTd3 with { ClippedDoubleQ = false, PolicyDelay = 1, TargetPolicySmoothing = false };
        Assert.Equal(name, config.Name);

        var result = Td3.Train(config, 1);

        Assert.Equal(1_000, result.TotalSteps);
        Assert.Equal(5, result.Episodes.Count);   // Pendulum-v1 always runs 200 steps
        Assert.All(result.Episodes, e => Assert.InRange(e.Return, -16.3 * 200, 0));
        Assert.Equal(5, result.QEstimates.Count);
        Assert.All(result.QEstimates, q => Assert.True(double.IsFinite(q.Q) && double.IsFinite(q.MonteCarloReturn)));
        Assert.Equal(401 / 100 + 1, result.Updates.Count);   // updates 0, 100, …, 400 of 401
        Assert.All(result.Updates, u => Assert.True(double.IsFinite(u.CriticLoss) && double.IsFinite(u.ActorLoss)));   // logged updates are multiples of d
    }

    [Fact]
    public void Short_seeded_sac_run_finishes_and_tunes_alpha()
    {
        var result = Sac.Train(ShortSac, 1);

        Assert.Equal(1_000, result.TotalSteps);
        Assert.Equal(5, result.Episodes.Count);
        Assert.Equal(-1.0, result.TargetEntropy);
        Assert.All(result.Updates, u => Assert.True(double.IsFinite(u.CriticLoss) && double.IsFinite(u.ActorLoss) && u.Alpha > 0));
        Assert.True(result.Updates[^1].Alpha < ShortSac.InitialAlpha, "the initial policy's entropy exceeds H̄ = −1, so α falls");
    }
}
