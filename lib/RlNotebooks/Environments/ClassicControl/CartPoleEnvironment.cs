namespace RlNotebooks.Environments.ClassicControl;

/// <summary>
/// CartPole-v1 (see <see cref="CartPole"/> for the equations): observation (x, ẋ, θ, θ̇) in float32, actions
/// Discrete(2) (0 push left, 1 push right), reward +1 per step, terminated when the pole falls past 12° or the cart
/// leaves ±2.4, truncated after 500 steps.
/// </summary>
public sealed class CartPoleEnvironment : DiscreteControlEnvironment
{
    private CartPoleState _state;

    /// <summary>CartPole-v1 with its registered time limit, or another one.</summary>
    /// <param name="maxEpisodeSteps">TimeLimit (default 500).</param>
    public CartPoleEnvironment(int maxEpisodeSteps = CartPole.MaxEpisodeSteps)
        : base(CartPole.Id, CartPole.ObservationSpace, 2, maxEpisodeSteps)
    {
    }

    /// <summary>The current float64 state.</summary>
    public CartPoleState State => _state;

    /// <summary>Starts an episode at an explicit state (for tests and demonstrations) and writes its observation.</summary>
    public void ResetTo(CartPoleState state, Span<float> observation)
    {
        _state = state;
        BeginEpisode();
        Observe(observation);
    }

    /// <inheritdoc/>
    protected override void SampleInitialState(Random random) => _state = CartPole.SampleInitialState(random);

    /// <inheritdoc/>
    protected override void WriteObservation(Span<float> observation) => CartPole.Observe(_state, observation);

    /// <inheritdoc/>
    protected override (double Reward, bool Terminated) Transition(int action)
    {
        _state = CartPole.Step(_state, action);
        return (1.0, CartPole.IsTerminal(_state));
    }
}
