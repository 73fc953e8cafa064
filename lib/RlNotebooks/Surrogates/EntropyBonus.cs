using RlNotebooks.Validation;

namespace RlNotebooks.Surrogates;

/// <summary>Entropy bonus S[π_θ] of PPO (Schulman et al. 2017, eq. 9): the mean policy entropy over the batch states.</summary>
public static class EntropyBonus
{
    /// <summary>S = (1/n) Σₜ H(π_θ(·|sₜ)), e.g. from Categorical.Entropy or DiagonalGaussian.Entropy per state.</summary>
    public static double Mean(ReadOnlySpan<double> entropies)
    {
        Guard.NotEmpty(entropies.Length, nameof(entropies));
        Guard.AllFinite(entropies);
        double sum = 0.0;
        foreach (double h in entropies)
        {
            sum += h;
        }

        return SurrogateInputs.CheckedMean(sum, entropies.Length, nameof(entropies));
    }
}
