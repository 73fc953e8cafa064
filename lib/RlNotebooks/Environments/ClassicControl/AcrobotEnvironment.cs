namespace RlNotebooks.Environments.ClassicControl;

/// <summary>
/// Acrobot-v1 (see <see cref="Acrobot"/> for the equations): observation (cos θ₁, sin θ₁, cos θ₂, sin θ₂, θ̇₁, θ̇₂) in
/// float32, actions Discrete(3) (torque −1, 0, +1), reward −1 per step and 0 on reaching the height, truncated after 500 steps.
/// </summary>
public sealed class AcrobotEnvironment : DiscreteControlEnvironment
{
    private AcrobotState _state;

    /// <summary>Acrobot-v1 with its registered time limit, or another one.</summary>
    /// <param name="maxEpisodeSteps">TimeLimit (default 500).</param>
    public AcrobotEnvironment(int maxEpisodeSteps = Acrobot.MaxEpisodeSteps)
        : base(Acrobot.Id, Acrobot.ObservationSpace, 3, maxEpisodeSteps)
    {
    }

    /// <summary>The current float64 state.</summary>
    public AcrobotState State => _state;

    /// <summary>Starts an episode at an explicit state (for tests and demonstrations) and writes its observation.</summary>
    public void ResetTo(AcrobotState state, Span<float> observation)
    {
        _state = state;
        BeginEpisode();
        Observe(observation);
    }

    /// <inheritdoc/>
    protected override void SampleInitialState(Random random) => _state = Acrobot.SampleInitialState(random);

    /// <inheritdoc/>
    protected override void WriteObservation(Span<float> observation) => Acrobot.Observe(_state, observation);

    /// <inheritdoc/>
    protected override (double Reward, bool Terminated) Transition(int action)
    {
        _state = Acrobot.Step(_state, action);
        bool terminated = Acrobot.IsTerminal(_state);
        return (terminated ? 0.0 : -1.0, terminated);
    }
}
