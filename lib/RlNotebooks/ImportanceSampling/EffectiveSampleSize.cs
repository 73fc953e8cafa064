using RlNotebooks.Validation;

namespace RlNotebooks.ImportanceSampling;

/// <summary>Kish's effective sample size of importance weights: ESS = (Σᵢ wᵢ)² / Σᵢ wᵢ².</summary>
public static class EffectiveSampleSize
{
    /// <summary>
    /// ESS = (Σᵢ wᵢ)² / Σᵢ wᵢ² ∈ [1, n]: n for equal weights, 1 when a single weight carries everything.
    /// Weights are rescaled by their maximum first (ESS is scale-invariant), so huge weights cannot overflow.
    /// </summary>
    /// <param name="weights">Importance weights wᵢ ≥ 0, at least one &gt; 0.</param>
    public static double Compute(ReadOnlySpan<double> weights)
    {
        Guard.NotEmpty(weights.Length, nameof(weights));
        WeightChecks.NonNegativeFinite(weights, nameof(weights));
        double max = 0.0;
        for (int i = 0; i < weights.Length; i++)
        {
            max = Math.Max(max, weights[i]);
        }

        if (max == 0.0)
        {
            throw new ArgumentException("weights are all 0; the effective sample size is undefined.", nameof(weights));
        }

        double sum = 0.0, sumOfSquares = 0.0;
        for (int i = 0; i < weights.Length; i++)
        {
            double w = weights[i] / max;
            sum += w;
            sumOfSquares += w * w;
        }

        return Math.Clamp(sum * sum / sumOfSquares, 1.0, weights.Length);
    }
}
