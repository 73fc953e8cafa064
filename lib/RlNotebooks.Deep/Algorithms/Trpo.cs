using System.Diagnostics;
using RlNotebooks.Advantages;
using RlNotebooks.Buffers;
using RlNotebooks.Charts;
using RlNotebooks.Deep.Distributions;
using RlNotebooks.Deep.Losses;
using RlNotebooks.Deep.Networks;
using RlNotebooks.Deep.Operations;
using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Evaluation;
using RlNotebooks.NaturalGradient;
using TorchSharp;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>
/// Trust Region Policy Optimization (Schulman et al. 2015), single file in the manner of CleanRL; each iteration
/// <code>
/// collect N·T steps with π_θold;  Âₜ = GAE(γ, λ) with truncations bootstrapped from the final observation
/// g = ∇θ L(θold),  L(θ) = Ê[ rₜ(θ) Âₜ ],  rₜ(θ) = π_θ(aₜ|sₜ) / π_θold(aₜ|sₜ)   (for a Box: of the executed, clipped action)
/// x ≈ (F + λ_F I)⁻¹ g by conjugate gradient on Fisher-vector products F v = ∇θ((∇θ D̄_KL)ᵀ v)
/// θ = θold + βᵏ √(2δ / xᵀFx) x, the first k with D̄_KL(π_θold ‖ π_θ) ≤ δ and L(θ) &gt; L(θold)   (else θ = θold)
/// V_φ ← several Adam epochs of ½ (V_φ(sₜ) − V^targ_t)² over minibatches (fitted separately, as sb3-contrib does)
/// </code>
/// The step itself is RlNotebooks.NaturalGradient.TrpoStep (CG, α, line search); this file supplies g, F v and (L, D̄_KL).
/// </summary>
public static class Trpo
{
    private const string Name = "TRPO";
    private const int RollingWindow = 20;

    /// <summary>Trains a TRPO agent on <paramref name="config"/>'s task; deterministic for a seed (except the seconds).</summary>
    /// <param name="config">Hyperparameters, e.g. <see cref="TrpoConfig.CartPole"/>.</param>
    /// <param name="seed">Seeds torch (networks, sampling, minibatches) and the environments (copy i gets seed + i).</param>
    /// <param name="progress">Optional one-line display, updated once per iteration.</param>
    /// <exception cref="NonFiniteLossException">The surrogate or the critic loss became NaN or ±∞.</exception>
    public static TrpoResult Train(TrpoConfig config, int seed, TrainingProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        var clock = Stopwatch.StartNew();

        // Seeded setup: one torch seed for the initial weights, one generator for actions and minibatch order.
        manual_seed(seed);
        var generator = new Generator((ulong)seed);
        var env = VectorEnvironment.Create(() => TrpoConfig.MakeEnvironment(config.Environment), config.EnvironmentCount);
        int n = env.Count, d = env.ObservationSize, actionSize = env.ActionSize, batch = config.BatchSize;
        int[] hidden = [config.HiddenSize, config.HiddenSize];
        using nn.Module<Tensor, Tensor> policy = env.ActionSpace is Discrete discrete
            ? new CategoricalPolicy(d, discrete.N, hidden)
            : config.Policy == TrpoPolicy.Gsde ? new GsdePolicy(d, actionSize, hidden, config.InitialLogStd)
            : new DiagonalGaussianPolicy(d, actionSize, hidden, initialLogStd: config.InitialLogStd);
        using var critic = new ValueCritic(d, hidden);
        // φ as one vector, so each Adam step is a few whole-vector operations instead of a few per tensor (same numbers).
        using var criticParameters = ContiguousParameters.Flatten(critic.parameters());
        using var optimizer = new Adam([criticParameters], config.ValueLearningRate);
        var buffer = new RolloutBuffer(config.StepsPerEnvironment, n, d, actionSize);

        var episodes = new List<EpisodeRecord>();
        var log = new List<TrpoIteration>();
        float[] observations = new float[n * d], actions = new float[n * actionSize], clipped = new float[n * actionSize];
        int[] discreteActions = new int[n];
        double[] placeholder = new double[n], rewards = new double[n];
        bool solved = false;
        env.Reset(seed);

        for (int iteration = 0; env.TotalSteps < config.TotalSteps && !solved; iteration++)
        {
            using var scope = NewDisposeScope();
            long stepsBefore = env.TotalSteps;
            Tensor? weights = null;   // gSDE's exploration weights, drawn at t = 0 and freed with this iteration's scope

            // Rollout: one batched forward pass of π_θold per vector step. V(sₜ) and log π_θold(aₜ|sₜ) are computed after the
            // rollout in one pass each (neither network changes during it), so Add gets placeholders for them.
            buffer.Clear();
            for (int t = 0; t < config.StepsPerEnvironment && !solved; t++)
            {
                using var stepScope = NewDisposeScope();
                env.Observations.CopyTo(observations, 0);
                Tensor state = tensor(observations, [n, d]);
                if (policy is CategoricalPolicy categorical)
                {
                    long[] sampled = categorical.Sample(state, generator).data<long>().ToArray();
                    for (int i = 0; i < n; i++)
                    {
                        discreteActions[i] = (int)sampled[i];
                        actions[i] = sampled[i];
                    }

                    env.Step(discreteActions);
                }
                else
                {
                    if (policy is GsdePolicy gsde && t % config.SdeSampleFrequency == 0)
                    {
                        weights = gsde.SampleWeights(n, generator).MoveToOuterDisposeScope();   // gSDE's W per copy, held for a few steps
                    }

                    Tensor sample = policy is GsdePolicy withWeights
                        ? withWeights.Act(state, weights!) : ((DiagonalGaussianPolicy)policy).Sample(state, generator);
                    sample.data<float>().CopyTo(actions, 0);
                    ((Box)env.ActionSpace).ClipInto(actions, clipped);   // the env gets a ∈ box; the buffer keeps the sampled a for log π
                    env.Step(clipped);
                }

                for (int i = 0; i < n; i++)
                {
                    rewards[i] = env.Rewards[i] * config.RewardScale;
                }

                buffer.Add(observations, actions, placeholder, placeholder, rewards, env.Terminated, env.Truncated, env.NextObservations);
                solved = RecordEpisodes(env, episodes, clock, config.StopAtReturn);
            }

            if (solved)
            {
                break;
            }

            // Advantages from the library: GAE per environment, termination ≠ truncation.
            Tensor states = tensor(buffer.Observations, [batch, d]);
            Tensor sampledActions = policy is CategoricalPolicy
                ? tensor(buffer.Actions).to(int64)
                : tensor(buffer.Actions, [batch, actionSize]);
            using (no_grad())
            {
                critic.forward(states).to(float64).data<double>().CopyTo(buffer.Values, 0);
            }

            buffer.Finish(ValueFunction(critic, d), config.Gamma, config.Lambda);
            double explainedBefore = LearningCurves.ExplainedVariance(buffer.Values, buffer.ValueTargets);
            double[] advantages = config.NormalizeAdvantages ? AdvantageNormalization.Normalize(buffer.Advantages) : buffer.Advantages;

            // δ, or with annealing δ (1 − steps before this rollout / budget), like the learning rate CleanRL's PPO anneals to 0.
            TrpoConfig stepConfig = config.AnnealMaxKl ? config with { MaxKl = config.MaxKl * (1.0 - (double)stepsBefore / config.TotalSteps) } : config;
            TrpoStepResult step = PolicyStep(policy, states, sampledActions, tensor(advantages).to(float32), stepConfig, iteration,
                env.ActionSpace as Box);
            double valueLoss = FitCritic(critic, optimizer, states, tensor(buffer.ValueTargets).to(float32), config, generator, iteration);

            log.Add(new TrpoIteration(iteration, env.TotalSteps, step.ConjugateGradient.Iterations,
                step.ConjugateGradient.ResidualNorms[^1] / step.ConjugateGradient.ResidualNorms[0], step.StepScale,
                step.LineSearch.Accepted, step.LineSearch.Backtracks, step.LineSearch.Improvement, step.LineSearch.Kl, valueLoss,
                explainedBefore));
            progress?.Report((int)Math.Min(env.TotalSteps, int.MaxValue),
                new ProgressMetric("return", episodes.Count == 0 ? double.NaN : RollingMean(episodes)),
                new ProgressMetric("KL", step.LineSearch.Kl), new ProgressMetric("EV", explainedBefore),
                new ProgressMetric("SPS", env.TotalSteps / clock.Elapsed.TotalSeconds));
        }

        progress?.Flush();
        return new TrpoResult(episodes, log, env.TotalSteps, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// One TRPO policy update on a fixed batch: g = ∇θ L(θold) by autograd, then <see cref="TrpoStep.Update"/> with the
    /// Fisher-vector product of the exact mean KL and an evaluator that loads each candidate θ into the network. The policy
    /// holds the returned parameters afterwards (θold when every candidate was rejected).
    /// </summary>
    /// <param name="policy">A <see cref="CategoricalPolicy"/>, <see cref="DiagonalGaussianPolicy"/> or <see cref="GsdePolicy"/>, at θold.</param>
    /// <param name="states">sₜ, [B, obs].</param>
    /// <param name="actions">aₜ: int64 [B] (categorical) or [B, d] (Gaussian; gSDE's μ + zᵀW has a per-state Gaussian).</param>
    /// <param name="advantages">Âₜ, [B] (already normalised if wanted).</param>
    /// <param name="config">δ, damping, CG iterations and line-search settings.</param>
    /// <param name="iteration">For the NaN error's message.</param>
    /// <param name="actionBox">For a Gaussian policy whose samples the environment clips: the box. L(θ) then uses the likelihood of
    /// the executed (clipped) action, <see cref="ClippedGaussianDistribution"/>; null: the Gaussian's density of the sample.</param>
    public static TrpoStepResult PolicyStep(nn.Module<Tensor, Tensor> policy, Tensor states, Tensor actions, Tensor advantages,
        TrpoConfig config, int iteration, Box? actionBox = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(config);
        using var scope = NewDisposeScope();
        var parameters = policy.parameters().Select(p => (Tensor)p).ToList();

        // One forward pass at θold serves g (through its graph) and π_θold (detached: logits, or μ and log σ, and log π_θold(aₜ|sₜ)).
        Tensor output = policy.forward(states);
        Tensor? low = actionBox is null ? null : tensor(actionBox.Low.ToArray()), high = actionBox is null ? null : tensor(actionBox.High.ToArray());
        Tensor oldOutput = output.detach();
        Tensor? oldLogStd = (policy as DiagonalGaussianPolicy)?.LogStd.detach().clone();   // cloned: the line search overwrites θ
        // A Gaussian policy's (μ, log σ): log σ is a parameter (θold's copy for an old output) or, with gSDE, part of the output.
        (Tensor Mean, Tensor LogStd) Gaussian(Tensor policyOutput, bool old) => policy switch
        {
            DiagonalGaussianPolicy gaussian => (policyOutput, old ? oldLogStd! : gaussian.LogStd),
            GsdePolicy gsde => gsde.Split(policyOutput),
            _ => throw new ArgumentException(
                $"TRPO needs a CategoricalPolicy, DiagonalGaussianPolicy or GsdePolicy, not {policy.GetType().Name}.", nameof(policy)),
        };
        Tensor GaussianLogProb((Tensor Mean, Tensor LogStd) π) => low is not null && high is not null
            ? ClippedGaussianDistribution.LogProb(actions, π.Mean, π.LogStd, low, high)
            : GaussianDistribution.LogProb(actions, π.Mean, π.LogStd);
        Tensor GaussianKl((Tensor Mean, Tensor LogStd) old, (Tensor Mean, Tensor LogStd) current) =>
            GaussianDistribution.KlDivergence(old.Mean, old.LogStd, current.Mean, current.LogStd);
        Tensor LogProb(Tensor policyOutput) => policy is CategoricalPolicy
            ? CategoricalDistribution.LogProb(policyOutput, actions)
            : GaussianLogProb(Gaussian(policyOutput, old: false));
        Tensor MeanKl(Tensor old, Tensor current) => (policy is CategoricalPolicy
            ? CategoricalDistribution.KlDivergence(old, current)
            : GaussianKl(Gaussian(old, old: true), Gaussian(current, old: false))).mean();

        Tensor logProbs = LogProb(output);
        Tensor oldLogProbs = logProbs.detach();
        Tensor Surrogate(Tensor logProb) => ((logProb - oldLogProbs).exp() * advantages).mean();

        Tensor surrogate = Surrogate(logProbs);
        LossCheck.Finite(surrogate, Name, iteration, "L(θ) = Ê[rₜ(θ) Âₜ]");
        double[] gradient = Doubles(FlatParameters.Flatten(autograd.grad([surrogate], parameters)));
        double[] theta = Doubles(FlatParameters.Get(policy));
        ScalarType dtype = parameters[0].dtype;

        // Each candidate θ costs one forward pass, which gives both L(θ) and D̄_KL(π_θold ‖ π_θ).
        SurrogateAndKl Evaluate(ReadOnlySpan<double> candidate)
        {
            using var evaluationScope = NewDisposeScope();
            using var noGrad = no_grad();
            FlatParameters.Set(policy, tensor(candidate.ToArray()).to(dtype));
            Tensor candidateOutput = policy.forward(states);
            return new SurrogateAndKl(Number(Surrogate(LogProb(candidateOutput))), Number(MeanKl(oldOutput, candidateOutput)));
        }

        // F v at θold on every k-th sample, with ∇θ D̄_KL built once: each CG iteration then costs one backward pass.
        Tensor fisherStates = states.slice(0, 0, states.shape[0], config.FisherSubsampling);
        Tensor fisherOld = oldOutput.slice(0, 0, states.shape[0], config.FisherSubsampling);
        MatVec fisher = FisherVectorProduct.OperatorAtCurrentParameters(policy, () => MeanKl(fisherOld, policy.forward(fisherStates)));
        TrpoStepResult step = TrpoStep.Update(theta, gradient, fisher, Evaluate, config.MaxKl,
            config.Damping, config.CgIterations, config.BacktrackRatio, config.MaxBacktracks);
        FlatParameters.Set(policy, tensor(step.Parameters).to(dtype));
        return step;
    }

    /// <summary>
    /// Fits V_φ to the λ-return targets: <see cref="TrpoConfig.ValueEpochs"/> passes of Adam over shuffled minibatches of
    /// L^VF = ½ mean (V_φ(sₜ) − V^targ_t)²; returns the last minibatch's loss.
    /// </summary>
    public static double FitCritic(ValueCritic critic, Adam optimizer, Tensor states, Tensor targets, TrpoConfig config,
        Generator generator, int iteration)
    {
        ArgumentNullException.ThrowIfNull(critic);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(config);
        long count = states.shape[0];
        double loss = double.NaN;
        for (int epoch = 0; epoch < config.ValueEpochs; epoch++)
        {
            using var scope = NewDisposeScope();
            Tensor order = randperm(count, generator: generator);
            for (long start = 0; start < count; start += config.ValueMinibatchSize)
            {
                Tensor index = order.narrow(0, start, Math.Min(config.ValueMinibatchSize, count - start));
                Tensor minibatchLoss = ValueLosses.Unclipped(critic.forward(states.index_select(0, index)), targets.index_select(0, index));
                loss = LossCheck.Finite(minibatchLoss, Name, iteration, "L^VF = ½ (V − V^targ)²");
                optimizer.ZeroGrad();
                minibatchLoss.backward();
                optimizer.Step();
            }
        }

        return loss;
    }

    /// <summary>Appends the episodes that ended in the last vector step; true when the rolling-20 mean reached the stop threshold.</summary>
    private static bool RecordEpisodes(VectorEnvironment env, List<EpisodeRecord> episodes, Stopwatch clock, double? stopAt)
    {
        bool solved = false;
        for (int i = 0; i < env.Count; i++)
        {
            if (env.Done(i))
            {
                EpisodeStatistics episode = env.FinishedEpisodes[i];
                episodes.Add(new EpisodeRecord(env.TotalSteps, episode.Return, episode.Length, clock.Elapsed.TotalSeconds));
                solved |= stopAt is double threshold && episodes.Count >= RollingWindow && RollingMean(episodes) >= threshold;
            }
        }

        return solved;
    }

    private static double RollingMean(List<EpisodeRecord> episodes)
    {
        int from = Math.Max(0, episodes.Count - RollingWindow);
        double sum = 0.0;
        for (int k = from; k < episodes.Count; k++)
        {
            sum += episodes[k].Return;
        }

        return sum / (episodes.Count - from);
    }

    private static BatchValueFunction ValueFunction(ValueCritic critic, int d) => (observations, values) =>
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        critic.forward(tensor(observations.ToArray(), [observations.Length / d, d])).to(float64).data<double>().CopyTo(values);
    };

    private static double Number(Tensor t) => t.to(float64).item<double>();

    private static double[] Doubles(Tensor t) => t.detach().to(float64).contiguous().data<double>().ToArray();
}
