using System.Diagnostics;
using RlNotebooks.Advantages;
using RlNotebooks.Buffers;
using RlNotebooks.Charts;
using RlNotebooks.Deep.Losses;
using RlNotebooks.Deep.Torch;
using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Evaluation;
using AdaptiveKlPenalty = RlNotebooks.Surrogates.AdaptiveKlPenalty;
using TorchSharp;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>A batch of PPO's rollout as tensors, all data (no gradient): sₜ, aₜ, log π_old(aₜ|sₜ), Âₜ, V_old(sₜ), V^targ_t.</summary>
/// <param name="Observations">[M, obs] float32.</param>
/// <param name="Actions">Int64 [M] (discrete) or float32 [M, d] (continuous), as sampled (before clipping to the action box).</param>
/// <param name="OldLogProbs">log π_old(aₜ|sₜ), [M].</param>
/// <param name="Advantages">Âₜ (normalised if the config says so), [M].</param>
/// <param name="OldValues">V_old(sₜ) of the critic that collected the data, [M].</param>
/// <param name="ValueTargets">V^targ_t = Âₜ + V_old(sₜ) (unnormalised Â), [M].</param>
public sealed record PpoMinibatch(Tensor Observations, Tensor Actions, Tensor OldLogProbs, Tensor Advantages, Tensor OldValues, Tensor ValueTargets)
{
    /// <summary>The rows <paramref name="indices"/> of every tensor.</summary>
    public PpoMinibatch Select(Tensor indices) => new(Observations.index_select(0, indices), Actions.index_select(0, indices),
        OldLogProbs.index_select(0, indices), Advantages.index_select(0, indices), OldValues.index_select(0, indices),
        ValueTargets.index_select(0, indices));
}

/// <summary>The pieces of −L^{CLIP+VF+S} on one minibatch, 0-d tensors (<see cref="Total"/> carries the gradient).</summary>
/// <param name="PolicyObjective">L^CLIP, L^KLPEN or L^CPI, to be maximised.</param>
/// <param name="ValueLoss">L^VF, to be minimised.</param>
/// <param name="Entropy">S, the mean entropy.</param>
/// <param name="ApproxKl">k3 estimate of D_KL(π_old ‖ π_θ).</param>
/// <param name="ClipFraction">Fraction of samples with |rₜ − 1| &gt; ε.</param>
/// <param name="Total">−(policy objective − c₁ L^VF + c₂ S), the number Adam minimises.</param>
public sealed record PpoLoss(Tensor PolicyObjective, Tensor ValueLoss, Tensor Entropy, Tensor ApproxKl, Tensor ClipFraction, Tensor Total);

/// <summary>
/// Proximal Policy Optimization (Schulman et al. 2017, Algorithm 1), read top to bottom like CleanRL's <c>ppo.py</c>:
/// for each iteration, run π_θold for T steps in N environments; compute Âₜ with GAE(γ, λ) (termination ≠ truncation,
/// truncated episodes bootstrapped from their final observation); then K epochs of minibatch Adam steps on
/// −L^{CLIP+VF+S} = −Êₜ[L^CLIP_t − c₁ L^VF_t + c₂ S[π_θ](sₜ)] (eq. 9), or on the KL-penalised / unconstrained surrogate.
/// </summary>
public static class Ppo
{
    private const string Name = "PPO";

    /// <summary>Trains PPO for <paramref name="seed"/>: same seed, same episodes (only their Seconds differ).</summary>
    /// <exception cref="ArgumentException">The config's fields disagree (<see cref="PpoConfig.ThrowIfInconsistent"/>).</exception>
    /// <exception cref="NonFiniteLossException">A loss became NaN or ±∞ (training stops before stepping on it).</exception>
    public static PpoResult Train(PpoConfig config, int seed, TrainingProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.ThrowIfInconsistent();
        var clock = Stopwatch.StartNew();
        manual_seed(seed);
        using var generator = new Generator((ulong)seed);   // action sampling and minibatch shuffles
        var env = VectorEnvironment.Create(config.MakeEnvironment, config.EnvironmentCount);
        env.Reset(seed);
        using var agent = new PpoAgent(env.ObservationSize, env.ActionSpace, config);
        var rollout = new PpoRollout(env, agent, config, generator);
        var episodes = new List<EpisodeRecord>();
        var log = new List<PpoIterationLog>();
        double beta = config.Surrogate is PpoSurrogate.AdaptiveKl or PpoSurrogate.FixedKl ? config.Beta : 0.0;
        int iterations = (int)((config.TotalSteps + config.BatchSize - 1) / config.BatchSize);
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            using var scope = NewDisposeScope();
            // Linear annealing of α to 0 over the budget (CleanRL's anneal_lr).
            double learningRate = config.AnnealLearningRate ? config.LearningRate * (1.0 - (double)iteration / iterations) : config.LearningRate;
            agent.Optimizer.LearningRate = learningRate;

            rollout.Collect(episodes, clock);
            if (config.StopAtReturn is double stop && RecentMean(episodes) >= stop)
            {
                break;
            }

            PpoMinibatch batch = rollout.Finish();
            var (stats, approxKl) = Update(agent, batch, config, beta, iteration, generator);
            double explained = LearningCurves.ExplainedVariance(rollout.Buffer.Values, rollout.Buffer.ValueTargets);
            log.Add(new PpoIterationLog(iteration, env.TotalSteps, stats.PolicyObjective, stats.ValueLoss, stats.Entropy, approxKl,
                stats.ClipFraction, explained, beta, learningRate));
            // §4: after each policy update, β ← β·2 if d > 1.5 d_targ, β/2 if d < d_targ/1.5.
            if (config.Surrogate == PpoSurrogate.AdaptiveKl)
            {
                beta = AdaptiveKlPenalty.NextBeta(beta, Math.Max(approxKl, 0.0), config.KlTarget);
            }

            progress?.Report((int)Math.Min(env.TotalSteps, int.MaxValue), new ProgressMetric("return", RecentMean(episodes)),
                new ProgressMetric("SPS", env.TotalSteps / clock.Elapsed.TotalSeconds), new ProgressMetric("KL", approxKl),
                new ProgressMetric("clipfrac", stats.ClipFraction), new ProgressMetric("EV", explained));
        }

        progress?.Flush();
        return new PpoResult(config, seed, episodes, log, env.TotalSteps, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The pieces of −L^{CLIP+VF+S} on <paramref name="batch"/> for the current θ, φ. The policy term is L^CLIP (eq. 7),
    /// L^KLPEN = Êₜ[rₜÂₜ] − β D̄_KL (eq. 8; β = 0 gives L^CPI); D̄_KL(π_old ‖ π_θ) is the k3 estimate from the sampled
    /// actions, which needs only log-probabilities and so serves discrete and Gaussian policies alike.
    /// </summary>
    public static PpoLoss Loss(PpoAgent agent, PpoMinibatch batch, PpoConfig config, double beta)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(config);
        var (logProbs, entropies) = agent.Evaluate(batch.Observations, batch.Actions);
        Tensor kl = KlEstimators.K3(logProbs, batch.OldLogProbs);
        Tensor policyObjective = config.Surrogate == PpoSurrogate.Clip
            ? PpoLosses.ClippedSurrogate(logProbs, batch.OldLogProbs, batch.Advantages, config.ClipEpsilon)
            : PpoLosses.KlPenalizedSurrogate(logProbs, batch.OldLogProbs, batch.Advantages, beta, kl);
        Tensor values = agent.Critic.forward(batch.Observations);
        Tensor valueLoss = config.ValueClipRange is double clipRange
            ? ValueLosses.Clipped(values, batch.OldValues, batch.ValueTargets, clipRange)
            : ValueLosses.Unclipped(values, batch.ValueTargets);
        Tensor entropy = PpoLosses.EntropyBonus(entropies);
        Tensor clipFraction;
        using (no_grad())
        {
            clipFraction = ((logProbs - batch.OldLogProbs).exp() - logProbs.Constant(1.0)).abs().gt(logProbs.Constant(config.ClipEpsilon))
                .to_type(logProbs.dtype).mean();
        }

        Tensor total = (policyObjective - valueLoss * valueLoss.Constant(config.ValueCoefficient))
                       .Plus(entropy * entropy.Constant(config.EntropyCoefficient)).neg();
        return new PpoLoss(policyObjective, valueLoss, entropy, kl, clipFraction, total);
    }

    /// <summary>
    /// One Adam step on −L^{CLIP+VF+S} for <paramref name="batch"/>: loss, NaN check, backward, global gradient-norm clip,
    /// step. Returns the pieces' values before the step.
    /// </summary>
    public static PpoStepStatistics Step(PpoAgent agent, PpoMinibatch batch, PpoConfig config, double beta, int iteration)
    {
        using var scope = NewDisposeScope();
        PpoLoss loss = Loss(agent, batch, config, beta);
        LossCheck.Finite(loss.Total, Name, iteration, "−L^{CLIP+VF+S}");
        agent.Optimizer.ZeroGrad();
        loss.Total.backward();
        nn.utils.clip_grad_norm_(agent.Parameters, config.MaxGradNorm);
        agent.Optimizer.Step();
        // One copy out for the four logged numbers (each .item() is a separate native call).
        double[] numbers = stack([loss.PolicyObjective.detach(), loss.ValueLoss.detach(), loss.Entropy.detach(), loss.ClipFraction])
            .to_type(ScalarType.Float64).data<double>().ToArray();
        return new PpoStepStatistics(numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    /// <summary>K epochs over random minibatches of M samples; returns the minibatch means and the k3 KL of the whole batch afterwards.</summary>
    private static (PpoStepStatistics Mean, double ApproxKl) Update(PpoAgent agent, PpoMinibatch batch, PpoConfig config, double beta,
        int iteration, Generator generator)
    {
        long size = batch.OldLogProbs.shape[0];
        double policy = 0, value = 0, entropy = 0, clipFraction = 0;
        int steps = 0;
        for (int epoch = 0; epoch < config.Epochs; epoch++)
        {
            using var scope = NewDisposeScope();
            Tensor order = randperm(size, generator: generator);
            for (long start = 0; start < size; start += config.MinibatchSize)
            {
                PpoStepStatistics s = Step(agent, batch.Select(order.narrow(0, start, Math.Min(config.MinibatchSize, size - start))), config, beta, iteration);
                (policy, value, entropy, clipFraction, steps) = (policy + s.PolicyObjective, value + s.ValueLoss, entropy + s.Entropy, clipFraction + s.ClipFraction, steps + 1);
            }
        }

        double approxKl;
        using (no_grad())
        using (NewDisposeScope())
        {
            approxKl = KlEstimators.K3(agent.Evaluate(batch.Observations, batch.Actions).LogProbs, batch.OldLogProbs).item<float>();
        }

        return (new PpoStepStatistics(policy / steps, value / steps, entropy / steps, clipFraction / steps), approxKl);
    }

    private static double RecentMean(List<EpisodeRecord> episodes)
    {
        if (episodes.Count < 20)
        {
            return double.NaN;   // no full window yet (NaN ≥ threshold is false)
        }

        double sum = 0;
        for (int k = episodes.Count - 20; k < episodes.Count; k++)
        {
            sum += episodes[k].Return;
        }

        return sum / 20;
    }
}

/// <summary>The logged values of one minibatch step (or their means over an update).</summary>
/// <param name="PolicyObjective">The policy surrogate.</param>
/// <param name="ValueLoss">L^VF.</param>
/// <param name="Entropy">S.</param>
/// <param name="ClipFraction">Fraction of |rₜ − 1| &gt; ε.</param>
public readonly record struct PpoStepStatistics(double PolicyObjective, double ValueLoss, double Entropy, double ClipFraction);
