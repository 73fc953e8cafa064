using RlNotebooks.Bellman;
using RlNotebooks.Distributions;
using RlNotebooks.Validation;

namespace RlNotebooks.Environments;

/// <summary>
/// A steppable environment that samples from a <see cref="TabularMdp"/> — the same object <see cref="Model"/> returns,
/// so planning on the model and learning from the environment can never disagree.
/// <para>
/// Step: the outcome i of (sₜ, aₜ) is drawn with probability pᵢ from the model's list (Gymnasium's
/// <c>categorical_sample</c> over <c>env.P[s][a]</c>); then sₜ₊₁ = s′ᵢ, rₜ₊₁ = rᵢ, terminated = s′ᵢ is terminal.
/// Time limit (Gymnasium's TimeLimit wrapper): after the k-th step of an episode with k = <see cref="MaxEpisodeSteps"/>,
/// truncated = true unless the step terminated (Gymnasium would set both; here termination takes precedence so
/// exactly one reason is reported and the episode-boundary convention stays unambiguous).
/// </para>
/// <para>The only mutable state is the current state, the step counter and the seeded <see cref="Random"/>.</para>
/// </summary>
public sealed class TabularEnvironment : IDiscreteEnvironment
{
    private readonly double[] _initialDistribution;
    private Random? _random;
    private int _state = -1;
    private int _elapsedSteps;
    private bool _done = true;

    /// <summary>Wraps <paramref name="model"/> with an initial-state distribution μ(s₀) and an optional time limit.</summary>
    /// <param name="name">A display name, e.g. "FrozenLake-v1 (4x4)".</param>
    /// <param name="model">The exact dynamics P(s′, r | s, a) and terminal set.</param>
    /// <param name="initialDistribution">μ(s₀), length |𝒮|, summing to 1.</param>
    /// <param name="maxEpisodeSteps">TimeLimit in steps (≥ 1), or null for none.</param>
    /// <param name="layout">How to draw the states as a grid, or null when the states are not a grid.</param>
    /// <exception cref="ArgumentException">μ is not a distribution over |𝒮| states or the limit is &lt; 1.</exception>
    public TabularEnvironment(string name, TabularMdp model, ReadOnlySpan<double> initialDistribution, int? maxEpisodeSteps = null,
        GridLayout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(model);
        Guard.SameLength(model.StateCount, initialDistribution.Length, nameof(initialDistribution), "model states");
        Guard.Distribution(initialDistribution, 1e-9, nameof(initialDistribution));
        if (maxEpisodeSteps is int limit)
        {
            Guard.AtLeast(limit, 1, nameof(maxEpisodeSteps));
        }

        if (layout is not null && layout.CellCount != model.StateCount)
        {
            throw new ArgumentException(
                $"layout has {layout.CellCount} cells but the model has {model.StateCount} states; they must match.", nameof(layout));
        }

        Name = name;
        Model = model;
        _initialDistribution = initialDistribution.ToArray();
        MaxEpisodeSteps = maxEpisodeSteps;
        Layout = layout;
    }

    /// <summary>A display name.</summary>
    public string Name { get; }

    /// <summary>The exact model the environment samples from (Gymnasium's <c>env.P</c> plus terminal flags and γ).</summary>
    public TabularMdp Model { get; }

    /// <summary>μ(s₀), the initial-state distribution.</summary>
    public ReadOnlySpan<double> InitialDistribution => _initialDistribution;

    /// <inheritdoc/>
    public int? MaxEpisodeSteps { get; }

    /// <summary>The grid drawing of the states, or null.</summary>
    public GridLayout? Layout { get; }

    /// <inheritdoc/>
    public int ObservationCount => Model.StateCount;

    /// <inheritdoc/>
    public int ActionCount => Model.ActionCount;

    /// <summary>The current state sₜ (−1 before the first reset).</summary>
    public int State => _state;

    /// <summary>Steps taken in the current episode.</summary>
    public int ElapsedSteps => _elapsedSteps;

    /// <summary>The same dynamics with discount γ: <c>Model with { Gamma = gamma }</c>.</summary>
    public TabularMdp ToMdp(double gamma) => Model with { Gamma = gamma };

    /// <summary>The same environment with another time limit (null: none), sharing the model.</summary>
    public TabularEnvironment WithTimeLimit(int? maxEpisodeSteps) =>
        new(Name, Model, _initialDistribution, maxEpisodeSteps, Layout);

    /// <inheritdoc/>
    public int Reset(int? seed = null)
    {
        if (seed is int s)
        {
            _random = new Random(s);
        }

        _random ??= new Random();
        _state = Categorical.SampleFromProbabilities(_initialDistribution, _random);
        _elapsedSteps = 0;
        _done = false;
        return _state;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="action"/> is not in [0, |𝒜|−1].</exception>
    /// <exception cref="InvalidOperationException">No episode is running (call <see cref="Reset"/>).</exception>
    public StepResult Step(int action)
    {
        Guard.Index(action, ActionCount);
        if (_done || _random is null)
        {
            throw new InvalidOperationException(_state < 0
                ? $"{Name}: call Reset before Step."
                : $"{Name}: the episode has ended; call Reset before stepping again.");
        }

        int i = Categorical.SampleFromProbabilities(Model.Probabilities(_state, action), _random);
        int next = Model.NextStates(_state, action)[i];
        double reward = Model.Rewards(_state, action)[i];
        _state = next;
        _elapsedSteps++;
        bool terminated = Model.IsTerminal(next);
        bool truncated = !terminated && _elapsedSteps >= MaxEpisodeSteps;
        _done = terminated || truncated;
        return new StepResult(next, reward, terminated, truncated);
    }
}
