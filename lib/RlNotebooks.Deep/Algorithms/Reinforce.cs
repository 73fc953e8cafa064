using System.Diagnostics;
using RlNotebooks.Advantages;
using RlNotebooks.Baselines;
using RlNotebooks.Charts;
using RlNotebooks.Deep.Distributions;
using RlNotebooks.Deep.Losses;
using RlNotebooks.Deep.Networks;
using RlNotebooks.Deep.Operations;
using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Returns;
using RlNotebooks.Validation;
using TorchSharp;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>The weight Ψₜ that multiplies ∇θ log π_θ(aₜ|sₜ) in REINFORCE's estimator ĝ = (1/N) Σᵢ Σₜ ∇θ log π_θ(aₜ|sₜ) Ψₜ.</summary>
public enum ReinforceVariant
{
    /// <summary>Ψₜ = R(τ) = Σₖ γᵏ rₖ₊₁, the whole episode's return (Williams 1992).</summary>
    TotalReturn,

    /// <summary>Ψₜ = Gₜ = Σ_{k≥t} γ^{k−t} rₖ₊₁: an action cannot affect earlier rewards (causality).</summary>
    RewardToGo,

    /// <summary>Ψₜ = Gₜ − b with b the batch mean of the Gₜ (a constant, so the estimator stays unbiased up to O(1/N)).</summary>
    ConstantBaseline,

    /// <summary>Ψₜ = Gₜ − V_φ(sₜ), V_φ regressed on the Gₜ of earlier batches (the state-value baseline).</summary>
    LearnedBaseline,
}

/// <summary>
/// REINFORCE hyperparameters. Defaults are tuned here for CartPole-v1 (no peer ships a REINFORCE config): a batch of 8
/// episodes per update and Adam at 0.005 bring the baselined variants near 500 within 60 updates on seeds 1–3, so the
/// four variants fit the lecture's time budget; Adam at 0.01 learned faster but collapsed more often. Every field is
/// validated when it is set.
/// </summary>
public sealed record ReinforceConfig
{
    /// <summary>CartPole-v1 with the defaults below.</summary>
    public static ReinforceConfig CartPole => new();

    /// <summary>Makes one copy of the task; its actions must be discrete (the policy is categorical).</summary>
    public Func<ControlEnvironment> Environment { get; init => field = ConfigGuard.DiscreteEnvironment(value, "REINFORCE", nameof(Environment)); } = () => new CartPoleEnvironment();

    /// <summary>Which Ψₜ weights the scores.</summary>
    public ReinforceVariant Variant { get; init { if (!Enum.IsDefined(value)) throw new ArgumentException($"Variant = {value} is not a ReinforceVariant.", nameof(Variant)); field = value; } } = ReinforceVariant.LearnedBaseline;

    /// <summary>N complete episodes per update, run side by side (one per copy of the vector environment).</summary>
    public int EpisodesPerBatch { get; init { Guard.AtLeast(value, 1, nameof(EpisodesPerBatch)); field = value; } } = 8;

    /// <summary>Updates of the policy.</summary>
    public int Iterations { get; init { Guard.AtLeast(value, 1, nameof(Iterations)); field = value; } } = 60;

    /// <summary>Discount γ ∈ [0, 1]; 0.99 keeps CartPole's returns-to-go below 100, a scale the critic learns quickly.</summary>
    public double Gamma { get; init { Guard.UnitInterval(value, nameof(Gamma)); field = value; } } = 0.99;

    /// <summary>Adam step size of the policy.</summary>
    public double LearningRate { get; init { Guard.Positive(value, nameof(LearningRate)); field = value; } } = 0.005;

    /// <summary>Adam step size of the critic V_φ (LearnedBaseline only).</summary>
    public double CriticLearningRate { get; init { Guard.Positive(value, nameof(CriticLearningRate)); field = value; } } = 0.01;

    /// <summary>Full-batch regression steps of V_φ on each batch's Gₜ (LearnedBaseline only).</summary>
    public int CriticStepsPerBatch { get; init { Guard.AtLeast(value, 1, nameof(CriticStepsPerBatch)); field = value; } } = 10;

    /// <summary>Normalise the batch's Ψₜ to mean 0, standard deviation 1 before the update (a pitfall the notebook studies).</summary>
    public bool NormalizeWeights { get; init; }

    /// <summary>Hidden layers of the policy and the critic (tanh).</summary>
    public IReadOnlyList<int> HiddenSizes { get; init => field = ConfigGuard.HiddenSizes(value, nameof(HiddenSizes)); } = [32, 32];
}

/// <summary>N complete episodes laid end to end: step t of the batch has observation sₜ, action aₜ and reward rₜ₊₁.</summary>
/// <param name="Observations">[T × d] row-major.</param>
/// <param name="ObservationSize">d.</param>
/// <param name="Actions">[T] aₜ.</param>
/// <param name="Rewards">[T] rₜ₊₁.</param>
/// <param name="EpisodeEnds">[T]: step t is the last of its episode (terminated or truncated: Monte Carlo does not bootstrap).</param>
/// <param name="EpisodeReturns">[N] undiscounted Σ rₜ per episode.</param>
public sealed record ReinforceBatch(float[] Observations, int ObservationSize, long[] Actions, double[] Rewards, bool[] EpisodeEnds, double[] EpisodeReturns)
{
    /// <summary>N.</summary>
    public int EpisodeCount => EpisodeReturns.Length;

    /// <summary>T, the steps of all episodes.</summary>
    public int StepCount => Rewards.Length;
}

/// <summary>One REINFORCE update's statistics.</summary>
/// <param name="Iteration">0-based update index.</param>
/// <param name="Step">Environment steps (of the recorded episodes) after this batch.</param>
/// <param name="MeanReturn">The batch's mean undiscounted return.</param>
/// <param name="PolicyLoss">−L^PG.</param>
/// <param name="ValueLoss">L^VF of the critic before its fit (NaN without a learned baseline).</param>
public readonly record struct ReinforceIteration(int Iteration, long Step, double MeanReturn, double PolicyLoss, double ValueLoss);

/// <summary>What <see cref="Reinforce.Train"/> returns, with the trained networks for further measurements (the caller disposes them).</summary>
public sealed record ReinforceResult(IReadOnlyList<EpisodeRecord> Episodes, IReadOnlyList<ReinforceIteration> Iterations, long TotalSteps,
    double Seconds, CategoricalPolicy Policy, ValueCritic? Critic);

/// <summary>
/// REINFORCE (Williams 1992): collect N complete episodes with π_θ, weight each score ∇θ log π_θ(aₜ|sₜ) by Ψₜ, step θ along
/// ĝ = (1/N) Σᵢ Σₜ ∇θ log π_θ(aₜ|sₜ) Ψₜ. The γᵗ factor of the exact discounted gradient is dropped, as in practice
/// (Spinning Up, CleanRL): it would silence late steps. Episodes cut by the time limit are treated as ended; a Monte-Carlo
/// return has nothing to bootstrap from (A2C does).
/// </summary>
public static class Reinforce
{
    /// <summary>
    /// Trains on <paramref name="config"/>'s task from <paramref name="seed"/> (torch, sampling and the copies' resets).
    /// <paramref name="progress"/> counts updates, so start it with totalSteps = <see cref="ReinforceConfig.Iterations"/>.
    /// </summary>
    public static ReinforceResult Train(ReinforceConfig config, int seed, TrainingProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var clock = Stopwatch.StartNew();
        manual_seed(seed);
        var sampler = new Generator((ulong)seed);
        var env = VectorEnvironment.Create(config.Environment, config.EpisodesPerBatch);
        var policy = new CategoricalPolicy(env.ObservationSize, ((Discrete)env.ActionSpace).N, config.HiddenSizes);
        ValueCritic? critic = config.Variant == ReinforceVariant.LearnedBaseline ? new ValueCritic(env.ObservationSize, config.HiddenSizes) : null;
        using var optimizer = new Adam([.. policy.parameters()], config.LearningRate);
        using var criticOptimizer = critic is null ? null : new Adam([.. critic.parameters()], config.CriticLearningRate);
        var episodes = new List<EpisodeRecord>();
        var iterations = new List<ReinforceIteration>();
        long steps = 0;
        env.Reset(seed);
        for (int iteration = 0; iteration < config.Iterations; iteration++)
        {
            using var scope = NewDisposeScope();
            ReinforceBatch batch = Collect(policy, env, sampler);
            RecordEpisodes(batch, episodes, ref steps, clock);
            double[] weights = Weights(batch, config.Variant, config.Gamma, critic);
            if (config.NormalizeWeights)
            {
                AdvantageNormalization.NormalizeInto(weights, 1e-8, weights);
            }

            Tensor loss = Loss(policy, batch, weights);
            double policyLoss = LossCheck.Finite(loss, "REINFORCE", iteration, "−L^PG");
            optimizer.ZeroGrad();
            loss.backward();
            optimizer.Step();
            double valueLoss = critic is null ? double.NaN : FitCritic(critic, criticOptimizer!, batch, config, iteration);
            iterations.Add(new ReinforceIteration(iteration, steps, batch.EpisodeReturns.Average(), policyLoss, valueLoss));
            progress?.Report(iteration + 1, new ProgressMetric("return", batch.EpisodeReturns.Average()));
        }

        progress?.Flush();
        return new ReinforceResult(episodes, iterations, steps, clock.Elapsed.TotalSeconds, policy, critic);
    }

    /// <summary>
    /// Runs one episode in every copy of <paramref name="env"/> with π_θ (copies that finish early keep stepping until the
    /// last one ends, but only each copy's first episode is kept), and returns them laid end to end.
    /// </summary>
    public static ReinforceBatch Collect(CategoricalPolicy policy, VectorEnvironment env, Generator sampler)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(env);
        int n = env.Count, d = env.ObservationSize;
        var perCopy = Enumerable.Range(0, n).Select(_ => (Observations: new List<float>(), Actions: new List<long>(), Rewards: new List<double>())).ToArray();
        var finished = new bool[n];
        var returns = new double[n];
        var actions = new int[n];
        int remaining = n;
        while (remaining > 0)
        {
            using (var scope = NewDisposeScope())
            using (var noGrad = no_grad())
            {
                var sampled = policy.Sample(tensor(env.Observations, [n, d]), sampler).data<long>();
                for (int i = 0; i < n; i++) actions[i] = (int)sampled[i];
            }

            for (int i = 0; i < n; i++)
            {
                if (finished[i]) continue;
                perCopy[i].Observations.AddRange(env.Observations.AsSpan(i * d, d));
                perCopy[i].Actions.Add(actions[i]);
            }

            env.Step(actions);
            for (int i = 0; i < n; i++)
            {
                if (finished[i]) continue;
                perCopy[i].Rewards.Add(env.Rewards[i]);
                if (env.Done(i))
                {
                    (finished[i], returns[i]) = (true, env.FinishedEpisodes[i].Return);
                    remaining--;
                }
            }
        }

        var ends = perCopy.SelectMany(c => Enumerable.Range(0, c.Rewards.Count).Select(t => t == c.Rewards.Count - 1)).ToArray();
        return new ReinforceBatch([.. perCopy.SelectMany(c => c.Observations)], d, [.. perCopy.SelectMany(c => c.Actions)],
            [.. perCopy.SelectMany(c => c.Rewards)], ends, returns);
    }

    /// <summary>Ψₜ for every step of <paramref name="batch"/>; <paramref name="critic"/> is V_φ for <see cref="ReinforceVariant.LearnedBaseline"/>.</summary>
    public static double[] Weights(ReinforceBatch batch, ReinforceVariant variant, double gamma, ValueCritic? critic = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var weights = new double[batch.StepCount];
        for (int start = 0; start < batch.StepCount;)
        {
            int end = Array.IndexOf(batch.EpisodeEnds, true, start);
            ReadOnlySpan<double> rewards = batch.Rewards.AsSpan(start, end - start + 1);
            if (variant == ReinforceVariant.TotalReturn)
            {
                weights.AsSpan(start, rewards.Length).Fill(TrajectoryReturn.Discounted(rewards, gamma));
            }
            else
            {
                RewardToGo.ComputeInto(rewards, gamma, 0.0, weights.AsSpan(start, rewards.Length));
            }

            start = end + 1;
        }

        if (variant == ReinforceVariant.ConstantBaseline)
        {
            double b = ConstantBaseline.Mean(weights);
            for (int t = 0; t < weights.Length; t++) weights[t] -= b;
        }
        else if (variant == ReinforceVariant.LearnedBaseline)
        {
            ArgumentNullException.ThrowIfNull(critic, nameof(critic));
            double[] values = Values(critic, batch);
            for (int t = 0; t < weights.Length; t++) weights[t] -= values[t];
        }

        return weights;
    }

    /// <summary>−L^PG = −(1/N) Σᵢ Σₜ log π_θ(aₜ|sₜ) Ψₜ over the batch's N episodes; its gradient is −ĝ.</summary>
    public static Tensor Loss(CategoricalPolicy policy, ReinforceBatch batch, double[] weights)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(batch);
        Guard.SameLength(batch.StepCount, weights.Length, nameof(weights), "the batch's steps");
        using var scope = NewDisposeScope();
        Tensor logProbs = policy.LogProb(tensor(batch.Observations, [batch.StepCount, batch.ObservationSize]), tensor(batch.Actions));
        return (-PolicyGradientLoss.Surrogate(logProbs, tensor(weights).to(float32), batch.EpisodeCount)).MoveToOuterDisposeScope();
    }

    /// <summary>V_φ(sₜ) for every step of the batch.</summary>
    public static double[] Values(ValueCritic critic, ReinforceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(critic);
        ArgumentNullException.ThrowIfNull(batch);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return critic.forward(tensor(batch.Observations, [batch.StepCount, batch.ObservationSize])).to(float64).data<double>().ToArray();
    }

    /// <summary>Regresses V_φ on the batch's rewards-to-go Gₜ; returns the loss before the first step.</summary>
    private static double FitCritic(ValueCritic critic, Adam optimizer, ReinforceBatch batch, ReinforceConfig config, int iteration)
    {
        using var scope = NewDisposeScope();
        Tensor states = tensor(batch.Observations, [batch.StepCount, batch.ObservationSize]);
        Tensor targets = tensor(Weights(batch, ReinforceVariant.RewardToGo, config.Gamma)).to(float32);
        double first = double.NaN;
        for (int k = 0; k < config.CriticStepsPerBatch; k++)
        {
            Tensor loss = ValueLosses.Unclipped(critic.forward(states), targets);
            double value = LossCheck.Finite(loss, "REINFORCE", iteration, "L^VF");
            if (k == 0) first = value;
            optimizer.ZeroGrad();
            loss.backward();
            optimizer.Step();
        }

        return first;
    }

    private static void RecordEpisodes(ReinforceBatch batch, List<EpisodeRecord> episodes, ref long steps, Stopwatch clock)
    {
        for (int start = 0, i = 0; start < batch.StepCount; i++)
        {
            int end = Array.IndexOf(batch.EpisodeEnds, true, start);
            steps += end - start + 1;
            episodes.Add(new EpisodeRecord(steps, batch.EpisodeReturns[i], end - start + 1, clock.Elapsed.TotalSeconds));
            start = end + 1;
        }
    }
}
