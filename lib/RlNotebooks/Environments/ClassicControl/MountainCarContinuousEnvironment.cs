namespace RlNotebooks.Environments.ClassicControl;

/// <summary>
/// MountainCarContinuous-v0 (see <see cref="MountainCarContinuous"/>): observation (x, v) in float32, action Box([−1], [1]),
/// reward −0.1a² per step and +100 at the goal x ≥ 0.45, truncated after 999 steps.
/// </summary>
public sealed class MountainCarContinuousEnvironment : ContinuousControlEnvironment
{
    private MountainCarState _state;

    /// <summary>MountainCarContinuous-v0 with its registered time limit, or another one.</summary>
    /// <param name="maxEpisodeSteps">TimeLimit (default 999).</param>
    public MountainCarContinuousEnvironment(int maxEpisodeSteps = MountainCarContinuous.MaxEpisodeSteps)
        : base(MountainCarContinuous.Id, MountainCar.ObservationSpace, MountainCarContinuous.ActionSpace, maxEpisodeSteps)
    {
    }

    /// <summary>The current state (float32 values after every step, float64 at s₀, as in Gymnasium).</summary>
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
    protected override (double Reward, bool Terminated) Transition(ReadOnlySpan<float> action)
    {
        (_state, double reward, bool terminated) = MountainCarContinuous.Step(_state, action[0]);
        return (reward, terminated);
    }
}
