using RlNotebooks.Validation;

namespace RlNotebooks.Environments.ClassicControl;

/// <summary>
/// The shell shared by the classic-control environments: the seeded generator for initial states, the episode's step
/// counter and Gymnasium's <c>TimeLimit</c>. The dynamics themselves are pure static functions (<see cref="CartPole"/>,
/// <see cref="Acrobot"/>, <see cref="MountainCar"/>, <see cref="Pendulum"/>); a subclass applies them to its float64 state.
/// <para>
/// Protocol: <see cref="Reset(Span{float}, int?)"/> (or a subclass's <c>ResetTo</c> an explicit state) starts an episode
/// and writes s₀; <c>Step</c> applies aₜ, writes the float32 observation of sₜ₊₁ and returns (rₜ₊₁, terminated,
/// truncated). After the k-th step with k = <see cref="MaxEpisodeSteps"/>, truncated = true unless the step terminated.
/// Stepping when no episode runs (before the first reset, or after the episode ended) throws an
/// <see cref="ArgumentException"/> naming the action, as does an action outside <see cref="ActionSpace"/> or a NaN.
/// </para>
/// </summary>
public abstract class ControlEnvironment
{
    private Random? _random;
    private bool _running;
    private bool _terminated;

    /// <summary>Sets the spaces and the time limit.</summary>
    /// <param name="id">Gymnasium's id, e.g. "CartPole-v1".</param>
    /// <param name="observationSpace">The float32 observation box.</param>
    /// <param name="actionSpace">The action space.</param>
    /// <param name="maxEpisodeSteps">The TimeLimit (≥ 1).</param>
    protected ControlEnvironment(string id, Box observationSpace, Space actionSpace, int maxEpisodeSteps)
    {
        Guard.AtLeast(maxEpisodeSteps, 1);
        Id = id;
        ObservationSpace = observationSpace;
        ActionSpace = actionSpace;
        MaxEpisodeSteps = maxEpisodeSteps;
    }

    /// <summary>Gymnasium's id of the task.</summary>
    public string Id { get; }

    /// <summary>The float32 observation box.</summary>
    public Box ObservationSpace { get; }

    /// <summary>The action space: <see cref="Discrete"/> or <see cref="Box"/>.</summary>
    public Space ActionSpace { get; }

    /// <summary>Floats per observation, d.</summary>
    public int ObservationSize => ObservationSpace.Dimension;

    /// <summary>The TimeLimit after which an episode is truncated.</summary>
    public int MaxEpisodeSteps { get; }

    /// <summary>Steps taken in the current episode.</summary>
    public int ElapsedSteps { get; private set; }

    /// <summary>True while an episode runs (reset or set, and not yet terminated or truncated).</summary>
    public bool IsRunning => _running;

    /// <summary>
    /// Starts an episode with s₀ drawn from the task's initial-state distribution and writes its observation.
    /// A non-null <paramref name="seed"/> re-seeds the generator with <see cref="Seeds.CreateRandom"/>(seed), so nearby seeds
    /// give unrelated streams (same seed → same s₀ and, for the same actions, the same trajectory; NumPy's generator is not
    /// reproduced); null continues the current generator (a first unseeded reset draws an unpredictable seed).
    /// </summary>
    /// <param name="observation">Receives the d floats of the observation of s₀.</param>
    /// <param name="seed">The seed, or null.</param>
    public void Reset(Span<float> observation, int? seed = null)
    {
        Guard.DestinationLength(ObservationSize, observation.Length, nameof(observation));
        if (seed is int s)
        {
            _random = Seeds.CreateRandom(s);
        }

        _random ??= new Random();
        SampleInitialState(_random);
        BeginEpisode();
        WriteObservation(observation);
    }

    /// <summary>Resets as <see cref="Reset(Span{float}, int?)"/> and returns the observation in a new array.</summary>
    public float[] Reset(int? seed = null)
    {
        var observation = new float[ObservationSize];
        Reset(observation, seed);
        return observation;
    }

    /// <summary>Writes the float32 observation of the current state (Gymnasium's <c>_get_obs</c>).</summary>
    public void Observe(Span<float> observation)
    {
        Guard.DestinationLength(ObservationSize, observation.Length, nameof(observation));
        WriteObservation(observation);
    }

    /// <summary>Draws s₀ from the initial-state distribution into the subclass's state.</summary>
    protected abstract void SampleInitialState(Random random);

    /// <summary>Writes the observation of the current state into the first d slots.</summary>
    protected abstract void WriteObservation(Span<float> observation);

    /// <summary>Starts an episode from the state just set: the step counter restarts at 0.</summary>
    protected void BeginEpisode()
    {
        ElapsedSteps = 0;
        _running = true;
        _terminated = false;
    }

    /// <summary>The error for a step when no episode runs (check <see cref="IsRunning"/> first); it names the action.</summary>
    protected ArgumentException NotRunning(string paramName, string action)
    {
        string why = ElapsedSteps == 0 && !_terminated
            ? "no episode has been started"
            : $"the episode {(_terminated ? "terminated" : "was truncated by the time limit")} at step {ElapsedSteps}";
        return new ArgumentException($"{Id}: {paramName} = {action} cannot be applied: {why}; call Reset first.", paramName);
    }

    /// <summary>Counts the step, applies the time limit, writes the observation of sₜ₊₁ and packs the result.</summary>
    protected ControlStep EndStep(double reward, bool terminated, Span<float> observation)
    {
        ElapsedSteps++;
        bool truncated = !terminated && ElapsedSteps >= MaxEpisodeSteps;
        _running = !(terminated || truncated);
        _terminated = terminated;
        WriteObservation(observation);
        return new ControlStep(reward, terminated, truncated);
    }
}
