namespace RlNotebooks.Rlhf;

/// <summary>One labelled comparison: the labeller preferred <see cref="Preferred"/> over <see cref="Rejected"/>.</summary>
/// <param name="Preferred">y_w, the chosen sequence.</param>
/// <param name="Rejected">y_l, the other one.</param>
public sealed record Comparison(int[] Preferred, int[] Rejected);

/// <summary>
/// Simulated human labels: a labeller whose choices follow the Bradley–Terry model of a hidden preference h, so
/// P(a chosen over b) = σ(h(a) − h(b)). The reward model sees only the choices, never h.
/// </summary>
public static class PreferenceComparisons
{
    /// <summary>
    /// Pairs the sequences in order (0 with 1, 2 with 3, …; an odd last one is left out) and draws each label from
    /// σ(h(a) − h(b)) with <paramref name="random"/>.
    /// </summary>
    /// <param name="sequences">At least two sequences.</param>
    /// <param name="preference">The hidden preference h, finite for every sequence.</param>
    /// <param name="random">The labeller's randomness (seeded: same seed, same labels).</param>
    public static Comparison[] Label(IReadOnlyList<int[]> sequences, Func<int[], double> preference, Random random)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(preference);
        ArgumentNullException.ThrowIfNull(random);
        Validation.Guard.AtLeast(sequences.Count, 2, nameof(sequences));
        var comparisons = new Comparison[sequences.Count / 2];
        for (int i = 0; i < comparisons.Length; i++)
        {
            int[] a = sequences[2 * i], b = sequences[2 * i + 1];
            double pA = BradleyTerry.Probability(preference(a), preference(b));
            comparisons[i] = random.NextDouble() < pA ? new Comparison(a, b) : new Comparison(b, a);
        }

        return comparisons;
    }
}
