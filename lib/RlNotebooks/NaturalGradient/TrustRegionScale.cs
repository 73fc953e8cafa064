using RlNotebooks.Validation;

namespace RlNotebooks.NaturalGradient;

/// <summary>
/// Largest step along a natural-gradient direction x ≈ F⁻¹g that stays on the quadratic trust-region boundary
/// ½ (αx)ᵀ F (αx) = δ, i.e. α = √(2δ / xᵀFx) (Schulman et al. 2015, "Trust Region Policy Optimization", Appendix C;
/// Spinning Up TRPO: θₖ₊₁ = θₖ + √(2δ / xᵀHx) x).
/// </summary>
public static class TrustRegionScale
{
    /// <summary>Returns α = √(2δ / xᵀ(Fx)) given x and its product Fx.</summary>
    /// <param name="x">The search direction x.</param>
    /// <param name="fx">F x (same length as x).</param>
    /// <param name="maxKl">The trust-region radius δ &gt; 0 (a KL bound).</param>
    /// <exception cref="ArgumentException">ParamName "fx" when xᵀFx ≤ 0 (x = 0 or F not positive definite along x).</exception>
    public static double StepScale(ReadOnlySpan<double> x, ReadOnlySpan<double> fx, double maxKl)
    {
        Guard.NotEmpty(x.Length, nameof(x));
        Guard.SameLength(x.Length, fx.Length, nameof(fx), nameof(x));
        Guard.AllFinite(x);
        Guard.AllFinite(fx);
        Guard.Positive(maxKl);
        return Scale(x, fx, maxKl, nameof(fx));
    }

    /// <summary>α = √(2δ / xᵀFx) of validated inputs; errors name <paramref name="operatorName"/> as the source of Fx.</summary>
    internal static double Scale(ReadOnlySpan<double> x, ReadOnlySpan<double> fx, double maxKl, string operatorName)
    {
        double xFx = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            xFx += x[i] * fx[i];
        }

        if (!(xFx > 0.0))
        {
            throw new ArgumentException(
                $"xᵀFx = {xFx} must be > 0 for α = √(2δ / xᵀFx): x is zero or F is not positive definite along x (add damping).",
                operatorName);
        }

        double alpha = Math.Sqrt(2.0 * maxKl / xFx);
        if (!double.IsFinite(alpha))
        {
            throw new ArgumentException($"xᵀFx = {xFx} is too small: α = √(2δ / xᵀFx) overflows.", operatorName);
        }

        return alpha;
    }

    /// <summary>Returns α = √(2δ / xᵀFx), computing Fx with <paramref name="matVec"/> (one temporary array).</summary>
    /// <param name="x">The search direction x.</param>
    /// <param name="matVec">Writes F v.</param>
    /// <param name="maxKl">The trust-region radius δ &gt; 0.</param>
    public static double StepScale(ReadOnlySpan<double> x, MatVec matVec, double maxKl)
    {
        ArgumentNullException.ThrowIfNull(matVec);
        Guard.NotEmpty(x.Length, nameof(x));
        var fx = new double[x.Length];
        matVec(x, fx);
        return StepScale(x, fx, maxKl);
    }
}
