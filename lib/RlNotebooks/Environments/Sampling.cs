namespace RlNotebooks.Environments;

/// <summary>
/// The draws the environments make, always from a caller-owned <see cref="Random"/>. Thin forwarders kept for existing callers:
/// the sampling primitives live in <see cref="Distributions"/>.
/// </summary>
public static class Sampling
{
    /// <summary>
    /// Index i ~ Categorical(p): the first i with p₀ + … + pᵢ &gt; u, u ~ U[0, 1) (Gymnasium's <c>categorical_sample</c>).
    /// Entries listed twice simply add up. Falls back to the last positive entry if rounding leaves u above the total.
    /// Same as <see cref="Distributions.Categorical.SampleFromProbabilities"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="probabilities"/> is empty or has a negative/non-finite entry.</exception>
    public static int Categorical(ReadOnlySpan<double> probabilities, Random random) =>
        Distributions.Categorical.SampleFromProbabilities(probabilities, random);

    /// <summary>
    /// z ~ 𝒩(0, 1) by the Box–Muller transform: z = √(−2 ln u₁) cos(2π u₂), u₁ ∈ (0, 1], u₂ ∈ [0, 1).
    /// Same as <see cref="Distributions.StandardNormal.Sample"/>.
    /// </summary>
    public static double StandardNormal(Random random) => Distributions.StandardNormal.Sample(random);
}
