using RlNotebooks.Validation;

namespace RlNotebooks.Surrogates;

/// <summary>PPO diagnostic: the fraction of samples whose probability ratio lies outside the clip interval.</summary>
public static class ClipFraction
{
    /// <summary>
    /// Fraction of samples t with |rₜ(θ) − 1| &gt; ε (strictly), rₜ(θ) = exp(log π_θ(aₜ|sₜ) − log π_θold(aₜ|sₜ)),
    /// the convention of OpenAI baselines' <c>clipfrac</c>. It counts every ratio outside [1 − ε, 1 + ε] whatever the sign
    /// of Âₜ, so it is an upper bound on the fraction of samples whose gradient is actually zeroed by L^CLIP.
    /// </summary>
    public static double Compute(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs, double epsilon)
    {
        SurrogateInputs.CheckLengths(newLogProbs, oldLogProbs, oldLogProbs.Length, nameof(oldLogProbs));
        Guard.UnitInterval(epsilon);
        int clipped = 0;
        for (int t = 0; t < newLogProbs.Length; t++)
        {
            if (Math.Abs(SurrogateInputs.Ratio(newLogProbs, oldLogProbs, t) - 1.0) > epsilon)
            {
                clipped++;
            }
        }

        return (double)clipped / newLogProbs.Length;
    }
}
