namespace RlNotebooks.Distributions;

/// <summary>The weight of each index of a discrete distribution, as seen by <see cref="InverseCdf.Sample{TWeights}"/>.</summary>
/// <remarks>Implemented by structs so the sampling loop is specialised per distribution, with no delegate or virtual call per index.</remarks>
internal interface IDiscreteWeights
{
    /// <summary>The number of indices.</summary>
    int Count { get; }

    /// <summary>The (possibly unnormalised) weight w_i ≥ 0 of index i; may throw for an invalid entry.</summary>
    double Weight(int index);
}

/// <summary>Inverse-CDF sampling from a discrete distribution with one uniform draw: the one loop every discrete sampler uses.</summary>
internal static class InverseCdf
{
    /// <summary>
    /// The first index i with w₀ + … + wᵢ &gt; <paramref name="u"/> (u ∈ [0, Σw), scaled by the caller for unnormalised weights);
    /// only positive weights can be chosen. If rounding leaves u at or above the accumulated total, returns the last index with
    /// positive weight; returns −1 when no weight is positive. Weights are read once each, in order, up to the chosen index.
    /// </summary>
    internal static int Sample<TWeights>(TWeights weights, double u)
        where TWeights : struct, IDiscreteWeights, allows ref struct
    {
        double cumulative = 0.0;
        int lastPositive = -1;
        for (int i = 0; i < weights.Count; i++)
        {
            double w = weights.Weight(i);
            if (w > 0.0)
            {
                lastPositive = i;
                cumulative += w;
                if (u < cumulative)
                {
                    return i;
                }
            }
        }

        return lastPositive;
    }
}
