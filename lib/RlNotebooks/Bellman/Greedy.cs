using RlNotebooks.Distributions;
using RlNotebooks.Validation;

namespace RlNotebooks.Bellman;

/// <summary>How a greedy policy breaks ties between actions whose values are within the tie tolerance of the maximum.</summary>
public enum TieBreaking
{
    /// <summary>Deterministic: the lowest action index among the tied maximisers.</summary>
    LowestIndex,

    /// <summary>Stochastic policy table: probability spread uniformly over the tied maximisers.</summary>
    Uniform,
}

/// <summary>
/// Greedy and ε-greedy policies from action values Q (row-major |𝒮|×|𝒜|, entry s·|𝒜| + a) or from state values V
/// through the one-step lookahead Q_V(s,a) = Σ_{s′} P(s′|s,a)[r(s,a,s′) + γV(s′)].
/// <para>
/// Ties: action a is a maximiser of row s when Q(s,a) ≥ maxₐ′ Q(s,a′) − tieTolerance. With <see cref="TieBreaking.LowestIndex"/>
/// the lowest such index is taken (so the result is deterministic and reproducible); with <see cref="TieBreaking.Uniform"/>
/// every maximiser gets equal probability. For a terminal state every action ties (Q = 0).
/// </para>
/// </summary>
public static class Greedy
{
    /// <summary>Default tie tolerance: values within 1e-9 of the row maximum count as tied.</summary>
    public const double DefaultTieTolerance = 1e-9;

    /// <summary>argmaxₐ x[a], the lowest index on exact ties.</summary>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        Guard.NotEmpty(values.Length, nameof(values));
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>a(s) = argmaxₐ Q(s,a) for each state (lowest index among values within <paramref name="tieTolerance"/> of the max).</summary>
    public static int[] Actions(ReadOnlySpan<double> q, int actionCount, double tieTolerance = DefaultTieTolerance)
    {
        int states = Guard.RowMajor(q.Length, actionCount, nameof(q), nameof(actionCount));
        var actions = new int[states];
        ActionsInto(q, actionCount, actions, tieTolerance);
        return actions;
    }

    /// <inheritdoc cref="Actions"/>
    /// <summary>Writes a(s) = argmaxₐ Q(s,a) (lowest tied index) into <paramref name="destination"/> (length |𝒮|).</summary>
    public static void ActionsInto(ReadOnlySpan<double> q, int actionCount, Span<int> destination, double tieTolerance = DefaultTieTolerance)
    {
        int states = CheckQ(q, actionCount, tieTolerance);
        Guard.SameLength(states, destination.Length, nameof(destination), "q (states)");

        for (int s = 0; s < states; s++)
        {
            destination[s] = LowestMaximiser(q.Slice(s * actionCount, actionCount), tieTolerance);
        }
    }

    /// <summary>The greedy policy π(a|s) from Q (see the class remarks for ties).</summary>
    public static TabularPolicy FromQ(ReadOnlySpan<double> q, int actionCount, TieBreaking ties = TieBreaking.LowestIndex,
        double tieTolerance = DefaultTieTolerance)
    {
        var table = new double[q.Length];
        FromQInto(q, actionCount, table, ties, tieTolerance);
        return new TabularPolicy(q.Length / actionCount, actionCount, table);
    }

    /// <inheritdoc cref="FromQ"/>
    /// <summary>Writes the greedy policy table π(a|s) from Q into <paramref name="destination"/> (length |𝒮|·|𝒜|).</summary>
    public static void FromQInto(ReadOnlySpan<double> q, int actionCount, Span<double> destination, TieBreaking ties = TieBreaking.LowestIndex,
        double tieTolerance = DefaultTieTolerance)
    {
        int states = CheckQ(q, actionCount, tieTolerance);
        Guard.SameLength(q.Length, destination.Length, nameof(destination), nameof(q));
        for (int s = 0; s < states; s++)
        {
            EpsilonGreedy.RowInto(q.Slice(s * actionCount, actionCount), 0.0, destination.Slice(s * actionCount, actionCount),
                tieTolerance, lowestIndexOnly: ties == TieBreaking.LowestIndex);
        }
    }

    /// <summary>The greedy policy w.r.t. V: π(s) = argmaxₐ Σ_{s′} P(s′|s,a)[r(s,a,s′) + γV(s′)] (see the class remarks for ties).</summary>
    public static TabularPolicy FromV(TabularMdp mdp, ReadOnlySpan<double> v, TieBreaking ties = TieBreaking.LowestIndex,
        double tieTolerance = DefaultTieTolerance)
    {
        double[] q = BellmanOperators.ActionValues(mdp, v);
        return FromQ(q, mdp.ActionCount, ties, tieTolerance);
    }

    /// <summary>
    /// The ε-greedy policy π(a|s) = ε/|𝒜| + (1 − ε)·1[a = argmax_{a′} Q(s,a′)] (argmax: lowest tied index).
    /// </summary>
    public static TabularPolicy EpsilonGreedyFromQ(ReadOnlySpan<double> q, int actionCount, double epsilon, double tieTolerance = DefaultTieTolerance)
    {
        var table = new double[q.Length];
        EpsilonGreedyFromQInto(q, actionCount, epsilon, table, tieTolerance);
        return new TabularPolicy(q.Length / actionCount, actionCount, table);
    }

    /// <inheritdoc cref="EpsilonGreedyFromQ"/>
    /// <summary>Writes the ε-greedy policy table into <paramref name="destination"/> (length |𝒮|·|𝒜|).</summary>
    public static void EpsilonGreedyFromQInto(ReadOnlySpan<double> q, int actionCount, double epsilon, Span<double> destination,
        double tieTolerance = DefaultTieTolerance)
    {
        int states = CheckQ(q, actionCount, tieTolerance);
        Guard.UnitInterval(epsilon);
        Guard.SameLength(q.Length, destination.Length, nameof(destination), nameof(q));
        for (int s = 0; s < states; s++)
        {
            EpsilonGreedy.RowInto(q.Slice(s * actionCount, actionCount), epsilon, destination.Slice(s * actionCount, actionCount),
                tieTolerance, lowestIndexOnly: true);
        }
    }

    /// <summary>The lowest index a with row[a] ≥ max − tolerance. Unchecked.</summary>
    internal static int LowestMaximiser(ReadOnlySpan<double> row, double tolerance)
    {
        double threshold = row[ArgMax(row)] - tolerance;
        int a = 0;
        while (row[a] < threshold)
        {
            a++;
        }

        return a;
    }

    private static int CheckQ(ReadOnlySpan<double> q, int actionCount, double tieTolerance)
    {
        int states = Guard.RowMajor(q.Length, actionCount, nameof(q), nameof(actionCount));
        Guard.AllFinite(q, nameof(q));
        Guard.NonNegative(tieTolerance);
        return states;
    }
}
