using RlNotebooks.Validation;

namespace RlNotebooks.ImportanceSampling;

/// <summary>Kish's effective sample size of importance weights: ESS = (Σᵢ wᵢ)² / Σᵢ wᵢ².</summary>
public static class EffectiveSampleSize
{
    /// <summary>
    /// ESS = (Σᵢ wᵢ)² / Σᵢ wᵢ² ∈ [1, n]: n for equal weights, 1 when a single weight carries everything.
    /// </summary>
    /// <param name="weights">Importance weights wᵢ ≥ 0, at least one &gt; 0.</param>
    public static double Compute(ReadOnlySpan<double> weights)
    {
        Guard.NotEmpty(weights.Length, nameof(weights));
        WeightChecks.NonNegativeFinite(weights, nameof(weights));
        double sum = 0.0, sumOfSquares = 0.0;
        foreach (double w in weights)
        {
            sum += w;
            sumOfSquares += w * w;
        }

        if (sum == 0.0)
        {
            throw new ArgumentException("weights are all 0; the effective sample size is undefined.", nameof(weights));
        }

        double ess = sum * sum / sumOfSquares;
        return double.IsFinite(ess) ? Math.Clamp(ess, 1.0, weights.Length) : throw Guard.Overflow("(Σᵢ wᵢ)² / Σᵢ wᵢ²", nameof(weights));
    }
}
