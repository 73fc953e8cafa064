using RlNotebooks.Validation;

namespace RlNotebooks.Surrogates;

/// <summary>
/// KL-penalised surrogate of the PPO paper (Schulman et al. 2017, eq. 8), to be maximised:
/// L^KLPEN(θ) = Êₜ[rₜ(θ) Âₜ] − β · D_KL(π_θold ‖ π_θ).
/// </summary>
public static class KlPenalizedSurrogate
{
    /// <summary>L^KLPEN = (1/n) Σₜ rₜ(θ) Âₜ − β · <paramref name="klDivergence"/>.</summary>
    /// <param name="newLogProbs">log π_θ(aₜ|sₜ).</param>
    /// <param name="oldLogProbs">log π_θold(aₜ|sₜ).</param>
    /// <param name="advantages">Âₜ.</param>
    /// <param name="beta">Penalty coefficient β ≥ 0 (see <see cref="AdaptiveKlPenalty.NextBeta"/>).</param>
    /// <param name="klDivergence">
    /// Mean D_KL(π_θold ‖ π_θ) over the batch states: exact (e.g. the mean of Categorical.KlDivergence(logitsOld, logitsNew))
    /// or estimated from the samples with <see cref="KlEstimators.K3"/>.
    /// </param>
    public static double Value(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs, ReadOnlySpan<double> advantages,
        double beta, double klDivergence)
    {
        Guard.NonNegative(beta);
        Guard.Finite(klDivergence);
        double value = CpiSurrogate.Value(newLogProbs, oldLogProbs, advantages) - beta * klDivergence;
        return double.IsFinite(value)
            ? value
            : throw Guard.Overflow("mean(rₜÂₜ) − β·KL", nameof(beta));
    }
}
