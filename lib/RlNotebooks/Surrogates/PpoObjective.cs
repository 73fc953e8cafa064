using RlNotebooks.Validation;

namespace RlNotebooks.Surrogates;

/// <summary>All terms of the combined PPO objective L^{CLIP+VF+S} = L^CLIP − c₁ L^VF + c₂ S.</summary>
/// <param name="ClippedSurrogate">L^CLIP (to be maximised).</param>
/// <param name="ValueLoss">L^VF (to be minimised).</param>
/// <param name="Entropy">Entropy bonus S (mean entropy).</param>
/// <param name="Total">L^{CLIP+VF+S}, to be maximised; an optimiser minimises −Total.</param>
public sealed record PpoObjectiveTerms(double ClippedSurrogate, double ValueLoss, double Entropy, double Total);

/// <summary>Combined PPO objective L^{CLIP+VF+S}(θ) = Êₜ[L^CLIP_t(θ) − c₁ L^VF_t(θ) + c₂ S[π_θ](sₜ)] (Schulman et al. 2017, eq. 9).</summary>
public static class PpoObjective
{
    /// <summary>Combined objective with the unclipped value loss ½(V − V^targ)².</summary>
    /// <param name="newLogProbs">log π_θ(aₜ|sₜ).</param>
    /// <param name="oldLogProbs">log π_θold(aₜ|sₜ).</param>
    /// <param name="advantages">Âₜ.</param>
    /// <param name="epsilon">Policy clip range ε ∈ [0, 1].</param>
    /// <param name="values">V(sₜ).</param>
    /// <param name="targets">V^targ_t.</param>
    /// <param name="entropies">H(π_θ(·|sₜ)) per sample.</param>
    /// <param name="valueCoefficient">c₁ ≥ 0 (0.5 in baselines, 1 in the paper's Atari runs).</param>
    /// <param name="entropyCoefficient">c₂ ≥ 0 (0.01 in the paper's Atari runs).</param>
    public static PpoObjectiveTerms Evaluate(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs,
        ReadOnlySpan<double> advantages, double epsilon, ReadOnlySpan<double> values, ReadOnlySpan<double> targets,
        ReadOnlySpan<double> entropies, double valueCoefficient, double entropyCoefficient)
    {
        Guard.SameLength(newLogProbs.Length, values.Length, nameof(values), nameof(newLogProbs));
        return Combine(ClippedSurrogate.Value(newLogProbs, oldLogProbs, advantages, epsilon), ValueLoss.Unclipped(values, targets),
            entropies, newLogProbs.Length, valueCoefficient, entropyCoefficient);
    }

    /// <summary>Combined objective with the clipped value loss of baselines PPO2 (clip range <paramref name="valueClipRange"/> around V_old).</summary>
    public static PpoObjectiveTerms Evaluate(ReadOnlySpan<double> newLogProbs, ReadOnlySpan<double> oldLogProbs,
        ReadOnlySpan<double> advantages, double epsilon, ReadOnlySpan<double> values, ReadOnlySpan<double> oldValues,
        ReadOnlySpan<double> targets, double valueClipRange, ReadOnlySpan<double> entropies, double valueCoefficient, double entropyCoefficient)
    {
        Guard.SameLength(newLogProbs.Length, values.Length, nameof(values), nameof(newLogProbs));
        return Combine(ClippedSurrogate.Value(newLogProbs, oldLogProbs, advantages, epsilon),
            ValueLoss.Clipped(values, oldValues, targets, valueClipRange), entropies, newLogProbs.Length, valueCoefficient, entropyCoefficient);
    }

    private static PpoObjectiveTerms Combine(double clip, double valueLoss, ReadOnlySpan<double> entropies, int count,
        double valueCoefficient, double entropyCoefficient)
    {
        Guard.SameLength(count, entropies.Length, nameof(entropies), "newLogProbs");
        Guard.NonNegative(valueCoefficient);
        Guard.NonNegative(entropyCoefficient);
        double entropy = EntropyBonus.Mean(entropies);
        double total = clip - valueCoefficient * valueLoss + entropyCoefficient * entropy;
        return double.IsFinite(total)
            ? new PpoObjectiveTerms(clip, valueLoss, entropy, total)
            : throw Guard.Overflow("L^CLIP − c₁L^VF + c₂S", nameof(valueCoefficient));
    }
}
