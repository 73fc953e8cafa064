using System.Diagnostics;
using RlNotebooks.Charts;
using RlNotebooks.Deep.Losses;
using RlNotebooks.Deep.Networks;
using RlNotebooks.Deep.Operations;
using RlNotebooks.Deep.Torch;
using RlNotebooks.Environments.ClassicControl;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Adam = RlNotebooks.Deep.Operations.Adam;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>
/// DDPG and TD3's networks: the actor μ_θ, one critic Q_φ (DDPG) or two (clipped double-Q), their target copies θ′, φ′
/// (initialised equal), and one Adam per side.
/// </summary>
public sealed class Td3Agent : IDisposable
{
    /// <summary>Builds the networks from the current torch seed.</summary>
    public Td3Agent(int observationSize, int actionSize, Td3Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Actor = new DeterministicPolicy(observationSize, actionSize, config.ActionBound, config.HiddenSizes);
        ActorTarget = new DeterministicPolicy(observationSize, actionSize, config.ActionBound, config.HiddenSizes);
        int count = config.ClippedDoubleQ ? 2 : 1;
        Critics = [.. Enumerable.Range(0, count).Select(_ => new QCritic(observationSize, actionSize, config.HiddenSizes))];
        CriticTargets = [.. Enumerable.Range(0, count).Select(_ => new QCritic(observationSize, actionSize, config.HiddenSizes))];
        TargetNetworks.HardUpdate(ActorTarget, Actor);
        for (int i = 0; i < count; i++)
        {
            TargetNetworks.HardUpdate(CriticTargets[i], Critics[i]);
        }

        // Each side's parameters as one vector: one Adam step and one Polyak update per side instead of one per tensor.
        ActorParameters = ContiguousParameters.Flatten(Actor.parameters());
        ActorTargetParameters = ContiguousParameters.Flatten(ActorTarget.parameters());
        CriticTensors = [.. Critics.SelectMany(c => c.parameters())];
        CriticParameters = ContiguousParameters.Flatten(CriticTensors);
        CriticTargetParameters = ContiguousParameters.Flatten(CriticTargets.SelectMany(c => c.parameters()));
        ActorOptimizer = new Adam([ActorParameters], config.LearningRate);
        CriticOptimizer = new Adam([CriticParameters], config.LearningRate);
    }

    /// <summary>μ_θ.</summary>
    public DeterministicPolicy Actor { get; }

    /// <summary>μ′ = μ_θ′.</summary>
    public DeterministicPolicy ActorTarget { get; }

    /// <summary>Q₁ (and Q₂ with clipped double-Q).</summary>
    public IReadOnlyList<QCritic> Critics { get; }

    /// <summary>Q′₁ (and Q′₂).</summary>
    public IReadOnlyList<QCritic> CriticTargets { get; }

    /// <summary>θ as one vector (<see cref="ContiguousParameters"/>): the actor's tensors are views of it.</summary>
    public Parameter ActorParameters { get; }

    /// <summary>θ′ as one vector.</summary>
    public Parameter ActorTargetParameters { get; }

    /// <summary>Every critic's φ tensor by tensor (views of <see cref="CriticParameters"/>).</summary>
    internal Parameter[] CriticTensors { get; }

    /// <summary>Every critic's φ as one vector.</summary>
    public Parameter CriticParameters { get; }

    /// <summary>Every target critic's φ′ as one vector.</summary>
    public Parameter CriticTargetParameters { get; }

    /// <summary>Adam over θ.</summary>
    public Adam ActorOptimizer { get; }

    /// <summary>Adam over every critic's φ.</summary>
    public Adam CriticOptimizer { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var module in new nn.Module[] { Actor, ActorTarget }.Concat(Critics).Concat(CriticTargets))
        {
            module.Dispose();
        }

        foreach (var vector in new[] { ActorParameters, ActorTargetParameters, CriticParameters, CriticTargetParameters })
        {
            vector.Dispose();
        }

        ActorOptimizer.Dispose();
        CriticOptimizer.Dispose();
    }
}

/// <summary>
/// TD3 (Fujimoto et al. 2018, Algorithm 1) and DDPG (Lillicrap et al. 2016), read top to bottom like CleanRL's
/// <c>td3_continuous_action.py</c> / <c>ddpg_continuous_action.py</c>: act with μ_θ(s) + N(0, σ²) clipped to the box, store
/// (s, a, r, s′, terminated), and after every step regress the critics onto
/// y = r + γ(1 − terminated) min_i Q′ᵢ(s′, ã′), ã′ = clip(μ′(s′) + clip(ε, −c, c), box); every d-th step ascend
/// Q₁(s, μ_θ(s)) and Polyak-average all targets. DDPG is the same loop with one critic, d = 1 and ã′ = μ′(s′).
/// </summary>
public static class Td3
{
    /// <summary>Trains for <paramref name="seed"/>: same seed, same episodes (only their Seconds differ).</summary>
    /// <exception cref="ArgumentException">The config's fields disagree (<see cref="Td3Config.ThrowIfInconsistent"/>).</exception>
    /// <exception cref="NonFiniteLossException">A loss became NaN or ±∞ (training stops before stepping on it).</exception>
    public static Td3Result Train(Td3Config config, int seed, TrainingProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.ThrowIfInconsistent();
        var clock = Stopwatch.StartNew();
        manual_seed(seed);
        using var generator = new Generator((ulong)seed);   // exploration and smoothing noise
        var collector = new OffPolicyCollector(Td3Config.MakeEnvironment, config.BufferSize, config.BatchSize, seed, clock);
        using var agent = new Td3Agent(collector.Environment.ObservationSize, collector.Environment.ActionSize, config);
        var box = (Box)collector.Environment.ActionSpace;
        var updates = new List<Td3UpdateLog>();
        var estimates = new List<QEstimateRecord>();
        collector.Run(config.TotalSteps, config.LearningStarts, updateInterval: 1, config.StopAtReturn, generator,
            act: (observation, action) => OffPolicyExploration.Gaussian(agent.Actor.forward(observation), config.ExplorationNoise * config.ActionBound, box, generator, action),
            update: k =>
            {
                var log = Update(agent, collector.Sample(), config, k, generator);
                if (k % 100 == 0)
                {
                    updates.Add(log with { Step = collector.Environment.TotalSteps });
                }
            },
            episodeEnded: () => estimates.Add(QEstimate.OfEpisode(agent.Critics[0], collector, config.Gamma)),
            progress, () => new ProgressMetric("Q − G", estimates[^1].OverEstimation));
        return new Td3Result(config, seed, collector.Episodes, updates, estimates, collector.Environment.TotalSteps, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The critics' regression target y = r + γ(1 − terminated) min_i Q′ᵢ(s′, ã′) (one critic: Q′₁), with
    /// ã′ = clip(μ′(s′) + clip(ε, −c, c), box), ε ~ N(0, σ²) when target policy smoothing is on, else ã′ = μ′(s′); [B], no gradient.
    /// </summary>
    public static Tensor Targets(Td3Agent agent, ReplayTensors batch, Td3Config config, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(config);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor nextActions = agent.ActorTarget.forward(batch.NextObservations);
        if (config.TargetPolicySmoothing)
        {
            double b = config.ActionBound;
            Tensor noise = randn(nextActions.shape, generator: generator) * nextActions.Constant(config.PolicyNoise * b);
            Tensor high = ones(nextActions.shape[1], nextActions.dtype) * nextActions.Constant(b);
            nextActions = DeterministicPolicyLosses.SmoothedTargetActions(nextActions, noise, config.NoiseClip * b, -high, high);
        }

        Tensor nextQ1 = agent.CriticTargets[0].forward(batch.NextObservations, nextActions);
        Tensor y = agent.CriticTargets.Count == 2
            ? DeterministicPolicyLosses.Td3Targets(batch.Rewards, batch.Terminated, nextQ1,
                agent.CriticTargets[1].forward(batch.NextObservations, nextActions), config.Gamma)
            : DeterministicPolicyLosses.DdpgTargets(batch.Rewards, batch.Terminated, nextQ1, config.Gamma);
        return y.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// One update (iteration <paramref name="update"/>, 0-based): a critic step on Σᵢ mean (Qᵢ(s, a) − y)²; on every d-th
    /// update an actor step on −mean Q₁(s, μ_θ(s)) followed by the Polyak updates θ′ ← τθ + (1 − τ)θ′, φ′ᵢ ← τφᵢ + (1 − τ)φ′ᵢ.
    /// </summary>
    public static Td3UpdateLog Update(Td3Agent agent, ReplayTensors batch, Td3Config config, long update, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(config);
        using var scope = NewDisposeScope();
        int iteration = (int)Math.Min(update, int.MaxValue);
        Tensor y = Targets(agent, batch, config, generator);
        Tensor q1 = agent.Critics[0].forward(batch.Observations, batch.Actions);
        Tensor criticLoss = agent.Critics.Count == 2
            ? CriticLosses.TwinMeanSquared(q1, agent.Critics[1].forward(batch.Observations, batch.Actions), y)
            : CriticLosses.MeanSquared(q1, y);
        double criticValue = LossCheck.Finite(criticLoss, config.Name, iteration, "critic loss");
        agent.CriticOptimizer.ZeroGrad();
        criticLoss.backward();
        agent.CriticOptimizer.Step();
        double actorValue = double.NaN;
        if (update % config.PolicyDelay == 0)
        {
            using (new FrozenParameters(agent.CriticTensors))   // the loss reaches φ₁ too, but only θ is stepped on it
            {
                Tensor actorLoss = DeterministicPolicyLosses.ActorLoss(agent.Critics[0].forward(batch.Observations, agent.Actor.forward(batch.Observations)));
                actorValue = LossCheck.Finite(actorLoss, config.Name, iteration, "actor loss −Q₁(s, μ(s))");
                agent.ActorOptimizer.ZeroGrad();
                actorLoss.backward();
            }

            agent.ActorOptimizer.Step();
            TargetNetworks.PolyakUpdate(agent.ActorTargetParameters, agent.ActorParameters, config.Tau);
            TargetNetworks.PolyakUpdate(agent.CriticTargetParameters, agent.CriticParameters, config.Tau);
        }

        return new Td3UpdateLog(update, 0, criticValue, actorValue, q1.mean().item<float>());
    }
}
