namespace RlNotebooks.Environments.ClassicControl;

/// <summary>
/// MountainCar-v0 (see <see cref="MountainCar"/>): observation (x, v) in float32, actions Discrete(3) (push left, none,
/// right), reward −1 per step, terminated at x ≥ 0.5 with v ≥ 0, truncated after 200 steps.
/// </summary>
public sealed class MountainCarEnvironment : DiscreteControlEnvironment
{
    private MountainCarState _state;

    /// <summary>MountainCar-v0 with its registered time limit, or another one.</summary>
    /// <param name="maxEpisodeSteps">TimeLimit (default 200).</param>
    public MountainCarEnvironment(int maxEpisodeSteps = MountainCar.MaxEpisodeSteps)
        : base(MountainCar.Id, MountainCar.ObservationSpace, 3, maxEpisodeSteps)
    {
    }

    /// <summary>The current float64 state.</summary>
    public MountainCarState State => _state;

    /// <summary>Starts an episode at an explicit state (for tests and demonstrations) and writes its observation.</summary>
    public void ResetTo(MountainCarState state, Span<float> observation)
    {
        _state = state;
        BeginEpisode();
        Observe(observation);
    }

    /// <inheritdoc/>
    protected override void SampleInitialState(Random random) => _state = MountainCar.SampleInitialState(random);

    /// <inheritdoc/>
    protected override void WriteObservation(Span<float> observation) => MountainCar.Observe(_state, observation);

    /// <inheritdoc/>
    protected override (double Reward, bool Terminated) Transition(int action)
    {
        _state = MountainCar.Step(_state, action);
        return (-1.0, MountainCar.ReachedGoal(_state));
    }
}
