using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Distributions;

/// <summary>
/// The distribution of the action an environment executes when a diagonal Gaussian's sample a ~ N(μ, diag σ²) is clipped to a
/// box [low, high]: ã = clip(a, low, high). Inside the box it has the Gaussian's density; each bound carries the probability
/// mass beyond it. Its likelihood gives the clipped-action policy gradient (Fujita &amp; Maeda 2018, "Clipped Action Policy
/// Gradient"): unbiased like the Gaussian's, with lower variance, and a sample beyond a bound no longer pushes μ further out,
/// where every action executes alike and the advantage carries no signal about μ.
/// </summary>
public static class ClippedGaussianDistribution
{
    private const double HalfLogTwoPi = 0.91893853320467274178;

    /// <summary>The smallest tail mass whose log is taken (keeps log Φ and its gradient finite far in a tail).</summary>
    private const double TinyMass = 1e-30;

    /// <summary>
    /// log p(ã) = Σ_i ℓ_i per row with, for Φ the standard normal CDF and zᵢ = (aᵢ − μᵢ)/σᵢ,
    /// <code>
    /// ℓ_i = log Φ((lowᵢ − μᵢ)/σᵢ)           if aᵢ ≤ lowᵢ    (the mass clipped to the lower bound)
    /// ℓ_i = log Φ((μᵢ − highᵢ)/σᵢ)          if aᵢ ≥ highᵢ   (the mass clipped to the upper bound)
    /// ℓ_i = −½zᵢ² − log σᵢ − ½ log 2π      otherwise        (the Gaussian density)
    /// </code>
    /// Returns [N]. Since clipping is a function of a, D_KL of the clipped distributions never exceeds the Gaussians' D_KL.
    /// </summary>
    /// <param name="x">The unclipped samples a, [N, d].</param>
    /// <param name="mean">μ, [N, d].</param>
    /// <param name="logStd">log σ, broadcastable to [N, d].</param>
    /// <param name="low">The box's lower bounds, [d].</param>
    /// <param name="high">The box's upper bounds, [d].</param>
    public static Tensor LogProb(Tensor x, Tensor mean, Tensor logStd, Tensor low, Tensor high)
    {
        Shapes.Rows(mean, nameof(mean), -1, nameof(mean));
        if (!x.shape.SequenceEqual(mean.shape) || low.numel() != mean.shape[1] || high.numel() != mean.shape[1])
        {
            throw new ArgumentException($"{nameof(x)} {Shapes.Describe(x)}, {nameof(low)} {Shapes.Describe(low)} and {nameof(high)} "
                + $"{Shapes.Describe(high)} must match {nameof(mean)} {Shapes.Describe(mean)} ([N, d], [d], [d]).", nameof(x));
        }

        using var scope = NewDisposeScope();
        Tensor inverseStd = (-logStd).exp();
        Tensor z = (x - mean) * inverseStd;
        Tensor density = (z * z * mean.Constant(0.5)).Plus(logStd).Plus(mean.Constant(HalfLogTwoPi)).neg();
        Tensor tiny = mean.Constant(TinyMass);
        Tensor below = maximum(special.ndtr((low - mean) * inverseStd), tiny).log();
        Tensor above = maximum(special.ndtr((mean - high) * inverseStd), tiny).log();
        Tensor perDimension = where(x <= low, below, where(x >= high, above, density));
        return perDimension.sum(1).MoveToOuterDisposeScope();
    }
}
