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

    /// <summary>Writes π(·|s) into <paramref name="destination"/>; no allocation.</summary>
    public static void ProbabilitiesInto(ReadOnlySpan<double> actionValues, double epsilon, Span<double> destination)
    {
        Guard.SameLength(actionValues.Length, destination.Length, nameof(destination), nameof(actionValues));
        (double max, int ties) = Greedy(actionValues, epsilon);
        for (int a = 0; a < actionValues.Length; a++)
        {
            destination[a] = Probability(actionValues[a], max, ties, actionValues.Length, epsilon);
        }
    }

    /// <summary>Draws a ~ π(·|s) by inverse-CDF with one <see cref="Random.NextDouble"/> call; same state → same action.</summary>
    public static int Sample(ReadOnlySpan<double> actionValues, double epsilon, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        (double max, int ties) = Greedy(actionValues, epsilon);
        return InverseCdf.Sample(new GreedyWeights(actionValues, max, ties, epsilon), random.NextDouble());
    }

    private static double Probability(double value, double max, int ties, int count, double epsilon) =>
        epsilon / count + (value == max ? (1.0 - epsilon) / ties : 0.0);

    private static (double Max, int Ties) Greedy(ReadOnlySpan<double> actionValues, double epsilon)
    {
        Guard.NotEmpty(actionValues.Length, nameof(actionValues));
        Guard.AllFinite(actionValues);
        Guard.UnitInterval(epsilon);
        double max = double.NegativeInfinity;
        int ties = 0;
        for (int a = 0; a < actionValues.Length; a++)
        {
            if (actionValues[a] > max)
            {
                max = actionValues[a];
                ties = 1;
            }
            else if (actionValues[a] == max)
            {
                ties++;
            }
        }

        return (max, ties);
    }

    /// <summary>wₐ = π(a|s), the ε-greedy probabilities.</summary>
    private readonly ref struct GreedyWeights(ReadOnlySpan<double> actionValues, double max, int ties, double epsilon) : IDiscreteWeights
    {
        private readonly ReadOnlySpan<double> _actionValues = actionValues;

        public int Count => _actionValues.Length;

        public double Weight(int index) => Probability(_actionValues[index], max, ties, _actionValues.Length, epsilon);
    }
}
