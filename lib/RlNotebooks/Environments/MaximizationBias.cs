using RlNotebooks.Validation;

namespace RlNotebooks.Environments;

/// <summary>
/// The maximisation-bias MDP of Sutton &amp; Barto Example 6.7 (p. 135, Figure 6.5). Episodes start in A.
/// From A, <see cref="Right"/> ends the episode with reward 0 and <see cref="Left"/> moves to B with reward 0; from B,
/// every one of the <see cref="ActionsInB"/> actions ends the episode with a reward drawn from 𝒩(μ, σ²)
/// (μ = −0.1, σ = 1 in the book). Undiscounted, no time limit.
/// <para>
/// True action values (γ = 1): q*(A, Right) = 0, q*(A, Left) = q*(B, ·) = μ, so with μ &lt; 0 going right is optimal,
/// yet maxₐ Q(B, a) over noisy estimates is biased upwards and lures Q-learning to the left.
/// </para>
/// <para>
/// States: A = 0, B = 1, the terminal state = 2. Q tables are |𝒮| × <see cref="ActionCount"/> with
/// <see cref="ActionCount"/> = max(2, actions in B); only the first <see cref="AvailableActions"/>(s) entries of a row are
/// real actions (2 in A, all in B, none in the terminal state), and stepping with any other action throws.
/// </para>
/// <para>The rewards are Gaussian, so this is not a <c>TabularMdp</c>; the only mutable state is the current state and the seeded <see cref="Random"/>.</para>
/// </summary>
public sealed class MaximizationBias : IDiscreteEnvironment
{
    /// <summary>State A, where every episode starts.</summary>
    public const int StateA = 0;

    /// <summary>State B, reached by going left from A.</summary>
    public const int StateB = 1;

    /// <summary>The terminal state.</summary>
    public const int Terminal = 2;

    /// <summary>In A: end the episode with reward 0 (the optimal action when μ &lt; 0).</summary>
    public const int Right = 0;

    /// <summary>In A: move to B with reward 0.</summary>
    public const int Left = 1;

    private Random? _random;
    private int _state = -1;

    /// <summary>Creates the MDP with <paramref name="actionsInB"/> actions in B whose rewards are 𝒩(<paramref name="mean"/>, <paramref name="standardDeviation"/>²).</summary>
    /// <param name="actionsInB">Number of actions in B (≥ 1; the book's figure uses 10).</param>
    /// <param name="mean">μ, the mean reward of every action in B (−0.1 in the book).</param>
    /// <param name="standardDeviation">σ ≥ 0 of the rewards in B (1 in the book).</param>
    /// <exception cref="ArgumentException">actionsInB &lt; 1, or μ/σ not finite, or σ &lt; 0.</exception>
    public MaximizationBias(int actionsInB = 10, double mean = -0.1, double standardDeviation = 1.0)
    {
        Guard.AtLeast(actionsInB, 1);
        Guard.Finite(mean);
        Guard.Finite(standardDeviation);
        Guard.NonNegative(standardDeviation);
        ActionsInB = actionsInB;
        Mean = mean;
        StandardDeviation = standardDeviation;
    }

    /// <summary>Number of actions in B.</summary>
    public int ActionsInB { get; }

    /// <summary>μ, the mean reward of every action in B.</summary>
    public double Mean { get; }

    /// <summary>σ, the standard deviation of the rewards in B.</summary>
    public double StandardDeviation { get; }

    /// <inheritdoc/>
    public int ObservationCount => 3;

    /// <summary>max(2, actions in B): the row length of a Q table; see <see cref="AvailableActions"/>.</summary>
    public int ActionCount => Math.Max(2, ActionsInB);

    /// <inheritdoc/>
    public int? MaxEpisodeSteps => null;

    /// <summary>The current state (−1 before the first reset).</summary>
    public int State => _state;

    /// <summary>How many actions are available in <paramref name="state"/>: 2 in A, <see cref="ActionsInB"/> in B, 0 in the terminal state.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not 0, 1 or 2.</exception>
    public int AvailableActions(int state)
    {
        Guard.Index(state, ObservationCount);
        return state switch
        {
            StateA => 2,
            StateB => ActionsInB,
            _ => 0,
        };
    }

    /// <inheritdoc/>
    /// <remarks>Always returns A. A seed re-seeds the reward generator; null keeps it (an unseeded first reset draws an unpredictable seed).</remarks>
    public int Reset(int? seed = null)
    {
        if (seed is int s)
        {
            _random = new Random(s);
        }

        _random ??= new Random();
        _state = StateA;
        return _state;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="action"/> is not available in the current state (the message names both).</exception>
    /// <exception cref="InvalidOperationException">No episode is running (call <see cref="Reset"/>).</exception>
    public StepResult Step(int action)
    {
        if (_state is not (StateA or StateB) || _random is null)
        {
            throw new InvalidOperationException(_state < 0
                ? "MaximizationBias: call Reset before Step."
                : "MaximizationBias: the episode has ended; call Reset before stepping again.");
        }

        int available = AvailableActions(_state);
        if ((uint)action >= (uint)available)
        {
            throw new ArgumentOutOfRangeException(nameof(action), action,
                $"action must lie in [0, {available - 1}] in state {(_state == StateA ? "A" : "B")} but was {action}.");
        }

        if (_state == StateA && action == Left)
        {
            _state = StateB;
            return new StepResult(StateB, 0.0, false, false);
        }

        double reward = _state == StateA ? 0.0 : Mean + StandardDeviation * Distributions.StandardNormal.Sample(_random);
        _state = Terminal;
        return new StepResult(Terminal, reward, true, false);
    }
}
