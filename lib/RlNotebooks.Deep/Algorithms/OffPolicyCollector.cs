using System.Diagnostics;
using RlNotebooks.Buffers;
using RlNotebooks.Charts;
using RlNotebooks.Environments.ClassicControl;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>A replay minibatch as tensors (data, no gradient): sₜ [B, obs], aₜ [B, d], rₜ₊₁ [B], sₜ₊₁ [B, obs], terminated Bool [B].</summary>
/// <param name="Observations">sₜ, float32.</param>
/// <param name="Actions">aₜ as stored (after clipping to the box), float32.</param>
/// <param name="Rewards">rₜ₊₁, float32.</param>
/// <param name="NextObservations">sₜ₊₁ (the final observation where the episode ended).</param>
/// <param name="Terminated">sₜ₊₁ terminal; a time-limit cut is stored as false, so its target bootstraps.</param>
public sealed record ReplayTensors(Tensor Observations, Tensor Actions, Tensor Rewards, Tensor NextObservations, Tensor Terminated);

/// <summary>
/// The imperative shell DDPG, TD3 and SAC share (CleanRL's single-environment loop): one copy of the task, the replay
/// buffer it fills, the episode log, and the current episode's trace (for Q-estimate vs Monte Carlo return).
/// </summary>
internal sealed class OffPolicyCollector
{
    private readonly VectorEnvironment env;
    private readonly float[] observations;
    private readonly ReplayBatch batch;
    private readonly Stopwatch clock;
    private readonly List<float> traceObservations = [], traceActions = [];
    private readonly List<double> traceRewards = [];

    public OffPolicyCollector(Func<ControlEnvironment> make, int bufferSize, int batchSize, int seed, Stopwatch clock)
    {
        env = VectorEnvironment.Create(make, 1);
        env.Reset(seed);
        observations = new float[env.ObservationSize];
        Buffer = new ReplayBuffer(bufferSize, env.ObservationSize, env.ActionSize, seed);
        batch = new ReplayBatch(batchSize, env.ObservationSize, env.ActionSize);
        this.clock = clock;
    }

    public VectorEnvironment Environment => env;

    public ReplayBuffer Buffer { get; }

    public List<EpisodeRecord> Episodes { get; } = [];

    /// <summary>True right after a step that ended an episode; the trace then holds that whole episode.</summary>
    public bool EpisodeEnded { get; private set; }

    /// <summary>The current (or just finished) episode's sₜ [T·obs], aₜ [T·d] and rₜ₊₁ [T].</summary>
    public (List<float> Observations, List<float> Actions, List<double> Rewards) Trace => (traceObservations, traceActions, traceRewards);

    /// <summary>sₜ as a [1, obs] tensor for the policy.</summary>
    private Tensor ObservationTensor() => tensor(env.Observations, [1, env.ObservationSize]);

    /// <summary>Steps the task with <paramref name="action"/> (inside the box), stores the transition and logs a finished episode.</summary>
    private void Step(float[] action)
    {
        if (EpisodeEnded)
        {
            traceObservations.Clear();
            traceActions.Clear();
            traceRewards.Clear();
        }

        env.Observations.CopyTo(observations, 0);
        env.Step(action);
        Buffer.Add(observations, action, env);
        traceObservations.AddRange(observations);
        traceActions.AddRange(action);
        traceRewards.Add(env.Rewards[0]);
        EpisodeEnded = env.Done(0);
        if (EpisodeEnded)
        {
            var episode = env.FinishedEpisodes[0];
            Episodes.Add(new EpisodeRecord(env.TotalSteps, episode.Return, episode.Length, clock.Elapsed.TotalSeconds));
        }
    }

    /// <summary>
    /// CleanRL's loop: for each step, uniformly random actions before <paramref name="learningStarts"/> and
    /// <paramref name="act"/>(sₜ) after; store the transition; at an episode's end call <paramref name="episodeEnded"/>, report
    /// progress and stop once the rolling-20 return reaches <paramref name="stopAtReturn"/>; from the step at which learning
    /// starts, one <paramref name="update"/>(k) every <paramref name="updateInterval"/> environment steps (1: CleanRL's replay
    /// ratio of one update per step), k = 0, 1, ….
    /// </summary>
    public void Run(long totalSteps, long learningStarts, int updateInterval, double? stopAtReturn, Generator generator, Action<Tensor, float[]> act,
        Action<long> update, Action episodeEnded, TrainingProgress? progress, Func<ProgressMetric> metric)
    {
        var box = (Environments.ClassicControl.Box)env.ActionSpace;
        var action = new float[box.Dimension];
        for (long step = 0, k = 0; step < totalSteps; step++)
        {
            using var scope = NewDisposeScope();
            if (step < learningStarts)
            {
                OffPolicyExploration.Uniform(box, generator, action);
            }
            else
            {
                using var noGrad = no_grad();
                act(ObservationTensor(), action);
            }

            Step(action);
            if (EpisodeEnded)
            {
                episodeEnded();
                progress?.Report((int)Math.Min(env.TotalSteps, int.MaxValue), new ProgressMetric("return", RollingReturn()),
                    new ProgressMetric("SPS", env.TotalSteps / clock.Elapsed.TotalSeconds), metric());
                if (stopAtReturn is double stop && RollingReturn() >= stop)
                {
                    break;
                }
            }

            if (step + 1 >= learningStarts && (step + 1 - learningStarts) % updateInterval == 0)
            {
                update(k++);
            }
        }

        progress?.Flush();
    }

    /// <summary>Mean return of the last <paramref name="window"/> episodes, NaN before there are that many (NaN ≥ x is false).</summary>
    public double RollingReturn(int window = 20)
    {
        if (Episodes.Count < window)
        {
            return double.NaN;
        }

        double sum = 0;
        for (int k = Episodes.Count - window; k < Episodes.Count; k++)
        {
            sum += Episodes[k].Return;
        }

        return sum / window;
    }

    /// <summary>B transitions drawn uniformly from the buffer, as tensors in the caller's dispose scope.</summary>
    public ReplayTensors Sample()
    {
        Buffer.SampleInto(batch);
        long b = batch.Size;
        return new ReplayTensors(
            tensor(batch.Observations, [b, batch.ObservationSize]),
            tensor(batch.Actions, [b, batch.ActionSize]),
            tensor(batch.Rewards, [b]).to_type(ScalarType.Float32),
            tensor(batch.NextObservations, [b, batch.ObservationSize]),
            tensor(batch.Terminated, [b]));
    }
}
