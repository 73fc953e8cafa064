using RlNotebooks.Validation;

namespace RlNotebooks.Distributions;

/// <summary>
/// ε-greedy policy over action values Q(s,·): π(a|s) = ε/|A| + (1 − ε) · 1[a ∈ argmax] / |argmax| (Sutton &amp; Barto §2.2, §5.4).
/// </summary>
/// <remarks>
/// Ties: the greedy mass 1 − ε is split equally among all actions whose value equals the maximum exactly — the
/// distribution of "break ties uniformly at random". With a unique maximum this is ε/|A| + (1 − ε)·1[a = argmax].
/// </remarks>
public static class EpsilonGreedy
{
    /// <summary>π(·|s) as a new array.</summary>
    /// <param name="actionValues">Finite Q(s, a) for every action.</param>
    /// <param name="epsilon">Exploration rate ε ∈ [0, 1].</param>
    public static double[] Probabilities(ReadOnlySpan<double> actionValues, double epsilon)
    {
        var probabilities = new double[actionValues.Length];
        ProbabilitiesInto(actionValues, epsilon, probabilities);
        return probabilities;
    }

    /// <inheritdoc cref="Probabilities"/>
    /// <summary>Writes π(·|s) into <paramref name="destination"/>; no allocation.</summary>
    public static void ProbabilitiesInto(ReadOnlySpan<double> actionValues, double epsilon, Span<double> destination)
    {
        Guard.SameLength(actionValues.Length, destination.Length, nameof(destination), nameof(actionValues));
        Row row = Greedy(actionValues, epsilon);
        row.WriteInto(actionValues, destination);
    }

    /// <summary>Draws a ~ π(·|s) by inverse-CDF with one <see cref="Random.NextDouble"/> call; same state → same action.</summary>
    public static int Sample(ReadOnlySpan<double> actionValues, double epsilon, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Row row = Greedy(actionValues, epsilon);
        return InverseCdf.Sample(new RowWeights(actionValues, row), random.NextDouble());
    }

    /// <summary>
    /// The one ε-greedy row shared with the tabular <c>Greedy.EpsilonGreedyFromQInto</c>/<c>Greedy.FromQInto</c>:
    /// π(a) = ε/|A| + (1 − ε)·g(a), where a is a maximiser when q[a] ≥ maxₐ′ q[a′] − <paramref name="tieTolerance"/> and
    /// g gives the whole greedy mass to the lowest maximiser (<paramref name="lowestIndexOnly"/>) or splits it equally
    /// among all maximisers. Non-empty finite values, ε ∈ [0, 1] and tolerance ≥ 0 are the caller's to check; no allocation.
    /// </summary>
    internal static void RowInto(ReadOnlySpan<double> actionValues, double epsilon, Span<double> destination, double tieTolerance,
        bool lowestIndexOnly) =>
        Row.Of(actionValues, epsilon, tieTolerance, lowestIndexOnly).WriteInto(actionValues, destination);

    private static Row Greedy(ReadOnlySpan<double> actionValues, double epsilon)
    {
        Guard.NotEmpty(actionValues.Length, nameof(actionValues));
        Guard.AllFinite(actionValues);
        Guard.UnitInterval(epsilon);
        return Row.Of(actionValues, epsilon, 0.0, lowestIndexOnly: false);
    }

    /// <summary>An ε-greedy row: every action gets <paramref name="Explore"/> = ε/|A|; the maximisers (value ≥ threshold) also
    /// get <paramref name="GreedyMass"/> — all of them, or only the lowest (<paramref name="First"/>) when <paramref name="LowestIndexOnly"/>.</summary>
    private readonly record struct Row(double Threshold, int First, double Explore, double GreedyMass, bool LowestIndexOnly)
    {
        public static Row Of(ReadOnlySpan<double> actionValues, double epsilon, double tieTolerance, bool lowestIndexOnly)
        {
            double max = actionValues[0];
            for (int a = 1; a < actionValues.Length; a++)
            {
                max = Math.Max(max, actionValues[a]);
            }

            double threshold = max - tieTolerance;
            int first = -1, ties = 0;
            for (int a = 0; a < actionValues.Length; a++)
            {
                if (actionValues[a] >= threshold)
                {
                    first = first < 0 ? a : first;
                    ties++;
                }
            }

            return new Row(threshold, first, epsilon / actionValues.Length, (1.0 - epsilon) / (lowestIndexOnly ? 1 : ties), lowestIndexOnly);
        }

        public double Probability(int action, double value) =>
            Explore + (value >= Threshold && (!LowestIndexOnly || action == First) ? GreedyMass : 0.0);

        public void WriteInto(ReadOnlySpan<double> actionValues, Span<double> destination)
        {
            for (int a = 0; a < actionValues.Length; a++)
            {
                destination[a] = Probability(a, actionValues[a]);
            }
        }
    }

    /// <summary>wₐ = π(a|s), the ε-greedy probabilities.</summary>
    private readonly ref struct RowWeights(ReadOnlySpan<double> actionValues, Row row) : IDiscreteWeights
    {
        private readonly ReadOnlySpan<double> _actionValues = actionValues;

        public int Count => _actionValues.Length;

        public double Weight(int index) => row.Probability(index, _actionValues[index]);
    }
}
