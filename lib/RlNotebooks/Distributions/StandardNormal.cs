namespace RlNotebooks.Distributions;

/// <summary>Standard normal draws ξ ~ N(0, 1) by the Box–Muller transform, fully determined by the given <see cref="Random"/>.</summary>
public static class StandardNormal
{
    /// <summary>One draw z = √(−2 ln u₁) cos(2π u₂), u₁ ∈ (0, 1], u₂ ∈ [0, 1) (two <see cref="Random.NextDouble"/> calls; the sine half is discarded).</summary>
    public static double Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        (double radius, double angle) = Polar(random);
        return radius * Math.Cos(angle);
    }

    /// <summary>Fills <paramref name="destination"/> with independent N(0, 1) draws (two per pair of uniforms); no allocation.</summary>
    public static void FillInto(Random random, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int i = 0; i < destination.Length; i += 2)
        {
            (double radius, double angle) = Polar(random);
            destination[i] = radius * Math.Cos(angle);
            if (i + 1 < destination.Length)
            {
                destination[i + 1] = radius * Math.Sin(angle);
            }
        }
    }

    /// <summary>Box–Muller polar coordinates (√(−2 ln u₁), 2π u₂) from u₁ = 1 − U, u₂ = U′ drawn in that order.</summary>
    private static (double Radius, double Angle) Polar(Random random)
    {
        double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
        double angle = 2.0 * Math.PI * random.NextDouble();
        return (radius, angle);
    }
}
