using RlNotebooks.Validation;

namespace RlNotebooks.Surrogates;

/// <summary>Value of L^VF and its gradient ∂L^VF/∂V(sₜ) for every sample t.</summary>
/// <param name="Value">L^VF.</param>
/// <param name="Gradient">Gradient with respect to each prediction V(sₜ).</param>
public sealed record ValueLossResult(double Value, double[] Gradient);

/// <summary>
/// Critic loss of PPO, to be minimised. Unclipped: L^VF = (1/n) Σₜ ½ (V(sₜ) − V^targ_t)².
/// Clipped (OpenAI baselines PPO2): V^clip_t = V_old(sₜ) + clip(V(sₜ) − V_old(sₜ), −ε_v, ε_v) and
/// L^VF = (1/n) Σₜ ½ max((V(sₜ) − V^targ_t)², (V^clip_t − V^targ_t)²).
/// </summary>
/// <remarks>
/// Gradient: (V(sₜ) − V^targ_t)/n when the unclipped square is the maximum; 0 when the clipped square is strictly larger
/// (then V^clip_t sits at a clip bound and does not move with V). Ties take the unclipped branch.
/// </remarks>
public static class ValueLoss
{
    /// <summary>Unclipped L^VF = (1/n) Σₜ ½ (V(sₜ) − V^targ_t)².</summary>
    public static double Unclipped(ReadOnlySpan<double> values, ReadOnlySpan<double> targets) =>
        Evaluate(values, ReadOnlySpan<double>.Empty, targets, double.PositiveInfinity, Span<double>.Empty);

    /// <summary>Unclipped L^VF and its gradient with respect to V(sₜ), in a new record.</summary>
    public static ValueLossResult UnclippedWithGradient(ReadOnlySpan<double> values, ReadOnlySpan<double> targets)
    {
        var gradient = new double[values.Length];
        return new ValueLossResult(UnclippedWithGradientInto(values, targets, gradient), gradient);
    }

    /// <inheritdoc cref="UnclippedWithGradient"/>
    /// <summary>Returns unclipped L^VF and writes ∂L^VF/∂V(sₜ) = (V(sₜ) − V^targ_t)/n into <paramref name="gradient"/>.</summary>
    public static double UnclippedWithGradientInto(ReadOnlySpan<double> values, ReadOnlySpan<double> targets, Span<double> gradient)
    {
        Guard.SameLength(values.Length, gradient.Length, nameof(gradient), nameof(values));
        return Evaluate(values, ReadOnlySpan<double>.Empty, targets, double.PositiveInfinity, gradient);
    }

    /// <summary>Clipped L^VF (baselines PPO2) with clip range ε_v &gt; 0 in value units.</summary>
    /// <param name="values">New predictions V(sₜ).</param>
    /// <param name="oldValues">Predictions V_old(sₜ) of the critic that collected the data.</param>
    /// <param name="targets">Targets V^targ_t (e.g. GAE returns Âₜ + V_old(sₜ)).</param>
    /// <param name="clipRange">ε_v &gt; 0.</param>
    public static double Clipped(ReadOnlySpan<double> values, ReadOnlySpan<double> oldValues, ReadOnlySpan<double> targets, double clipRange)
    {
        CheckOld(values, oldValues, clipRange);
        return Evaluate(values, oldValues, targets, clipRange, Span<double>.Empty);
    }

    /// <summary>Clipped L^VF and its gradient with respect to V(sₜ), in a new record.</summary>
    public static ValueLossResult ClippedWithGradient(ReadOnlySpan<double> values, ReadOnlySpan<double> oldValues,
        ReadOnlySpan<double> targets, double clipRange)
    {
        var gradient = new double[values.Length];
        return new ValueLossResult(ClippedWithGradientInto(values, oldValues, targets, clipRange, gradient), gradient);
    }

    /// <inheritdoc cref="ClippedWithGradient"/>
    /// <summary>Returns clipped L^VF and writes ∂L^VF/∂V(sₜ) into <paramref name="gradient"/>; no allocation.</summary>
    public static double ClippedWithGradientInto(ReadOnlySpan<double> values, ReadOnlySpan<double> oldValues,
        ReadOnlySpan<double> targets, double clipRange, Span<double> gradient)
    {
        CheckOld(values, oldValues, clipRange);
        Guard.SameLength(values.Length, gradient.Length, nameof(gradient), nameof(values));
        return Evaluate(values, oldValues, targets, clipRange, gradient);
    }

    private static void CheckOld(ReadOnlySpan<double> values, ReadOnlySpan<double> oldValues, double clipRange)
    {
        Guard.Positive(clipRange);
        Guard.SameLength(values.Length, oldValues.Length, nameof(oldValues), nameof(values));
        Guard.AllFinite(oldValues);
    }

    private static double Evaluate(ReadOnlySpan<double> values, ReadOnlySpan<double> oldValues, ReadOnlySpan<double> targets,
        double clipRange, Span<double> gradient)
    {
        Guard.NotEmpty(values.Length, nameof(values));
        Guard.SameLength(values.Length, targets.Length, nameof(targets), nameof(values));
        Guard.AllFinite(values);
        Guard.AllFinite(targets);
        bool clip = !oldValues.IsEmpty, withGradient = !gradient.IsEmpty;
        double inverseN = 1.0 / values.Length, sum = 0.0;
        for (int t = 0; t < values.Length; t++)
        {
            double error = values[t] - targets[t];
            double squared = error * error;
            bool unclippedIsMax = true;
            if (clip)
            {
                double clippedError = oldValues[t] + Math.Clamp(values[t] - oldValues[t], -clipRange, clipRange) - targets[t];
                double clippedSquared = clippedError * clippedError;
                unclippedIsMax = squared >= clippedSquared;
                squared = Math.Max(squared, clippedSquared);
            }

            sum += 0.5 * squared;
            if (withGradient)
            {
                gradient[t] = unclippedIsMax ? error * inverseN : 0.0;
            }
        }

        return double.IsFinite(sum)
            ? sum * inverseN
            : throw Guard.Overflow("Σ (V − V^targ)²", nameof(values));
    }
}
