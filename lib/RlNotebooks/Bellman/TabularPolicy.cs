using RlNotebooks.Validation;

namespace RlNotebooks.Bellman;

/// <summary>
/// A stochastic policy π(a|s) stored as a row-major |𝒮|×|𝒜| table: entry s·|𝒜| + a is π(a|s).
/// Validated on construction: every row π(·|s) is a probability distribution (entries ≥ 0, sum 1 within 1e-9).
/// The table is copied, so a policy never changes after construction.
/// </summary>
public sealed class TabularPolicy
{
    private readonly double[] _probabilities;

    /// <summary>Builds π from a row-major table of π(a|s) (copied).</summary>
    /// <param name="stateCount">|𝒮| ≥ 1.</param>
    /// <param name="actionCount">|𝒜| ≥ 1.</param>
    /// <param name="probabilities">Length |𝒮|·|𝒜|; row s is π(·|s) and must sum to 1.</param>
    /// <exception cref="ArgumentException">Wrong length, or a row is not a distribution (the message names the state).</exception>
    public TabularPolicy(int stateCount, int actionCount, ReadOnlySpan<double> probabilities)
    {
        Guard.AtLeast(stateCount, 1);
        Guard.AtLeast(actionCount, 1);
        Guard.SameLength(stateCount * actionCount, probabilities.Length, nameof(probabilities), "stateCount·actionCount");
        for (int s = 0; s < stateCount; s++)
        {
            double sum = 0.0;
            for (int a = 0; a < actionCount; a++)
            {
                double p = probabilities[s * actionCount + a];
                if (!(p >= 0.0 && p <= 1.0))
                {
                    throw new ArgumentException(
                        $"π(a={a}|s={s}) = probabilities[{s * actionCount + a}] must be a probability in [0, 1] but was {p}.", nameof(probabilities));
                }

                sum += p;
            }

            if (Math.Abs(sum - 1.0) > 1e-9)
            {
                throw new ArgumentException($"π(·|s={s}) must sum to 1 but sums to {sum}.", nameof(probabilities));
            }
        }

        StateCount = stateCount;
        ActionCount = actionCount;
        _probabilities = probabilities.ToArray();
    }

    /// <summary>|𝒮|.</summary>
    public int StateCount { get; }

    /// <summary>|𝒜|.</summary>
    public int ActionCount { get; }

    /// <summary>The whole row-major table π(a|s), entry s·|𝒜| + a.</summary>
    public ReadOnlySpan<double> Probabilities => _probabilities;

    /// <summary>π(a|s).</summary>
    public double this[int state, int action]
    {
        get
        {
            Guard.Index(state, StateCount);
            Guard.Index(action, ActionCount);
            return _probabilities[state * ActionCount + action];
        }
    }

    /// <summary>The row π(·|s).</summary>
    public ReadOnlySpan<double> Row(int state)
    {
        Guard.Index(state, StateCount);
        return new ReadOnlySpan<double>(_probabilities, state * ActionCount, ActionCount);
    }

    /// <summary>The equiprobable random policy π(a|s) = 1/|𝒜|.</summary>
    public static TabularPolicy Uniform(int stateCount, int actionCount)
    {
        Guard.AtLeast(stateCount, 1);
        Guard.AtLeast(actionCount, 1);
        var table = new double[stateCount * actionCount];
        Array.Fill(table, 1.0 / actionCount);
        return new TabularPolicy(stateCount, actionCount, table);
    }

    /// <summary>The deterministic policy π(a|s) = 1[a = actions[s]].</summary>
    /// <exception cref="ArgumentException">An action lies outside [0, |𝒜|−1] (the message names the state).</exception>
    public static TabularPolicy Deterministic(ReadOnlySpan<int> actions, int actionCount)
    {
        Guard.NotEmpty(actions.Length, nameof(actions));
        Guard.AtLeast(actionCount, 1);
        var table = new double[actions.Length * actionCount];
        for (int s = 0; s < actions.Length; s++)
        {
            if ((uint)actions[s] >= (uint)actionCount)
            {
                throw new ArgumentOutOfRangeException(nameof(actions), actions[s],
                    $"actions[{s}] must lie in [0, {actionCount - 1}] but was {actions[s]}.");
            }

            table[s * actionCount + actions[s]] = 1.0;
        }

        return new TabularPolicy(actions.Length, actionCount, table);
    }

    /// <summary>
    /// For each state the most probable action (lowest index on ties); for a deterministic policy, the action it takes.
    /// </summary>
    public int[] ModeActions()
    {
        var actions = new int[StateCount];
        for (int s = 0; s < StateCount; s++)
        {
            actions[s] = Greedy.ArgMax(new ReadOnlySpan<double>(_probabilities, s * ActionCount, ActionCount));
        }

        return actions;
    }
}
