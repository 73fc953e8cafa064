using System.Diagnostics;
using RlNotebooks.Advantages;
using RlNotebooks.Buffers;
using RlNotebooks.Environments.ClassicControl;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>
/// PPO's data collection: T steps of π_θold in the vector environment, one batched network call per step, stored in a
/// <see cref="RolloutBuffer"/>; then GAE through the buffer and the whole batch as tensors. Reuses its arrays across iterations.
/// </summary>
public sealed class PpoRollout
{
    private readonly VectorEnvironment env;
    private readonly PpoAgent agent;
    private readonly PpoConfig config;
    private readonly Generator generator;
    private readonly float[] observations, actions, environmentActions;
    private readonly int[] discreteActions;
    private readonly double[] logProbs, values, rewards, advantages;

    /// <summary>Storage for <paramref name="config"/>'s T steps of <paramref name="env"/>'s N copies, sampling with <paramref name="generator"/>.</summary>
    public PpoRollout(VectorEnvironment env, PpoAgent agent, PpoConfig config, Generator generator)
    {
        (this.env, this.agent, this.config, this.generator) = (env, agent, config, generator);
        int n = env.Count;
        Buffer = new RolloutBuffer(config.StepsPerRollout, n, env.ObservationSize, env.ActionSize);
        observations = new float[n * env.ObservationSize];
        actions = new float[n * env.ActionSize];
        environmentActions = new float[n * env.ActionSize];
        discreteActions = new int[n];
        (logProbs, values, rewards) = (new double[n], new double[n], new double[n]);
        advantages = new double[config.BatchSize];
    }

    /// <summary>The last rollout: sₜ, aₜ, log π_old, V_old, rewards (scaled), flags; after <see cref="Finish"/> also Âₜ and V^targ.</summary>
    public RolloutBuffer Buffer { get; }

    /// <summary>T steps in every copy; appends each finished episode to <paramref name="episodes"/>.</summary>
    public void Collect(List<EpisodeRecord> episodes, Stopwatch clock)
    {
        Buffer.Clear();
        int n = env.Count;
        for (int t = 0; t < config.StepsPerRollout; t++)
        {
            env.Observations.CopyTo(observations, 0);
            using (var scope = NewDisposeScope())
            {
                Tensor states = tensor(observations, [n, env.ObservationSize]);
                var (sampled, logProb) = agent.Act(states, generator);
                using (no_grad())
                {
                    CopyOut(agent.Critic.forward(states), values);
                }

                CopyOut(logProb, logProbs);
                sampled.to_type(ScalarType.Float32).data<float>().CopyTo(actions);
            }

            if (agent.Discrete)
            {
                for (int i = 0; i < n; i++)
                {
                    discreteActions[i] = (int)actions[i];
                }

                env.Step(discreteActions);
            }
            else
            {
                // The Gaussian's sample is unbounded: the environment gets it clipped to the box, the loss the sample itself.
                var box = (Box)env.ActionSpace;
                for (int i = 0; i < n; i++)
                {
                    box.ClipInto(actions.AsSpan(i * box.Dimension, box.Dimension), environmentActions.AsSpan(i * box.Dimension, box.Dimension));
                }

                env.Step(environmentActions);
            }

            for (int i = 0; i < n; i++)
            {
                rewards[i] = env.Rewards[i] * config.RewardScale;
                if (env.Done(i))
                {
                    EpisodeStatistics episode = env.FinishedEpisodes[i];
                    episodes.Add(new EpisodeRecord(env.TotalSteps, episode.Return, episode.Length, clock.Elapsed.TotalSeconds));
                }
            }

            Buffer.Add(observations, actions, logProbs, values, rewards, env.Terminated, env.Truncated, env.NextObservations);
        }
    }

    /// <summary>GAE(γ, λ) through the buffer, then the whole batch as tensors (advantages normalised if configured).</summary>
    public PpoMinibatch Finish()
    {
        Buffer.Finish(CriticValues, config.Gamma, config.Lambda);
        if (config.NormalizeAdvantages)
        {
            AdvantageNormalization.NormalizeInto(Buffer.Advantages, 1e-8, advantages);
        }
        else
        {
            Buffer.Advantages.CopyTo(advantages, 0);
        }

        long size = config.BatchSize;
        Tensor actionTensor = tensor(Buffer.Actions, agent.Discrete ? [size] : [size, env.ActionSize]);
        return new PpoMinibatch(
            tensor(Buffer.Observations, [size, env.ObservationSize]),
            agent.Discrete ? actionTensor.to_type(ScalarType.Int64) : actionTensor,
            Float32(Buffer.LogProbs), Float32(advantages), Float32(Buffer.Values), Float32(Buffer.ValueTargets));
    }

    private void CriticValues(ReadOnlySpan<float> flatObservations, Span<double> destination)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor states = tensor(flatObservations.ToArray(), [destination.Length, env.ObservationSize]);
        CopyOut(agent.Critic.forward(states), destination);
    }

    private static Tensor Float32(double[] values) => tensor(values).to_type(ScalarType.Float32);

    private static void CopyOut(Tensor source, Span<double> destination) =>
        source.to_type(ScalarType.Float64).data<double>().CopyTo(destination);
}
