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
        double sum = 0.0;
        for (int t = 0; t < newLogProbs.Length; t++)
        {
            SurrogateInputs.CheckFinite(advantages[t], t, nameof(advantages));
            sum += SurrogateInputs.Ratio(newLogProbs, oldLogProbs, t) * advantages[t];
        }

        return SurrogateInputs.CheckedMean(sum, newLogProbs.Length, nameof(advantages));
    }
}
