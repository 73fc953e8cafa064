namespace RlNotebooks.Distributions;

/// <summary>Standard normal draws ξ ~ N(0, 1) by the Box–Muller transform, fully determined by the given <see cref="Random"/>.</summary>
public static class StandardNormal
{
    /// <summary>Fills <paramref name="destination"/> with independent N(0, 1) draws (two per pair of uniforms); no allocation.</summary>
    public static void FillInto(Random random, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int i = 0; i < destination.Length; i += 2)
        {
            double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            double angle = 2.0 * Math.PI * random.NextDouble();
            destination[i] = radius * Math.Cos(angle);
            if (i + 1 < destination.Length)
            {
                destination[i + 1] = radius * Math.Sin(angle);
            }
        }
    }
}
