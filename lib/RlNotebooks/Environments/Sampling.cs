using RlNotebooks.Validation;

namespace RlNotebooks.Environments;

/// <summary>Draws from the elementary distributions the environments need, always from a caller-owned <see cref="Random"/>.</summary>
public static class Sampling
{
    /// <summary>
    /// Index i ~ Categorical(p): the first i with p₀ + … + pᵢ &gt; u, u ~ U[0, 1) (Gymnasium's <c>categorical_sample</c>).
    /// Entries listed twice simply add up. Falls back to the last positive entry if rounding leaves u above the total.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="probabilities"/> is empty or has a negative/non-finite entry.</exception>
    public static int Categorical(ReadOnlySpan<double> probabilities, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Guard.NotEmpty(probabilities.Length, nameof(probabilities));
        double u = random.NextDouble(), cumulative = 0.0;
        int lastPositive = -1;
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = probabilities[i];
            if (!(p >= 0.0 && double.IsFinite(p)))
            {
                throw new ArgumentException($"probabilities[{i}] must be a finite probability ≥ 0 but was {p}.", nameof(probabilities));
            }

            if (p > 0.0)
            {
                lastPositive = i;
            }

            cumulative += p;
            if (cumulative > u)
            {
                return i;
            }
        }

        if (lastPositive < 0)
        {
            throw new ArgumentException("probabilities must contain a positive entry.", nameof(probabilities));
        }

        return lastPositive;
    }

    /// <summary>z ~ 𝒩(0, 1) by the Box–Muller transform: z = √(−2 ln u₁) cos(2π u₂), u₁ ∈ (0, 1], u₂ ∈ [0, 1).</summary>
    public static double StandardNormal(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
