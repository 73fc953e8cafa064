using RlNotebooks.Validation;

namespace RlNotebooks.Baselines;

/// <summary>
/// The variance-minimising constant baseline for each gradient component of the likelihood-ratio estimator
/// ĝ_k = g_k (R − b_k): b_k = E[g_k² R] / E[g_k²], with g = Σₜ ∇θ log π(aₜ|sₜ) the per-episode score sum
/// (Greensmith, Bartlett &amp; Baxter 2004, "Variance reduction techniques for gradient estimates in RL"; Peters &amp; Schaal 2008, "Reinforcement learning of motor skills with policy gradients").
/// If E[g_k²] = 0 (the component's score is zero in every episode, so ĝ_k = 0 for any b_k), b_k is set to the mean return.
/// </summary>
public static class VarianceOptimalBaseline
{
    /// <summary>b_k for every parameter k, estimated from a batch of episodes.</summary>
    /// <param name="scoreSums">g, row-major episodes × parameters: scoreSums[i·P + k] = Σₜ ∂/∂θ_k log π(aₜ|sₜ) in episode i.</param>
    /// <param name="parameterCount">P ≥ 1.</param>
    /// <param name="returns">R(τᵢ), one per episode.</param>
    /// <returns>A new array b of length P.</returns>
    public static double[] Compute(ReadOnlySpan<double> scoreSums, int parameterCount, ReadOnlySpan<double> returns)
    {
        Guard.AtLeast(parameterCount, 1);
        var result = new double[parameterCount];
        ComputeInto(scoreSums, parameterCount, returns, result);
        return result;
    }

    /// <inheritdoc cref="Compute"/>
    /// <summary>Writes b_k into <paramref name="destination"/>; no allocation.</summary>
    public static void ComputeInto(ReadOnlySpan<double> scoreSums, int parameterCount, ReadOnlySpan<double> returns,
        Span<double> destination)
    {
        int episodes = Guard.RowMajor(scoreSums.Length, parameterCount, nameof(scoreSums), nameof(parameterCount));
        Guard.SameLength(episodes, returns.Length, nameof(returns), "rows of " + nameof(scoreSums));
        Guard.AllFinite(scoreSums);
        Guard.AllFinite(returns);
        Guard.DestinationLength(parameterCount, destination.Length, nameof(destination));

        double meanReturn = 0.0;
        foreach (double r in returns)
        {
            meanReturn += r;
        }

        meanReturn /= episodes;
        for (int k = 0; k < parameterCount; k++)
        {
            double weighted = 0.0;
            double weight = 0.0;
            for (int i = 0; i < episodes; i++)
            {
                double g = scoreSums[i * parameterCount + k];
                weight += g * g;
                weighted += g * g * returns[i];
            }

            double b = weight > 0.0 ? weighted / weight : meanReturn;
            destination[k] = double.IsFinite(b) ? b : throw Guard.Overflow($"b[{k}] = Σᵢ gᵢ²Gᵢ / Σᵢ gᵢ²", nameof(scoreSums));
        }
    }
}
