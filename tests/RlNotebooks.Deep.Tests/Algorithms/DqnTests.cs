using RlNotebooks.Buffers;
using RlNotebooks.Deep.Algorithms;
using RlNotebooks.Deep.Losses;
using RlNotebooks.Deep.Networks;
using RlNotebooks.Deep.Operations;
using RlNotebooks.Deep.Tests.Support;
using RlNotebooks.OffPolicy;
using Xunit.Abstractions;
using TorchSharp;
using static TorchSharp.torch;
using Adam = RlNotebooks.Deep.Operations.Adam;

namespace RlNotebooks.Deep.Tests.Algorithms;

/// <summary>
/// DQN's pieces against the span library (DqnTargets is the specification of both targets, HuberLoss of the loss), its
/// config checks, the NaN stop, determinism and a short seeded run.
/// </summary>
public sealed class DqnTests(ITestOutputHelper output)
{
    private const int Observation = 4, Actions = 2, B = 32;

    /// <summary>A small CartPole config that trains from the first steps (seconds, not minutes).</summary>
    private static readonly DqnConfig Small = new()
    {
        EnvironmentCount = 4, TotalSteps = 2_000, BufferSize = 1_000, BatchSize = 32, LearningRate = 1e-3, TargetUpdateInterval = 20,
        LearningStarts = 200, TrainFrequency = 2, HiddenSizes = [16],
    };

    /// <summary>A replay batch of B random transitions (a third terminated), and its tensors.</summary>
    private static (ReplayBatch Batch, DqnBatch Tensors) RandomBatch(int seed)
    {
        var random = new Random(seed);
        var buffer = new ReplayBuffer(B, Observation, 1, seed);
        float[] Floats(int n) => Enumerable.Range(0, n).Select(_ => (float)(2 * random.NextDouble() - 1)).ToArray();
        buffer.Add(Floats(B * Observation), Enumerable.Range(0, B).Select(_ => (float)random.Next(Actions)).ToArray(),
            T.Uniform(random, B, 0, 1), Floats(B * Observation), Enumerable.Range(0, B).Select(_ => random.NextDouble() < 0.3).ToArray());
        var batch = buffer.Sample(B);
        return (batch, DqnAgent.Tensors(batch));
    }

    /// <summary>An agent whose online network has taken one Adam step away from its target network (θ ≠ θ⁻).</summary>
    private static DqnAgent MovedAgent(DqnConfig config, DqnBatch batch)
    {
        manual_seed(7);
        var agent = new DqnAgent(Observation, Actions, config);
        Dqn.Step(agent, batch, config, 0);
        return agent;
    }

    private static double[] Rows(nn.Module<Tensor, Tensor> network, Tensor observations)
    {
        using var noGrad = no_grad();
        return T.Array(network.forward(observations));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Targets_equal_the_span_library(bool doubleDqn)
    {
        using var scope = NewDisposeScope();
        var config = Small with { DoubleDqn = doubleDqn, LearningRate = 0.05 };
        var (batch, tensors) = RandomBatch(1);
        using var agent = MovedAgent(config, tensors);
        double[] online = Rows(agent.Online, tensors.NextObservations), target = Rows(agent.Target, tensors.NextObservations);
        Assert.NotEqual(online, target);

        double[] expected = doubleDqn
            ? DqnTargets.DoubleDqn(batch.Rewards, batch.Terminated, online, target, Actions, config.Gamma)
            : DqnTargets.Dqn(batch.Rewards, batch.Terminated, target, Actions, config.Gamma);

        T.Close(expected, T.Array(Dqn.Targets(agent, tensors, config)), 1e-5);   // float32 networks
    }

    [Fact]
    public void Without_a_target_network_the_targets_bootstrap_from_the_online_network()
    {
        using var scope = NewDisposeScope();
        var config = Small with { UseTargetNetwork = false, LearningRate = 0.05 };
        var (batch, tensors) = RandomBatch(2);
        using var agent = MovedAgent(config, tensors);
        Assert.Same(agent.Online, agent.Target);

        double[] expected = DqnTargets.Dqn(batch.Rewards, batch.Terminated, Rows(agent.Online, tensors.NextObservations), Actions, config.Gamma);

        T.Close(expected, T.Array(Dqn.Targets(agent, tensors, config)), 1e-5);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.1)]
    public void Loss_is_the_span_librarys_mean_huber_loss_of_the_td_errors(double delta)
    {
        using var scope = NewDisposeScope();
        var config = Small with { HuberDelta = delta };
        var (_, tensors) = RandomBatch(3);
        using var agent = MovedAgent(config, tensors);

        DqnLoss loss = Dqn.Loss(agent, tensors, config);

        double[] q = T.Array(loss.Q), y = T.Array(loss.Targets), taken = Rows(agent.Online, tensors.Observations);
        long[] actions = tensors.Actions.data<long>().ToArray();
        T.Close(Enumerable.Range(0, B).Select(t => taken[t * Actions + (int)actions[t]]).ToArray(), q, 1e-6);   // Q_θ(sₜ, aₜ)
        T.Close(HuberLoss.Mean(y.Zip(q, (target, prediction) => target - prediction).ToArray(), delta), T.Number(loss.Loss), 1e-5);
    }

    [Fact]
    public void Target_update_is_a_hard_copy_at_tau_1_and_polyak_below()
    {
        using var scope = NewDisposeScope();
        var (_, tensors) = RandomBatch(4);
        foreach (double tau in new[] { 1.0, 0.25 })
        {
            var config = Small with { Tau = tau, LearningRate = 0.05 };
            using var agent = MovedAgent(config, tensors);
            double[] online = Rows(agent.Online, tensors.Observations);
            var before = agent.Target.parameters().Select(p => T.Array(p)).ToList();
            var theta = agent.Online.parameters().Select(p => T.Array(p)).ToList();

            agent.UpdateTarget();

            var after = agent.Target.parameters().Select(p => T.Array(p)).ToList();
            for (int i = 0; i < after.Count; i++)
            {
                T.Close(before[i].Zip(theta[i], (old, current) => tau * current + (1 - tau) * old).ToArray(), after[i], 1e-6);
            }

            if (tau == 1.0)
            {
                T.Close(online, Rows(agent.Target, tensors.Observations), 1e-6);
            }
        }
    }

    [Theory]
    [InlineData(false, 10.0)]
    [InlineData(true, 10.0)]
    [InlineData(true, 1e-3)]   // the norm clip scales every gradient
    public void Steps_on_the_parameter_vector_equal_per_tensor_steps_bit_for_bit(bool doubleDqn, double maxGradNorm)
    {
        // The agent keeps θ and θ⁻ as one vector each (one Adam step, one target copy); a reference that steps Adam and
        // copies tensor by tensor, as the trainer did before, must reach exactly the same float32 numbers.
        using var scope = NewDisposeScope();
        var config = Small with { DoubleDqn = doubleDqn, MaxGradNorm = maxGradNorm, HiddenSizes = [16, 16], LearningRate = 0.01 };
        manual_seed(9);
        using var agent = new DqnAgent(Observation, Actions, config);
        manual_seed(9);
        using var online = new DiscreteQNetwork(Observation, Actions, config.HiddenSizes);
        using var target = new DiscreteQNetwork(Observation, Actions, config.HiddenSizes);
        TargetNetworks.HardUpdate(target, online);
        using var adam = new Adam([.. online.parameters()], config.LearningRate);

        for (int step = 0; step < 8; step++)
        {
            using var stepScope = NewDisposeScope();
            var (_, batch) = RandomBatch(100 + step);
            DqnStepStatistics stats = Dqn.Step(agent, batch, config, step);

            Tensor q = online.ActionValues(batch.Observations, batch.Actions), y;
            using (no_grad())
            {
                y = doubleDqn
                    ? DqnLosses.DoubleTargets(batch.Rewards, batch.Terminated, online.forward(batch.NextObservations), target.forward(batch.NextObservations), config.Gamma)
                    : DqnLosses.Targets(batch.Rewards, batch.Terminated, target.forward(batch.NextObservations), config.Gamma);
            }

            Tensor loss = CriticLosses.Huber(q, y, config.HuberDelta);
            Assert.Equal(loss.item<float>(), (float)stats.Loss);
            Assert.Equal(q.mean().item<float>(), (float)stats.MeanQ);
            adam.ZeroGrad();
            loss.backward();
            nn.utils.clip_grad_norm_(online.parameters(), maxGradNorm);
            adam.Step();
            if (step % 3 == 2)
            {
                agent.UpdateTarget();
                TargetNetworks.HardUpdate(target, online);
            }
        }

        Assert.Equal(Bits(online), Bits(agent.Online));
        Assert.Equal(Bits(target), Bits(agent.Target));
    }

    private static int[] Bits(nn.Module network) =>
        [.. network.parameters().SelectMany(p => p.detach().contiguous().data<float>().ToArray()).Select(BitConverter.SingleToInt32Bits)];

    [Fact]
    public void A_minibatch_refilled_in_place_holds_the_replay_batch()
    {
        using var scope = NewDisposeScope();
        var (batch, _) = RandomBatch(6);
        using var reused = DqnBatch.Zeros(B, Observation);
        var (other, _) = RandomBatch(7);
        DqnAgent.CopyInto(other, reused);

        DqnAgent.CopyInto(batch, reused);

        Assert.Equal(batch.Observations, reused.Observations.data<float>().ToArray());
        Assert.Equal(batch.NextObservations, reused.NextObservations.data<float>().ToArray());
        Assert.Equal(batch.Actions.Select(a => (long)a), reused.Actions.data<long>().ToArray());
        Assert.Equal(batch.Rewards.Select(r => (float)r), reused.Rewards.data<float>().ToArray());
        Assert.Equal(batch.Terminated, reused.Terminated.data<bool>().ToArray());
        using var small = DqnBatch.Zeros(B - 1, Observation);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => DqnAgent.CopyInto(batch, small)).ParamName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Actions)]
    public void An_action_outside_the_action_space_is_rejected_naming_it(long action)
    {
        using var scope = NewDisposeScope();
        var (_, tensors) = RandomBatch(8);
        using var agent = MovedAgent(Small, tensors);
        Tensor actions = tensors.Actions.clone().index_fill_(0, tensor(new long[] { 5 }), action);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => agent.Online.ActionValues(tensors.Observations, actions));

        Assert.Equal("actions", error.ParamName);
        Assert.Contains($"holds {action}", error.Message);
    }

    [Fact]
    public void Epsilon_falls_linearly_from_start_to_end_over_the_exploration_fraction_then_stays()
    {
        var config = new DqnConfig { TotalSteps = 1_000, ExplorationFraction = 0.5, StartEpsilon = 1.0, EndEpsilon = 0.1 };

        Assert.Equal(1.0, Dqn.Epsilon(config, 0));
        Assert.Equal(0.55, Dqn.Epsilon(config, 250), 12);
        Assert.Equal(0.1, Dqn.Epsilon(config, 500), 12);
        Assert.Equal(0.1, Dqn.Epsilon(config, 900), 12);
    }

    public static TheoryData<Func<DqnConfig>, string> InvalidConfigs => new()
    {
        { () => new DqnConfig { Tau = 0 }, nameof(DqnConfig.Tau) },
        { () => new DqnConfig { Tau = 1.5 }, nameof(DqnConfig.Tau) },
        { () => new DqnConfig { Gamma = 1.01 }, nameof(DqnConfig.Gamma) },
        { () => new DqnConfig { LearningRate = 0 }, nameof(DqnConfig.LearningRate) },
        { () => new DqnConfig { LearningRate = double.NaN }, nameof(DqnConfig.LearningRate) },
        { () => new DqnConfig { BatchSize = 0 }, nameof(DqnConfig.BatchSize) },
        { () => new DqnConfig { EndEpsilon = -0.1 }, nameof(DqnConfig.EndEpsilon) },
        { () => new DqnConfig { ExplorationFraction = 0 }, nameof(DqnConfig.ExplorationFraction) },
        { () => new DqnConfig { HuberDelta = double.PositiveInfinity }, nameof(DqnConfig.HuberDelta) },
        { () => new DqnConfig { TargetUpdateInterval = 0 }, nameof(DqnConfig.TargetUpdateInterval) },
        { () => new DqnConfig { LearningStarts = -1 }, nameof(DqnConfig.LearningStarts) },
        { () => new DqnConfig { EnvironmentId = "Pendulum-v1" }, nameof(DqnConfig.EnvironmentId) },
        { () => new DqnConfig { HiddenSizes = [64, 0] }, "HiddenSizes[1]" },
        { () => new DqnConfig { CheckpointInterval = 0 }, nameof(DqnConfig.CheckpointInterval) },
    };

    [Theory]
    [MemberData(nameof(InvalidConfigs))]
    public void An_invalid_field_is_rejected_when_set_naming_it(Func<DqnConfig> make, string field)
    {
        var error = Assert.ThrowsAny<ArgumentException>(make);
        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void A_buffer_smaller_than_the_batch_is_rejected_naming_the_buffer()
    {
        var config = Small with { BufferSize = 16, BatchSize = 32 };

        var error = Assert.Throws<ArgumentException>(() => Dqn.Train(config, 1));

        Assert.Equal(nameof(DqnConfig.BufferSize), error.ParamName);
        Assert.Contains("BatchSize = 32", error.Message);
    }

    [Fact]
    public void A_nan_loss_stops_training_naming_the_iteration()
    {
        using var scope = NewDisposeScope();
        var (_, tensors) = RandomBatch(5);
        using var agent = MovedAgent(Small, tensors);
        var poisoned = tensors with { Rewards = tensors.Rewards.clone().index_fill_(0, tensor(new long[] { 3 }), float.NaN) };

        var error = Assert.Throws<NonFiniteLossException>(() => Dqn.Step(agent, poisoned, Small, 17));

        Assert.Equal(17, error.Iteration);
        Assert.Contains("DQN stopped at iteration 17", error.Message);
    }

    [Fact]
    public void A_diverging_run_stops_with_a_non_finite_loss()
    {
        // α = 10²⁰: the first Adam steps move every weight by about α, so the Q-values (products of two layers) overflow float32.
        var config = Small with { LearningRate = 1e20 };

        var error = Assert.Throws<NonFiniteLossException>(() => Dqn.Train(config, 1));

        output.WriteLine(error.Message);
        Assert.Equal("L_δ", error.Quantity);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Same_seed_same_episodes_and_updates(bool doubleDqn)
    {
        var config = Small with { DoubleDqn = doubleDqn };
        using DqnResult first = Dqn.Train(config, 3), second = Dqn.Train(config, 3);

        Assert.Equal(first.Episodes.Select(e => (e.Step, e.Return, e.Length)), second.Episodes.Select(e => (e.Step, e.Return, e.Length)));
        Assert.Equal(first.Updates, second.Updates);
        Assert.NotEmpty(first.Updates);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void A_short_seeded_run_trains_with_and_without_the_target_network_and_the_replay_buffer(bool targetNetwork, bool replay)
    {
        var config = Small with { UseTargetNetwork = targetNetwork, UseReplay = replay, TotalSteps = 4_000 };

        using DqnResult result = Dqn.Train(config, 2);

        output.WriteLine($"{result.Episodes.Count} episodes, {result.Updates.Count} updates, mean Q {result.Updates[^1].MeanQ}, {result.StepsPerSecond:F0} SPS");
        Assert.Equal(4_000, result.TotalSteps);
        Assert.Equal(475, result.Updates.Count);   // vector steps 50, 52, …, 998 of 4 copies: from step 200 on, every F = 2
        Assert.All(result.Updates, u => Assert.True(double.IsFinite(u.Loss) && double.IsFinite(u.MeanQ)));
        Assert.True(result.Updates[^1].MeanQ > result.Updates[0].MeanQ, "Q rises from its initial ≈ 0 toward Σ γᵏ rₖ");
        Assert.True(result.Episodes.Count > 10);
    }

    [Fact]
    public void Checkpoints_come_every_interval_and_change_no_training_episode()
    {
        var config = Small with { TotalSteps = 4_000 };
        using DqnResult plain = Dqn.Train(config, 4), measured = Dqn.Train(config with { CheckpointInterval = 1_000 }, 4);

        Assert.Equal(plain.Episodes.Select(e => (e.Step, e.Return, e.Length)), measured.Episodes.Select(e => (e.Step, e.Return, e.Length)));
        Assert.Equal(plain.Updates, measured.Updates);
        Assert.Empty(plain.Checkpoints);
        Assert.Equal([1_000L, 2_000, 3_000, 4_000], measured.Checkpoints.Select(c => c.Step));
        Assert.All(measured.Checkpoints, c => Assert.True(double.IsFinite(c.Q) && c.Return > 0 && c.EpisodeLength >= 1));
    }

    [Fact]
    public void Greedy_episodes_record_the_discounted_return_to_the_end_of_each_episode()
    {
        // CartPole pays 1 per step (the failing one included) and Gₜ counts only what was obtained, so whether an episode of
        // length L terminated or was cut at the raised limit, Gₜ = Σ_{k<L−t} γᵏ = (1 − γ^(L−t))/(1 − γ).
        manual_seed(5);
        using var agent = new DqnAgent(Observation, Actions, Small);

        var visited = DqnEvaluation.GreedyEpisodes(agent, Small, episodes: 3, seed: 11, maxEpisodeSteps: 1_500);

        Assert.Equal([0, 1, 2], visited.Select(v => v.Episode).Distinct());
        foreach (var episode in visited.GroupBy(v => v.Episode))
        {
            int length = episode.Count();
            Assert.InRange(length, 1, 1_500);
            Assert.Equal(Enumerable.Range(0, length), episode.Select(v => v.Time));
            T.Close(episode.Select(v => (1 - Math.Pow(Small.Gamma, length - v.Time)) / (1 - Small.Gamma)).ToArray(),
                episode.Select(v => v.Return).ToArray(), 1e-9);
        }

        // A checkpoint pools the states its greedy episodes (limit 3 × 500) visit before CartPole's training limit of 500.
        DqnCheckpoint checkpoint = DqnEvaluation.Checkpoint(agent, Small, step: 0, seed: 11);
        var all = DqnEvaluation.GreedyEpisodes(agent, Small, DqnEvaluation.CheckpointEpisodes, seed: 11, maxEpisodeSteps: 1_500);
        var early = all.Where(v => v.Time < 500).ToList();
        Assert.Equal(early.Average(v => v.Q), checkpoint.Q, 12);
        Assert.Equal(early.Average(v => v.Return), checkpoint.Return, 12);
        Assert.Equal(all.Count / (double)DqnEvaluation.CheckpointEpisodes, checkpoint.EpisodeLength, 12);
        Assert.Equal(checkpoint.Q - checkpoint.Return, checkpoint.Overestimation, 12);
    }
}
