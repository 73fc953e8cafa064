using RlNotebooks.Validation;

namespace RlNotebooks.Environments.ClassicControl;

/// <summary>
/// N copies of one classic-control task stepped together, with Gymnasium's same-step autoreset, storing everything flat
/// and row-major so a batched network can read it directly (e.g. a tensor of shape [N, d] from <see cref="Observations"/>).
/// <para>
/// After <see cref="Step(ReadOnlySpan{int})"/> (or the continuous overload), for every copy i:
/// <see cref="Rewards"/>[i] = rₜ₊₁, <see cref="Terminated"/>[i] and <see cref="Truncated"/>[i] as the copy reported them,
/// row i of <see cref="NextObservations"/> = the observation sₜ₊₁ the step reached — for a copy whose episode just ended,
/// the final observation of that episode, from which a truncated episode bootstraps V(sₜ₊₁) — and row i of
/// <see cref="Observations"/> = what the agent acts on next: sₜ₊₁ again, or the first observation of the next episode
/// where the copy was reset in the same step. <see cref="FinishedEpisodes"/>[i] holds the return and length of the episode
/// copy i finished in this step (valid where terminated or truncated); <see cref="RecentEpisodes"/> keeps the last ones.
/// </para>
/// <para>The arrays belong to the vector environment and are overwritten by the next step: copy what you keep.</para>
/// </summary>
public sealed class VectorEnvironment
{
    private readonly ControlEnvironment[] _environments;
    private readonly DiscreteControlEnvironment[]? _discrete;
    private readonly ContinuousControlEnvironment[]? _continuous;
    private readonly double[] _runningReturns;
    private readonly int[] _runningLengths;
    private bool _started;

    /// <summary>Steps the given copies together (distinct instances of one task).</summary>
    /// <param name="environments">The N ≥ 1 copies; all must have the same id, spaces and time limit.</param>
    /// <param name="recentEpisodeCapacity">How many finished episodes <see cref="RecentEpisodes"/> keeps (default 100).</param>
    public VectorEnvironment(IReadOnlyList<ControlEnvironment> environments, int recentEpisodeCapacity = 100)
    {
        ArgumentNullException.ThrowIfNull(environments);
        Guard.NotEmpty(environments.Count, nameof(environments));
        _environments = [.. environments];
        ControlEnvironment first = _environments[0] ?? throw new ArgumentException("environments[0] is null.", nameof(environments));
        for (int i = 1; i < _environments.Length; i++)
        {
            ControlEnvironment env = _environments[i] ?? throw new ArgumentException($"environments[{i}] is null.", nameof(environments));
            if (env.Id != first.Id || env.ObservationSpace != first.ObservationSpace || env.ActionSpace != first.ActionSpace
                || env.MaxEpisodeSteps != first.MaxEpisodeSteps)
            {
                throw new ArgumentException(
                    $"environments[{i}] is {env.Id} (limit {env.MaxEpisodeSteps}) but environments[0] is {first.Id} (limit {first.MaxEpisodeSteps}); all copies must be the same task.",
                    nameof(environments));
            }

            if (Array.IndexOf(_environments, env) < i)
            {
                throw new ArgumentException($"environments[{i}] is the same instance as an earlier copy; each copy needs its own.", nameof(environments));
            }
        }

        _discrete = first is DiscreteControlEnvironment ? [.. _environments.Cast<DiscreteControlEnvironment>()] : null;
        _continuous = first is ContinuousControlEnvironment ? [.. _environments.Cast<ContinuousControlEnvironment>()] : null;
        int n = _environments.Length;
        ObservationSize = first.ObservationSize;
        Observations = new float[n * ObservationSize];
        NextObservations = new float[n * ObservationSize];
        Rewards = new double[n];
        Terminated = new bool[n];
        Truncated = new bool[n];
        FinishedEpisodes = new EpisodeStatistics[n];
        RecentEpisodes = new EpisodeWindow(recentEpisodeCapacity);
        _runningReturns = new double[n];
        _runningLengths = new int[n];
    }

    /// <summary>N fresh copies made by <paramref name="make"/>, e.g. <c>VectorEnvironment.Create(() => new CartPoleEnvironment(), 8)</c>.</summary>
    public static VectorEnvironment Create(Func<ControlEnvironment> make, int count, int recentEpisodeCapacity = 100)
    {
        ArgumentNullException.ThrowIfNull(make);
        Guard.AtLeast(count, 1);
        return new VectorEnvironment(Enumerable.Range(0, count).Select(_ => make()).ToArray(), recentEpisodeCapacity);
    }

    /// <summary>N, the number of copies.</summary>
    public int Count => _environments.Length;

    /// <summary>Gymnasium's id of the task.</summary>
    public string Id => _environments[0].Id;

    /// <summary>One copy's observation box.</summary>
    public Box ObservationSpace => _environments[0].ObservationSpace;

    /// <summary>One copy's action space.</summary>
    public Space ActionSpace => _environments[0].ActionSpace;

    /// <summary>d, floats per observation.</summary>
    public int ObservationSize { get; }

    /// <summary>Floats per action in flat storage (1 for a discrete index).</summary>
    public int ActionSize => ActionSpace.Size;

    /// <summary>The copies (read them, e.g. their states; step only through this object).</summary>
    public IReadOnlyList<ControlEnvironment> Environments => _environments;

    /// <summary>[N × d]: what the agent acts on next (after an autoreset, the next episode's first observation).</summary>
    public float[] Observations { get; }

    /// <summary>[N × d]: sₜ₊₁ as each step reached it; the final observation where an episode ended this step.</summary>
    public float[] NextObservations { get; }

    /// <summary>[N]: rₜ₊₁ of the last step.</summary>
    public double[] Rewards { get; }

    /// <summary>[N]: the last step reached a terminal state (bootstrap 0).</summary>
    public bool[] Terminated { get; }

    /// <summary>[N]: the time limit cut the episode at the last step (bootstrap from V of the NextObservations row).</summary>
    public bool[] Truncated { get; }

    /// <summary>[N]: the episode copy i finished in the last step; valid where Terminated[i] or Truncated[i].</summary>
    public EpisodeStatistics[] FinishedEpisodes { get; }

    /// <summary>The most recently finished episodes of all copies.</summary>
    public EpisodeWindow RecentEpisodes { get; }

    /// <summary>Episodes finished since construction.</summary>
    public long EpisodeCount { get; private set; }

    /// <summary>Total environment steps taken (N per <c>Step</c>).</summary>
    public long TotalSteps { get; private set; }

    /// <summary>True when copy i's episode ended at the last step.</summary>
    public bool Done(int i) => Terminated[i] || Truncated[i];

    /// <summary>
    /// Resets every copy and fills <see cref="Observations"/>. A seed s seeds copy i with s + i (Gymnasium's convention);
    /// null continues each copy's generator. Episode statistics of unfinished episodes are discarded.
    /// </summary>
    public void Reset(int? seed = null)
    {
        for (int i = 0; i < Count; i++)
        {
            _environments[i].Reset(Row(Observations, i), seed is int s ? unchecked(s + i) : null);
            _runningReturns[i] = 0.0;
            _runningLengths[i] = 0;
        }

        Array.Clear(Rewards);
        Array.Clear(Terminated);
        Array.Clear(Truncated);
        Observations.CopyTo(NextObservations, 0);
        _started = true;
    }

    /// <summary>Steps copy i with discrete action <paramref name="actions"/>[i], autoresetting copies whose episode ends.</summary>
    /// <exception cref="ArgumentException">The task's actions are continuous, the length is not N, or an action is outside
    /// Discrete(n) (the message names its index; no copy is stepped then).</exception>
    public void Step(ReadOnlySpan<int> actions)
    {
        if (_discrete is null)
        {
            throw new ArgumentException($"{Id} has continuous actions {ActionSpace}; pass float actions.", nameof(actions));
        }

        Guard.SameLength(Count, actions.Length, nameof(actions), "the environment count");
        var space = (Discrete)ActionSpace;
        for (int i = 0; i < actions.Length; i++)
        {
            space.ThrowIfOutside(actions[i], nameof(actions), i);
        }

        ThrowIfNotStarted(nameof(actions));
        for (int i = 0; i < Count; i++)
        {
            Record(i, _discrete[i].Step(actions[i], Row(NextObservations, i)));
        }
    }

    /// <summary>Steps copy i with the continuous action row i of <paramref name="actions"/> ([N × action dimension]), autoresetting.</summary>
    /// <exception cref="ArgumentException">The task's actions are discrete, the length is not N × dimension, or an action
    /// component is NaN, ±∞ or outside the box (the message names its flat index; no copy is stepped then).</exception>
    public void Step(ReadOnlySpan<float> actions)
    {
        if (_continuous is null)
        {
            throw new ArgumentException($"{Id} has discrete actions {ActionSpace}; pass int actions.", nameof(actions));
        }

        int size = ActionSize;
        Guard.SameLength(Count * size, actions.Length, nameof(actions), "environment count × action dimension");
        var space = (Box)ActionSpace;
        for (int i = 0; i < Count; i++)
        {
            space.ThrowIfOutside(actions.Slice(i * size, size), nameof(actions), i * size);
        }

        ThrowIfNotStarted(nameof(actions));
        for (int i = 0; i < Count; i++)
        {
            Record(i, _continuous[i].Step(actions.Slice(i * size, size), Row(NextObservations, i)));
        }
    }

    private void Record(int i, ControlStep step)
    {
        Rewards[i] = step.Reward;
        Terminated[i] = step.Terminated;
        Truncated[i] = step.Truncated;
        _runningReturns[i] += step.Reward;
        _runningLengths[i]++;
        TotalSteps++;
        if (step.Done)
        {
            var episode = new EpisodeStatistics(_runningReturns[i], _runningLengths[i]);
            FinishedEpisodes[i] = episode;
            RecentEpisodes.Add(episode);
            EpisodeCount++;
            _runningReturns[i] = 0.0;
            _runningLengths[i] = 0;
            _environments[i].Reset(Row(Observations, i));
        }
        else
        {
            Row(NextObservations, i).CopyTo(Row(Observations, i));
        }
    }

    private void ThrowIfNotStarted(string paramName)
    {
        if (!_started)
        {
            throw new ArgumentException($"{Id} × {Count}: {paramName} cannot be applied before the first Reset; call Reset first.", paramName);
        }
    }

    private Span<float> Row(float[] flat, int i) => flat.AsSpan(i * ObservationSize, ObservationSize);
}
