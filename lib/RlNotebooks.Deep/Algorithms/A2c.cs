using System.Diagnostics;
using RlNotebooks.Buffers;
using RlNotebooks.Charts;
using RlNotebooks.Deep.Distributions;
using RlNotebooks.Deep.Losses;
using RlNotebooks.Deep.Networks;
using RlNotebooks.Deep.Operations;
using RlNotebooks.Deep.Torch;
using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Evaluation;
using RlNotebooks.Validation;
using TorchSharp;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>
/// Hyperparameters of synchronous advantage actor-critic (Mnih et al. 2016, "Asynchronous methods for deep RL", the
/// synchronous variant of OpenAI baselines / Stable-Baselines3). Defaults are rl-baselines3-zoo's CartPole-v1 entry for A2C
/// on top of SB3's A2C defaults, except where "tuned here" says why. Every field is validated when it is set.
/// <para>
/// Separate networks: the actor π_θ and the critic V_φ are two MLPs (SB3's default net_arch for MLP policies). A shared
/// trunk would let the value loss, whose scale grows with the returns (up to ~100 on CartPole with γ = 0.99), dominate
/// the features the policy reads; one optimizer still steps both, so an update costs one backward pass.
/// </para>
/// </summary>
public sealed record A2cConfig
{
    /// <summary>CartPole-v1 with the defaults below.</summary>
    public static A2cConfig CartPole => new();

    /// <summary>Makes one copy of the task; its actions must be discrete (the actor is a categorical policy).</summary>
    public Func<ControlEnvironment> Environment { get; init => field = ConfigGuard.DiscreteEnvironment(value, "A2C", nameof(Environment)); } = () => new CartPoleEnvironment();

    /// <summary>N copies stepped together (rl-zoo: 8).</summary>
    public int EnvironmentCount { get; init { Guard.AtLeast(value, 1, nameof(EnvironmentCount)); field = value; } } = 8;

    /// <summary>T steps per copy between updates: the n of the n-step return (SB3: 5). Tuned here: 16 gives batches of
    /// 128 that reach CartPole's threshold in fewer wall-clock seconds than 5 (fewer, larger torch calls).</summary>
    public int StepsPerRollout { get; init { Guard.AtLeast(value, 1, nameof(StepsPerRollout)); field = value; } } = 16;

    /// <summary>Environment steps (all copies together) after which training stops.</summary>
    public long TotalSteps { get; init { Guard.Positive(value, nameof(TotalSteps)); field = value; } } = 500_000;

    /// <summary>Discount γ ∈ [0, 1] (SB3: 0.99).</summary>
    public double Gamma { get; init { Guard.UnitInterval(value, nameof(Gamma)); field = value; } } = 0.99;

    /// <summary>GAE λ ∈ [0, 1]: 1 is the n-step return of A2C (SB3: 1.0), 0 the one-step TD error.</summary>
    public double Lambda { get; init { Guard.UnitInterval(value, nameof(Lambda)); field = value; } } = 1.0;

    /// <summary>RMSprop step size (SB3: 7e-4).</summary>
    public double LearningRate { get; init { Guard.Positive(value, nameof(LearningRate)); field = value; } } = 7e-4;

    /// <summary>c_v in L = −L^PG + c_v L^VF − c_e S, with L^VF = ½ mean (V − V^targ)²; 1 equals SB3's 0.5 × MSE.</summary>
    public double ValueCoefficient { get; init { Guard.NonNegative(value, nameof(ValueCoefficient)); field = value; } } = 1.0;

    /// <summary>c_e, the entropy bonus (rl-zoo CartPole: 0.0).</summary>
    public double EntropyCoefficient { get; init { Guard.NonNegative(value, nameof(EntropyCoefficient)); field = value; } } = 0.0;

    /// <summary>Global gradient-norm clip (SB3: 0.5).</summary>
    public double MaxGradNorm { get; init { Guard.Positive(value, nameof(MaxGradNorm)); field = value; } } = 0.5;

    /// <summary>Hidden layers of both networks (SB3: [64, 64], tanh).</summary>
    public IReadOnlyList<int> HiddenSizes { get; init => field = ConfigGuard.HiddenSizes(value, nameof(HiddenSizes)); } = [64, 64];

    /// <summary>Stop once the mean of the last 20 episode returns reaches this (CartPole-v1: 475); null trains the whole budget.</summary>
    public double? StopAtRollingReturn { get; init { if (value is double v) Guard.Finite(v, nameof(StopAtRollingReturn)); field = value; } } = 475.0;

    /// <summary>Steps × copies per update.</summary>
    public int BatchSize => StepsPerRollout * EnvironmentCount;
}

/// <summary>One A2C update's statistics.</summary>
/// <param name="Iteration">0-based update index.</param>
/// <param name="Step">Environment steps after the rollout it used.</param>
/// <param name="PolicyLoss">−L^PG.</param>
/// <param name="ValueLoss">L^VF.</param>
/// <param name="Entropy">Mean H(π(·|sₜ)) over the batch.</param>
/// <param name="ExplainedVariance">1 − Var[V^targ − V] / Var[V^targ] of the rollout's values.</param>
public readonly record struct A2cIteration(int Iteration, long Step, double PolicyLoss, double ValueLoss, double Entropy, double ExplainedVariance);

/// <summary>What <see cref="A2c.Train"/> returns.</summary>
/// <param name="Episodes">Every finished training episode, in order.</param>
/// <param name="Iterations">One entry per update.</param>
/// <param name="TotalSteps">Environment steps taken.</param>
/// <param name="Seconds">Wall-clock seconds of training.</param>
/// <param name="StepsToThreshold">The step at which rolling-20 first reached <see cref="A2cConfig.StopAtRollingReturn"/>, or null.</param>
public sealed record A2cResult(IReadOnlyList<EpisodeRecord> Episodes, IReadOnlyList<A2cIteration> Iterations, long TotalSteps,
    double Seconds, long? StepsToThreshold)
{
    /// <summary>Environment steps per second.</summary>
    public double StepsPerSecond => TotalSteps / Seconds;

    /// <summary>Wall-clock seconds from the start of training to the episode that completed the threshold window, or null.</summary>
    public double? SecondsToThreshold => StepsToThreshold is long step ? Episodes.First(e => e.Step == step).Seconds : null;
}

/// <summary>
/// Synchronous advantage actor-critic. Each iteration: N copies act T steps with π_θ; Âₜ = GAE(γ, λ) per copy
/// (RolloutBuffer.Finish: 0 after termination, V_φ of the final observation after truncation and at the rollout's cut);
/// one gradient step on L = −(1/NT) Σ log π_θ(aₜ|sₜ) Âₜ + c_v ½ (1/NT) Σ (V_φ(sₜ) − (Âₜ + V(sₜ)))² − c_e H̄.
/// </summary>
public static class A2c
{
    private const int RollingWindow = 20;

    /// <summary>Trains on <paramref name="config"/>'s task from <paramref name="seed"/> (torch, sampling and the copies' resets).</summary>
    public static A2cResult Train(A2cConfig config, int seed, TrainingProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var clock = Stopwatch.StartNew();
        manual_seed(seed);
        var sampler = new Generator((ulong)seed);
        var env = VectorEnvironment.Create(config.Environment, config.EnvironmentCount);
        int n = env.Count, d = env.ObservationSize, actionCount = ((Discrete)env.ActionSpace).N;
        using var policy = new CategoricalPolicy(d, actionCount, config.HiddenSizes);
        using var critic = new ValueCritic(d, config.HiddenSizes);
        var parameters = policy.parameters().Concat(critic.parameters()).ToArray();
        using var optimizer = new RmsProp(parameters, config.LearningRate, alpha: 0.99, epsilon: 1e-5);   // SB3's A2C optimizer
        var buffer = new RolloutBuffer(config.StepsPerRollout, n, d, 1);
        BatchValueFunction value = (observations, values) => Evaluate(critic, observations.ToArray(), values);

        var (observed, actions, actionFloats, logProbs, values) = (new float[n * d], new int[n], new float[n], new double[n], new double[n]);
        var episodes = new List<EpisodeRecord>();
        var iterations = new List<A2cIteration>();
        var recent = new Queue<double>();
        long? stepsToThreshold = null;
        env.Reset(seed);
        for (int iteration = 0; env.TotalSteps < config.TotalSteps && stepsToThreshold is null; iteration++)
        {
            using var scope = NewDisposeScope();
            buffer.Clear();
            for (int t = 0; t < config.StepsPerRollout; t++)
            {
                Act(policy, critic, env.Observations, n, d, sampler, actions, actionFloats, logProbs, values);
                env.Observations.CopyTo(observed, 0);   // sₜ: the vector env overwrites it with the next observation
                env.Step(actions);
                buffer.Add(observed, actionFloats, logProbs, values, env);
                for (int i = 0; i < n; i++)
                {
                    if (!env.Done(i)) continue;
                    EpisodeStatistics finished = env.FinishedEpisodes[i];
                    episodes.Add(new EpisodeRecord(env.TotalSteps, finished.Return, finished.Length, clock.Elapsed.TotalSeconds));
                    recent.Enqueue(finished.Return);
                    if (recent.Count > RollingWindow) recent.Dequeue();
                    if (recent.Count == RollingWindow && stepsToThreshold is null && recent.Average() >= config.StopAtRollingReturn)
                    {
                        stepsToThreshold = env.TotalSteps;
                    }
                }
            }

            buffer.Finish(value, config.Gamma, config.Lambda);
            iterations.Add(Update(config, iteration, env.TotalSteps, buffer, policy, critic, optimizer, parameters));
            if (progress is not null && (iteration % 50 == 0 || stepsToThreshold is not null))
            {
                progress.Report((int)Math.Min(env.TotalSteps, int.MaxValue), new ProgressMetric("return", recent.Count > 0 ? recent.Average() : 0.0),
                    new ProgressMetric("SPS", env.TotalSteps / clock.Elapsed.TotalSeconds), new ProgressMetric("EV", iterations[^1].ExplainedVariance));
            }
        }

        progress?.Flush();
        return new A2cResult(episodes, iterations, env.TotalSteps, clock.Elapsed.TotalSeconds, stepsToThreshold);
    }

    /// <summary>Samples aₜ ~ π_θ(·|sₜ) for all copies in one batch and records log π_θ(aₜ|sₜ) and V_φ(sₜ).</summary>
    private static void Act(CategoricalPolicy policy, ValueCritic critic, float[] observations, int n, int d, Generator sampler,
        int[] actions, float[] actionFloats, double[] logProbs, double[] values)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor states = tensor(observations, [n, d]);
        Tensor logits = policy.forward(states);
        Tensor sampled = CategoricalDistribution.Sample(logits, sampler);
        var a = sampled.data<long>();
        var logP = CategoricalDistribution.LogProb(logits, sampled).data<float>();
        var v = critic.forward(states).data<float>();
        for (int i = 0; i < n; i++)
        {
            actions[i] = (int)a[i];
            actionFloats[i] = a[i];
            logProbs[i] = logP[i];
            values[i] = v[i];
        }
    }

    /// <summary>One gradient step on the whole rollout: actor and critic together, gradient norm clipped.</summary>
    private static A2cIteration Update(A2cConfig config, int iteration, long step, RolloutBuffer buffer, CategoricalPolicy policy,
        ValueCritic critic, RmsProp optimizer, IEnumerable<TorchSharp.Modules.Parameter> parameters)
    {
        int rows = buffer.Count * buffer.EnvironmentCount;
        Tensor states = tensor(buffer.Observations, [rows, buffer.ObservationSize]);
        Tensor actions = tensor(buffer.Actions).to(int64);
        Tensor advantages = tensor(buffer.Advantages).to(float32);
        Tensor targets = tensor(buffer.ValueTargets).to(float32);
        Tensor logits = policy.forward(states);
        Tensor policyLoss = -PolicyGradientLoss.Surrogate(CategoricalDistribution.LogProb(logits, actions), advantages, rows);
        Tensor valueLoss = ValueLosses.Unclipped(critic.forward(states), targets);
        Tensor entropy = PpoLosses.EntropyBonus(CategoricalDistribution.Entropy(logits));
        Tensor loss = policyLoss.Plus(valueLoss * valueLoss.Constant(config.ValueCoefficient)) - entropy * entropy.Constant(config.EntropyCoefficient);
        LossCheck.Finite(loss, "A2C", iteration, "L = −L^PG + c_v L^VF − c_e S");
        optimizer.ZeroGrad();
        loss.backward();
        nn.utils.clip_grad_norm_(parameters, config.MaxGradNorm);
        optimizer.Step();
        return new A2cIteration(iteration, step, policyLoss.item<float>(), valueLoss.item<float>(), entropy.item<float>(),
            LearningCurves.ExplainedVariance(buffer.Values.AsSpan(0, rows), buffer.ValueTargets.AsSpan(0, rows)));
    }

    /// <summary>V_φ on k flat observations, for RolloutBuffer.Finish's bootstrap rows.</summary>
    private static void Evaluate(ValueCritic critic, float[] observations, Span<double> values)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var v = critic.forward(tensor(observations, [values.Length, observations.Length / values.Length])).data<float>();
        for (int j = 0; j < values.Length; j++) values[j] = v[j];
    }
}
