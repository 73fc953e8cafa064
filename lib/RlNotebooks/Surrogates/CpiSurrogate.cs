namespace RlNotebooks.Surrogates;

/// <summary>
/// Conservative-policy-iteration surrogate L^CPI(θ) = Êₜ[rₜ(θ) Âₜ] with rₜ(θ) = π_θ(aₜ|sₜ)/π_θold(aₜ|sₜ)
/// (Kakade &amp; Langford 2002; PPO paper, Schulman et al. 2017, eq. 6). To be maximised.
/// </summary>
public static class CpiSurrogate
{
    /// <summary>L^CPI = (1/n) Σₜ exp(log π_θ(aₜ|sₜ) − log π_θold(aₜ|sₜ)) Âₜ.</summary>
    /// <param name="newLogProbs">log π_θ(aₜ|sₜ) under the policy being optimised.</param>
    /// <param name="oldLogProbs">log π_θold(aₜ|sₜ) under the policy that collected the data.</param>
    /// <param name="advantages">Advantage estimates Âₜ.</param>
    public static double Value(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs, ReadOnlySpan<double> advantages)
    {
        SurrogateInputs.CheckLengths(newLogProbs, oldLogProbs, advantages.Length, nameof(advantages));
        // clip(rₜ, 0, +∞) = rₜ because rₜ ≥ 0, so the pessimistic min of L^CLIP reduces to rₜ Âₜ: L^CPI is L^CLIP without the clip.
        return SurrogateInputs.PessimisticMean(newLogProbs, oldLogProbs, advantages, 0.0, double.PositiveInfinity, Span<double>.Empty);
    }
}
