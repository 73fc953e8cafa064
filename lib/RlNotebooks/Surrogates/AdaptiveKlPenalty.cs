using RlNotebooks.Validation;

namespace RlNotebooks.Surrogates;

/// <summary>The adaptive KL-penalty coefficient rule of the PPO paper (Schulman et al. 2017, §4).</summary>
public static class AdaptiveKlPenalty
{
    /// <summary>
    /// Next β from the KL d = Êₜ[D_KL(π_θold ‖ π_θ)] observed after a policy update:
    /// β × 2 if d &gt; 1.5 · d_targ; β / 2 if d &lt; d_targ / 1.5; otherwise β unchanged (both comparisons strict).
    /// </summary>
    /// <param name="beta">Current β &gt; 0.</param>
    /// <param name="observedKl">Observed d (finite; an estimate such as k1 may be slightly negative).</param>
    /// <param name="targetKl">Target d_targ &gt; 0.</param>
    public static double NextBeta(double beta, double observedKl, double targetKl)
    {
        Guard.Positive(beta);
        Guard.Finite(observedKl);
        Guard.Positive(targetKl);
        if (observedKl > 1.5 * targetKl)
        {
            return double.IsFinite(2.0 * beta) ? 2.0 * beta : throw Guard.Overflow("2β", nameof(beta));
        }

        return observedKl < targetKl / 1.5 ? beta / 2.0 : beta;
    }
}
