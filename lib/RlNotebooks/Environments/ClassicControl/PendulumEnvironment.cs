using RlNotebooks.Validation;

namespace RlNotebooks.Environments.ClassicControl;

/// <summary>
/// Pendulum-v1 (see <see cref="Pendulum"/>): observation (cos θ, sin θ, θ̇) in float32, action Box([−2], [2]),
/// reward −(θ² + 0.1θ̇² + 0.001u²), never terminates, truncated after 200 steps.
/// </summary>
public sealed class PendulumEnvironment : ContinuousControlEnvironment
{
    private PendulumState _state;

    /// <summary>Pendulum-v1 with its registered time limit and g = 10, or other values.</summary>
    /// <param name="maxEpisodeSteps">TimeLimit (default 200).</param>
    /// <param name="gravity">g (default 10, Gymnasium's <c>g</c> argument).</param>
    public PendulumEnvironment(int maxEpisodeSteps = Pendulum.MaxEpisodeSteps, double gravity = Pendulum.DefaultGravity)
        : base(Pendulum.Id, Pendulum.ObservationSpace, Pendulum.ActionSpace, maxEpisodeSteps)
    {
        Guard.Finite(gravity);
        Gravity = gravity;
    }

    /// <summary>g.</summary>
    public double Gravity { get; }

    /// <summary>The current float64 state.</summary>
    public PendulumState State => _state;

    /// <summary>Starts an episode at an explicit state (for tests and demonstrations) and writes its observation.</summary>
    public void ResetTo(PendulumState state, Span<float> observation)
    {
        _state = state;
        BeginEpisode();
        Observe(observation);
    }

    /// <inheritdoc/>
    protected override void SampleInitialState(Random random) => _state = Pendulum.SampleInitialState(random);

    /// <inheritdoc/>
    protected override void WriteObservation(Span<float> observation) => Pendulum.Observe(_state, observation);

    /// <inheritdoc/>
    protected override (double Reward, bool Terminated) Transition(ReadOnlySpan<float> action)
    {
        double reward = Pendulum.Reward(_state, action[0]);
        _state = Pendulum.Step(_state, action[0], Gravity);
        return (reward, false);
    }
}
