namespace RlNotebooks.ImportanceSampling;

/// <summary>The importance-sampling family's own argument check.</summary>
internal static class WeightChecks
{
    /// <summary>Throws unless every importance weight is finite and ≥ 0; names the first bad index.</summary>
    public static void NonNegativeFinite(ReadOnlySpan<double> weights, string paramName)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            if (!(weights[i] >= 0.0 && double.IsFinite(weights[i])))
            {
                throw new ArgumentException($"{paramName}[{i}] must be a finite weight ≥ 0 but was {weights[i]}.", paramName);
            }
        }
    }
}
