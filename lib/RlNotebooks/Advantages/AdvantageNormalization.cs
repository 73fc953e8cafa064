using RlNotebooks.Validation;

namespace RlNotebooks.Advantages;

/// <summary>
/// Per-batch advantage normalisation Âₜ ← (Âₜ − mean(Â)) / (std(Â) + ε), as used by PPO implementations.
/// <para>
/// std is the population standard deviation (divide by N), so a batch of one, or a batch whose entries are all equal,
/// returns exact zeros instead of NaN (an unbiased N−1 estimate is undefined for N = 1).
/// </para>
/// </summary>
public static class AdvantageNormalization
{
    /// <summary>(Âₜ − mean) / (std + ε) as a new array.</summary>
    /// <param name="advantages">The batch Â; not empty, finite.</param>
    /// <param name="epsilon">ε &gt; 0 added to the standard deviation.</param>
    /// <returns>The normalised advantages.</returns>
    public static double[] Normalize(ReadOnlySpan<double> advantages, double epsilon = 1e-8)
    {
        var result = new double[advantages.Length];
        NormalizeInto(advantages, epsilon, result);
        return result;
    }

    /// <inheritdoc cref="Normalize"/>
    /// <summary>Writes (Âₜ − mean) / (std + ε) into <paramref name="destination"/> (may be the same memory as the input); no allocation.</summary>
    public static void NormalizeInto(ReadOnlySpan<double> advantages, double epsilon, Span<double> destination)
    {
        Guard.NotEmpty(advantages.Length, nameof(advantages));
        Guard.AllFinite(advantages);
        Guard.Positive(epsilon);
        Guard.DestinationLength(advantages.Length, destination.Length, nameof(destination));

        if (!advantages.ContainsAnyExcept(advantages[0]))
        {
            destination[..advantages.Length].Clear(); // all equal: exact zeros, not rounding noise divided by ε
            return;
        }

        double mean = 0.0;
        foreach (double x in advantages)
        {
            mean += x;
        }

        mean /= advantages.Length;
        double variance = 0.0;
        foreach (double x in advantages)
        {
            variance += (x - mean) * (x - mean);
        }

        double std = Math.Sqrt(variance / advantages.Length);
        for (int t = 0; t < advantages.Length; t++)
        {
            destination[t] = (advantages[t] - mean) / (std + epsilon);
        }

        if (!Guard.IsAllFinite(destination[..advantages.Length]))
        {
            throw Guard.Overflow("(Âₜ − mean) / (std + ε)", nameof(advantages));
        }
    }
}
