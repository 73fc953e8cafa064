using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Validation;

namespace RlNotebooks.Buffers;

/// <summary>
/// Experience replay (Lin 1992; Mnih et al. 2015): a ring of fixed capacity holding transitions (s, a, r, s′, terminated),
/// overwriting the oldest when full, and uniform sampling with replacement from a seeded generator.
/// <para>
/// Only termination is stored: a transition cut by the time limit keeps terminated = false, so its target
/// r + γ(1 − terminated)·Q(s′, ·) bootstraps from s′, the episode's final observation. All storage is allocated in the
/// constructor; adding and <see cref="SampleInto"/> allocate nothing.
/// </para>
/// </summary>
public sealed class ReplayBuffer
{
    private readonly float[] _observations;
    private readonly float[] _actions;
    private readonly double[] _rewards;
    private readonly float[] _nextObservations;
    private readonly bool[] _terminated;
    private readonly Random _random;
    private int _next;

    /// <summary>An empty ring.</summary>
    /// <param name="capacity">Most transitions kept (≥ 1).</param>
    /// <param name="observationSize">d ≥ 1.</param>
    /// <param name="actionSize">Floats per action (1 for a discrete index stored as a float).</param>
    /// <param name="seed">Seed of the sampling generator (same seed and same additions → same batches).</param>
    public ReplayBuffer(int capacity, int observationSize, int actionSize, int seed)
    {
        Guard.AtLeast(capacity, 1);
        Guard.AtLeast(observationSize, 1);
        Guard.AtLeast(actionSize, 1);
        Capacity = capacity;
        ObservationSize = observationSize;
        ActionSize = actionSize;
        _observations = new float[capacity * observationSize];
        _actions = new float[capacity * actionSize];
        _rewards = new double[capacity];
        _nextObservations = new float[capacity * observationSize];
        _terminated = new bool[capacity];
        _random = new Random(seed);
    }

    /// <summary>Most transitions kept.</summary>
    public int Capacity { get; }

    /// <summary>d.</summary>
    public int ObservationSize { get; }

    /// <summary>Floats per action.</summary>
    public int ActionSize { get; }

    /// <summary>Transitions stored, ≤ <see cref="Capacity"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Stores k = rewards.Length transitions, row j of each input being transition j.</summary>
    /// <param name="observations">[k, d] s.</param>
    /// <param name="actions">[k, action size] a.</param>
    /// <param name="rewards">[k] r, finite.</param>
    /// <param name="nextObservations">[k, d] s′.</param>
    /// <param name="terminated">[k] s′ terminal.</param>
    /// <exception cref="ArgumentException">Lengths do not match k, d or the action size; k = 0; a reward is not finite.</exception>
    public void Add(ReadOnlySpan<float> observations, ReadOnlySpan<float> actions, ReadOnlySpan<double> rewards,
        ReadOnlySpan<float> nextObservations, ReadOnlySpan<bool> terminated)
    {
        int k = rewards.Length;
        Guard.NotEmpty(k, nameof(rewards));
        Guard.SameLength(k * ObservationSize, observations.Length, nameof(observations), "rewards.Length × observation size");
        Guard.SameLength(k * ActionSize, actions.Length, nameof(actions), "rewards.Length × action size");
        Guard.SameLength(k * ObservationSize, nextObservations.Length, nameof(nextObservations), "rewards.Length × observation size");
        Guard.SameLength(k, terminated.Length, nameof(terminated), nameof(rewards));
        Guard.AllFinite(rewards);
        int d = ObservationSize;
        int a = ActionSize;
        for (int j = 0; j < k; j++)
        {
            observations.Slice(j * d, d).CopyTo(_observations.AsSpan(_next * d, d));
            actions.Slice(j * a, a).CopyTo(_actions.AsSpan(_next * a, a));
            nextObservations.Slice(j * d, d).CopyTo(_nextObservations.AsSpan(_next * d, d));
            _rewards[_next] = rewards[j];
            _terminated[_next] = terminated[j];
            _next = (_next + 1) % Capacity;
            Count = Math.Min(Count + 1, Capacity);
        }
    }

    /// <summary>
    /// Stores the N transitions <paramref name="environment"/>'s last step produced: s from <paramref name="observations"/>
    /// (copied before <c>Step</c>), the actions, and the step's rewards, next (final) observations and termination flags.
    /// </summary>
    public void Add(ReadOnlySpan<float> observations, ReadOnlySpan<float> actions, VectorEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        Add(observations, actions, environment.Rewards, environment.NextObservations, environment.Terminated);
    }

    /// <summary>Fills <paramref name="batch"/> with <c>batch.Size</c> transitions drawn uniformly with replacement.</summary>
    /// <exception cref="ArgumentException">The batch's shapes differ from the buffer's, or it asks for more transitions than are stored.</exception>
    public void SampleInto(ReplayBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Guard.SameLength(ObservationSize, batch.ObservationSize, "batch.ObservationSize", "the buffer's observation size");
        Guard.SameLength(ActionSize, batch.ActionSize, "batch.ActionSize", "the buffer's action size");
        if (batch.Size > Count)
        {
            throw new ArgumentException($"batch.Size = {batch.Size} exceeds the {Count} transitions stored; add more before sampling.", nameof(batch));
        }

        int d = ObservationSize;
        int a = ActionSize;
        for (int b = 0; b < batch.Size; b++)
        {
            int j = _random.Next(Count);
            batch.Indices[b] = j;
            _observations.AsSpan(j * d, d).CopyTo(batch.Observations.AsSpan(b * d, d));
            _actions.AsSpan(j * a, a).CopyTo(batch.Actions.AsSpan(b * a, a));
            _nextObservations.AsSpan(j * d, d).CopyTo(batch.NextObservations.AsSpan(b * d, d));
            batch.Rewards[b] = _rewards[j];
            batch.Terminated[b] = _terminated[j];
        }
    }

    /// <summary>A new batch of <paramref name="batchSize"/> transitions drawn uniformly with replacement.</summary>
    public ReplayBatch Sample(int batchSize)
    {
        Guard.AtLeast(batchSize, 1);
        if (batchSize > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize,
                $"batchSize = {batchSize} exceeds the {Count} transitions stored; add more before sampling.");
        }

        var batch = new ReplayBatch(batchSize, ObservationSize, ActionSize);
        SampleInto(batch);
        return batch;
    }
}
