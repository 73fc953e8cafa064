using System.Diagnostics;
using RlNotebooks.Charts;
using RlNotebooks.Deep.Losses;
using RlNotebooks.Deep.Networks;
using RlNotebooks.Deep.Operations;
using RlNotebooks.Environments.ClassicControl;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Adam = RlNotebooks.Deep.Operations.Adam;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>SAC's networks: the squashed-Gaussian policy π_θ, twin critics Q_φ₁, Q_φ₂ and their targets, log α, one Adam each.</summary>
public sealed class SacAgent : IDisposable
{
    /// <summary>Builds the networks from the current torch seed; the policy's box is <paramref name="box"/>.</summary>
    public SacAgent(int observationSize, Box box, SacConfig config)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(config);
        double[] low = [.. box.Low.ToArray().Select(x => (double)x)], high = [.. box.High.ToArray().Select(x => (double)x)];
        Actor = new TanhGaussianPolicy(observationSize, low, high, config.HiddenSizes);
        Critics = new TwinQCritic(observationSize, box.Dimension, config.HiddenSizes);
        CriticTargets = new TwinQCritic(observationSize, box.Dimension, config.HiddenSizes);
        TargetNetworks.HardUpdate(CriticTargets, Critics);
        // Each network's parameters as one vector: one Adam step and one Polyak update per network instead of one per tensor.
        ActorParameters = ContiguousParameters.Flatten(Actor.parameters());
        CriticTensors = [.. Critics.parameters()];
        CriticParameters = ContiguousParameters.Flatten(CriticTensors);
        CriticTargetParameters = ContiguousParameters.Flatten(CriticTargets.parameters());
        LogAlpha = new Parameter(tensor(Math.Log(config.InitialAlpha), ScalarType.Float32), requires_grad: config.Autotune);
        ActorOptimizer = new Adam([ActorParameters], config.PolicyLearningRate);
        CriticOptimizer = new Adam([CriticParameters], config.QLearningRate);
        AlphaOptimizer = new Adam([LogAlpha], config.QLearningRate);
        Alpha = config.InitialAlpha;
    }

    /// <summary>π_θ.</summary>
    public TanhGaussianPolicy Actor { get; }

    /// <summary>Q_φ₁, Q_φ₂.</summary>
    public TwinQCritic Critics { get; }

    /// <summary>Q_φ′₁, Q_φ′₂.</summary>
    public TwinQCritic CriticTargets { get; }

    /// <summary>θ as one vector (<see cref="ContiguousParameters"/>): the actor's tensors are views of it.</summary>
    public Parameter ActorParameters { get; }

    /// <summary>φ₁, φ₂ tensor by tensor (views of <see cref="CriticParameters"/>).</summary>
    internal Parameter[] CriticTensors { get; }

    /// <summary>φ₁, φ₂ as one vector.</summary>
    public Parameter CriticParameters { get; }

    /// <summary>φ′₁, φ′₂ as one vector.</summary>
    public Parameter CriticTargetParameters { get; }

    /// <summary>log α, the parameter the temperature loss steps (so α stays positive).</summary>
    public Parameter LogAlpha { get; }

    /// <summary>α = exp(log α) as a number, refreshed after each temperature step.</summary>
    public double Alpha { get; internal set; }

    /// <summary>Adam over θ.</summary>
    public Adam ActorOptimizer { get; }

    /// <summary>Adam over φ₁, φ₂.</summary>
    public Adam CriticOptimizer { get; }

    /// <summary>Adam over log α.</summary>
    public Adam AlphaOptimizer { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        Actor.Dispose();
        Critics.Dispose();
        CriticTargets.Dispose();
        LogAlpha.Dispose();
        ActorParameters.Dispose();
        CriticParameters.Dispose();
        CriticTargetParameters.Dispose();
        ActorOptimizer.Dispose();
        CriticOptimizer.Dispose();
        AlphaOptimizer.Dispose();
    }
}

/// <summary>
/// Soft Actor-Critic (Haarnoja et al. 2018b, Algorithm 1), read top to bottom like CleanRL's <c>sac_continuous_action.py</c>:
/// act with a ~ π_θ(·|s), store (s, a, r, s′, terminated), and after every step (i) regress both critics onto the soft target
/// y = r + γ(1 − terminated)(min_i Q′ᵢ(s′, ã′) − α log π(ã′|s′)), ã′ ~ π(·|s′); (ii) minimise the reparameterised actor loss
/// mean(α log π(ã|s) − min_i Qᵢ(s, ã)), ã = squash(μ + σ ⊙ ξ); (iii) step log α on J(α) = −α mean(log π + H̄); (iv) Polyak
/// the target critics.
/// </summary>
public static class Sac
{
    private const string Name = "SAC";

    /// <summary>Trains for <paramref name="seed"/>: same seed, same episodes (only their Seconds differ).</summary>
    /// <exception cref="ArgumentException">The config's fields disagree (<see cref="SacConfig.ThrowIfInconsistent"/>).</exception>
    /// <exception cref="NonFiniteLossException">A loss became NaN or ±∞ (training stops before stepping on it).</exception>
    public static SacResult Train(SacConfig config, int seed, TrainingProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.ThrowIfInconsistent();
        var clock = Stopwatch.StartNew();
        manual_seed(seed);
        using var generator = new Generator((ulong)seed);   // action sampling and the reparameterisation noise ξ
        var collector = new OffPolicyCollector(SacConfig.MakeEnvironment, config.BufferSize, config.BatchSize, seed, clock);
        var box = (Box)collector.Environment.ActionSpace;
        double targetEntropy = config.TargetEntropy ?? RlNotebooks.OffPolicy.SacTemperature.DefaultTargetEntropy(box.Dimension);
        using var agent = new SacAgent(collector.Environment.ObservationSize, box, config);
        var updates = new List<SacUpdateLog>();
        collector.Run(config.TotalSteps, config.LearningStarts, config.UpdateInterval, config.StopAtReturn, generator,
            act: (observation, action) => OffPolicyExploration.Gaussian(agent.Actor.Sample(observation, generator).Action, 0.0, box, generator, action),
            update: k =>
            {
                var log = Update(agent, collector.Sample(), config, targetEntropy, k, generator);
                if (k % 100 == 0)
                {
                    updates.Add(log with { Step = collector.Environment.TotalSteps });
                }
            },
            episodeEnded: () => { },
            progress, () => new ProgressMetric("α", agent.Alpha));
        return new SacResult(config, seed, collector.Episodes, updates, targetEntropy, collector.Environment.TotalSteps, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The soft target y = r + γ(1 − terminated)(min(Q′₁, Q′₂)(s′, ã′) − α log π(ã′|s′)), ã′ ~ π(·|s′); [B], no gradient.</summary>
    public static Tensor Targets(SacAgent agent, ReplayTensors batch, SacConfig config, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(config);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        SquashedSample next = agent.Actor.Sample(batch.NextObservations, generator);
        var (nextQ1, nextQ2) = agent.CriticTargets.forward(batch.NextObservations, next.Action);
        return SacLosses.SoftTargets(batch.Rewards, batch.Terminated, nextQ1, nextQ2, next.LogProb, agent.Alpha, config.Gamma)
            .MoveToOuterDisposeScope();
    }

    /// <summary>One update (iteration <paramref name="update"/>): critic step, actor step, temperature step, Polyak of the target critics.</summary>
    public static SacUpdateLog Update(SacAgent agent, ReplayTensors batch, SacConfig config, double targetEntropy, long update, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(config);
        using var scope = NewDisposeScope();
        int iteration = (int)Math.Min(update, int.MaxValue);
        Tensor y = Targets(agent, batch, config, generator);
        var (q1, q2) = agent.Critics.forward(batch.Observations, batch.Actions);
        Tensor criticLoss = CriticLosses.TwinMeanSquared(q1, q2, y);
        double criticValue = LossCheck.Finite(criticLoss, Name, iteration, "critic loss");
        agent.CriticOptimizer.ZeroGrad();
        criticLoss.backward();
        agent.CriticOptimizer.Step();

        SquashedSample sample = agent.Actor.Sample(batch.Observations, generator);   // ã = squash(μ + σ ⊙ ξ), differentiable in θ
        double actorValue;
        using (new FrozenParameters(agent.CriticTensors))   // the loss reaches φ too, but only θ is stepped on it
        {
            var (piQ1, piQ2) = agent.Critics.forward(batch.Observations, sample.Action);
            Tensor actorLoss = SacLosses.ActorLoss(sample.LogProb, piQ1, piQ2, agent.Alpha);
            actorValue = LossCheck.Finite(actorLoss, Name, iteration, "actor loss");
            agent.ActorOptimizer.ZeroGrad();
            actorLoss.backward();
        }

        agent.ActorOptimizer.Step();

        double entropy = -sample.LogProb.detach().mean().item<float>();
        if (config.Autotune)
        {
            Tensor alphaLoss = SacLosses.TemperatureLoss(agent.LogAlpha, sample.LogProb, targetEntropy);
            LossCheck.Finite(alphaLoss, Name, iteration, "temperature loss J(α)");
            agent.AlphaOptimizer.ZeroGrad();
            alphaLoss.backward();
            agent.AlphaOptimizer.Step();
            agent.Alpha = Math.Exp(agent.LogAlpha.item<float>());
        }

        TargetNetworks.PolyakUpdate(agent.CriticTargetParameters, agent.CriticParameters, config.Tau);
        return new SacUpdateLog(update, 0, criticValue, actorValue, agent.Alpha, entropy);
    }
}
