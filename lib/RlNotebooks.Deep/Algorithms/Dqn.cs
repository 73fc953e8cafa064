using System.Diagnostics;
using RlNotebooks.Buffers;
using RlNotebooks.Charts;
using RlNotebooks.Deep.Losses;
using RlNotebooks.Environments.ClassicControl;
using TorchSharp;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>
/// Deep Q-network (Mnih et al. 2015, Algorithm 1) and Double DQN (van Hasselt et al. 2016) in one trainer, read top to bottom
/// like CleanRL's <c>dqn.py</c>: act ε-greedily w.r.t. Q_θ in N environments with ε annealed linearly; store every transition
/// (sₜ, aₜ, rₜ₊₁, sₜ₊₁, terminatedₜ) in the replay buffer (a time-limit truncation is not a termination, so its target
/// bootstraps from the episode's final observation); every F vector steps take G Adam steps, each on the Huber loss
/// L_δ(Q_θ(sₜ, aₜ) − yₜ) over a uniform minibatch with
/// <code>
/// DQN:         yₜ = rₜ₊₁ + γ (1 − terminatedₜ) maxₐ′ Q_θ⁻(sₜ₊₁, a′)
/// Double DQN:  yₜ = rₜ₊₁ + γ (1 − terminatedₜ) Q_θ⁻(sₜ₊₁, argmaxₐ′ Q_θ(sₜ₊₁, a′));
/// </code>
/// and every C gradient steps move the target network, θ⁻ ← τθ + (1 − τ)θ⁻.
/// </summary>
public static class Dqn
{
    private const string Name = "DQN";

    /// <summary>Trains DQN (or Double DQN) for <paramref name="seed"/>: same seed, same episodes (only their Seconds differ).</summary>
    /// <returns>The run, holding the trained agent (dispose the result to free it).</returns>
    /// <exception cref="ArgumentException">The config's fields disagree (<see cref="DqnConfig.ThrowIfInconsistent"/>).</exception>
    /// <exception cref="NonFiniteLossException">The loss became NaN or ±∞ (training stops before stepping on it).</exception>
    public static DqnResult Train(DqnConfig config, int seed, TrainingProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.ThrowIfInconsistent();
        var clock = Stopwatch.StartNew();
        manual_seed(seed);
        var random = new Random(seed);   // ε draws and exploratory actions
        var env = VectorEnvironment.Create(() => config.MakeEnvironment(), config.EnvironmentCount);
        env.Reset(seed);
        int n = env.Count, d = env.ObservationSize;
        var agent = new DqnAgent(d, ((Discrete)env.ActionSpace).N, config);
        // Without replay the buffer holds only the latest B transitions: each update learns from what was just seen.
        var buffer = new ReplayBuffer(config.UseReplay ? config.BufferSize : config.BatchSize, d, 1, seed);
        var replay = new ReplayBatch(config.BatchSize, d, 1);
        using DqnBatch minibatch = DqnBatch.Zeros(config.BatchSize, d);   // refilled in place for every gradient step
        var (observations, storedActions, actions) = (new float[n * d], new float[n], new int[n]);
        var episodes = new List<EpisodeRecord>();
        var log = new List<DqnUpdateLog>();
        var checkpoints = new List<DqnCheckpoint>();
        int gradientSteps = 0;
        for (long vectorStep = 0; env.TotalSteps < config.TotalSteps; vectorStep++)
        {
            double epsilon = Epsilon(config, env.TotalSteps);
            ActEpsilonGreedy(agent, env.Observations, epsilon, random, actions);
            env.Observations.CopyTo(observations, 0);   // sₜ: the step overwrites env.Observations
            env.Step(actions);
            for (int i = 0; i < n; i++)
            {
                storedActions[i] = actions[i];
            }

            buffer.Add(observations, storedActions, env);
            if (RecordEpisodes(env, episodes, clock) && config.StopAtReturn is double stop && RollingReturn(episodes) >= stop)
            {
                break;
            }

            // Evaluation has its own environments and draws nothing from the training RNGs: it changes no training episode.
            if (config.CheckpointInterval is long every && env.TotalSteps >= (checkpoints.Count + 1) * every)
            {
                checkpoints.Add(DqnEvaluation.Checkpoint(agent, config, env.TotalSteps, seed + DqnEvaluation.SeedOffset));
            }

            if (env.TotalSteps < config.LearningStarts || buffer.Count < config.BatchSize || vectorStep % config.TrainFrequency != 0)
            {
                continue;
            }

            DqnStepStatistics stats = default;
            for (int g = 0; g < config.GradientSteps; g++)
            {
                using var scope = NewDisposeScope();
                buffer.SampleInto(replay);
                DqnAgent.CopyInto(replay, minibatch);
                stats = Step(agent, minibatch, config, gradientSteps++);
                if (gradientSteps % config.TargetUpdateInterval == 0)
                {
                    agent.UpdateTarget();
                }
            }

            log.Add(new DqnUpdateLog(gradientSteps, env.TotalSteps, stats.Loss, stats.MeanQ, epsilon));
            progress?.Report((int)Math.Min(env.TotalSteps, int.MaxValue), new ProgressMetric("return", RollingReturn(episodes)),
                new ProgressMetric("SPS", env.TotalSteps / clock.Elapsed.TotalSeconds), new ProgressMetric("ε", epsilon),
                new ProgressMetric("loss", stats.Loss), new ProgressMetric("Q", stats.MeanQ));
        }

        progress?.Flush();
        return new DqnResult(config, seed, episodes, log, checkpoints, env.TotalSteps, clock.Elapsed.TotalSeconds, agent);
    }

    /// <summary>
    /// The linear exploration schedule εₜ = ε_start + min(1, t / (f·T)) (ε_end − ε_start) at environment step t, with f·T =
    /// <see cref="DqnConfig.ExplorationSteps"/> (CleanRL's <c>linear_schedule</c>; the paper anneals 1 → 0.1 over 10⁶ frames).
    /// </summary>
    public static double Epsilon(DqnConfig config, long step)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        double progress = Math.Min(1.0, step / config.ExplorationSteps);
        return config.StartEpsilon + progress * (config.EndEpsilon - config.StartEpsilon);
    }

    /// <summary>
    /// The regression targets yₜ of <paramref name="batch"/> (DQN or Double DQN as the config says), computed without gradient
    /// from the target network (from Q_θ itself when the config has no target network).
    /// </summary>
    public static Tensor Targets(DqnAgent agent, DqnBatch batch, DqnConfig config)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(config);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Tensor nextTargetQ = agent.Target.forward(batch.NextObservations);
        Tensor targets = config.DoubleDqn
            ? DqnLosses.DoubleTargets(batch.Rewards, batch.Terminated, agent.Online.forward(batch.NextObservations), nextTargetQ, config.Gamma)
            : DqnLosses.Targets(batch.Rewards, batch.Terminated, nextTargetQ, config.Gamma);
        return targets.MoveToOuterDisposeScope();
    }

    /// <summary>Q_θ(sₜ, aₜ), the targets yₜ and the loss (1/B) Σₜ L_δ(Q_θ(sₜ, aₜ) − yₜ) on <paramref name="batch"/>.</summary>
    public static DqnLoss Loss(DqnAgent agent, DqnBatch batch, DqnConfig config)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(batch);
        Tensor targets = Targets(agent, batch, config);
        Tensor q = agent.Online.ActionValues(batch.Observations, batch.Actions);
        return new DqnLoss(q, targets, CriticLosses.Huber(q, targets, config.HuberDelta));
    }

    /// <summary>One Adam step on the Huber loss of <paramref name="batch"/>: loss, NaN check, backward, optional norm clip, step.</summary>
    /// <returns>The loss and the mean Q_θ(sₜ, aₜ) before the step.</returns>
    public static DqnStepStatistics Step(DqnAgent agent, DqnBatch batch, DqnConfig config, int iteration)
    {
        using var scope = NewDisposeScope();
        DqnLoss loss = Loss(agent, batch, config);
        double value = LossCheck.Finite(loss.Loss, Name, iteration, "L_δ");
        agent.Optimizer.ZeroGrad();
        loss.Loss.backward();
        if (config.MaxGradNorm is double maxNorm)
        {
            nn.utils.clip_grad_norm_(agent.OnlineTensors, maxNorm);
        }

        agent.Optimizer.Step();
        using var noGrad = no_grad();
        return new DqnStepStatistics(value, loss.Q.mean().item<float>());
    }

    /// <summary>
    /// ε-greedy actions for the rows of <paramref name="observations"/>: with probability ε a uniform action, otherwise
    /// argmaxₐ Q_θ(s, a). The network is called only when some copy acts greedily.
    /// </summary>
    public static void ActEpsilonGreedy(DqnAgent agent, float[] observations, double epsilon, Random random, int[] actions)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(actions);
        Validation.Guard.UnitInterval(epsilon);
        Span<bool> explore = stackalloc bool[actions.Length];
        bool anyGreedy = false;
        for (int i = 0; i < actions.Length; i++)
        {
            explore[i] = random.NextDouble() < epsilon;
            anyGreedy |= !explore[i];
        }

        if (anyGreedy)
        {
            agent.GreedyActionsInto(observations, actions);
        }

        for (int i = 0; i < actions.Length; i++)
        {
            if (explore[i])
            {
                actions[i] = random.Next(agent.ActionCount);
            }
        }
    }

    /// <summary>Appends the episodes the last step finished; returns whether there were any.</summary>
    private static bool RecordEpisodes(VectorEnvironment env, List<EpisodeRecord> episodes, Stopwatch clock)
    {
        bool any = false;
        for (int i = 0; i < env.Count; i++)
        {
            if (env.Done(i))
            {
                episodes.Add(new EpisodeRecord(env.TotalSteps, env.FinishedEpisodes[i].Return, env.FinishedEpisodes[i].Length, clock.Elapsed.TotalSeconds));
                any = true;
            }
        }

        return any;
    }

    /// <summary>The mean return of the last 20 episodes; NaN before 20 have finished (NaN ≥ threshold is false).</summary>
    private static double RollingReturn(List<EpisodeRecord> episodes) =>
        episodes.Count < 20 ? double.NaN : episodes.TakeLast(20).Average(e => e.Return);
}

/// <summary>The pieces of one DQN loss, tensors of the current dispose scope.</summary>
/// <param name="Q">Q_θ(sₜ, aₜ), [B], with gradient.</param>
/// <param name="Targets">yₜ, [B], detached.</param>
/// <param name="Loss">(1/B) Σₜ L_δ(Q_θ(sₜ, aₜ) − yₜ), 0-d.</param>
public sealed record DqnLoss(Tensor Q, Tensor Targets, Tensor Loss);

/// <summary>What one gradient step logged.</summary>
/// <param name="Loss">The Huber loss before the step.</param>
/// <param name="MeanQ">The mean Q_θ(sₜ, aₜ) over the minibatch before the step.</param>
public readonly record struct DqnStepStatistics(double Loss, double MeanQ);
