using RlNotebooks.Validation;

namespace RlNotebooks.OffPolicy;

/// <summary>Temperature loss J and its derivative with respect to log α.</summary>
/// <param name="Loss">J(α) = −α · mean(log π(aᵢ|sᵢ) + H̄).</param>
/// <param name="GradientLogAlpha">∂J/∂log α = −α · mean(log π + H̄) (= J, since ∂α/∂log α = α).</param>
/// <param name="Alpha">α = exp(log α).</param>
public readonly record struct TemperatureLoss(double Loss, double GradientLogAlpha, double Alpha);

/// <summary>
/// Automatic entropy tuning for SAC (Haarnoja et al. 2018, "Soft Actor-Critic Algorithms and Applications", Eq. 18):
/// <code>J(α) = E_{a~π}[ −α (log π(a|s) + H̄) ],   α = exp(log α),   H̄ = −dim(A) by default</code>
/// Optimising log α keeps α &gt; 0. When the policy's entropy −E[log π] is below the target H̄, mean(log π + H̄) &gt; 0, the
/// gradient is negative, and gradient descent on log α raises α (more exploration pressure), and vice versa.
/// The log π values come from actions freshly sampled from the current policy and are treated as constants.
/// Note: several libraries (Spinning Up-style and SB3) minimise −log α · mean(log π + H̄) instead; its gradient
/// −mean(log π + H̄) has the same sign and differs only by the positive factor α.
/// </summary>
public static class SacTemperature
{
    /// <summary>The default target entropy H̄ = −dim(A) for a continuous action space of <paramref name="actionDimension"/> dimensions.</summary>
    /// <param name="actionDimension">dim(A) ≥ 1.</param>
    public static double DefaultTargetEntropy(int actionDimension)
    {
        Guard.AtLeast(actionDimension, 1);
        return -actionDimension;
    }

    /// <summary>Computes J(α) and ∂J/∂log α over a batch of log π(aᵢ|sᵢ); see the class remarks.</summary>
    /// <param name="logAlpha">log α (finite; α = exp(log α) must not overflow).</param>
    /// <param name="logProbs">log π(aᵢ|sᵢ) for freshly sampled aᵢ, non-empty and finite.</param>
    /// <param name="targetEntropy">H̄ (finite), e.g. <see cref="DefaultTargetEntropy"/>.</param>
    public static TemperatureLoss Loss(double logAlpha, ReadOnlySpan<double> logProbs, double targetEntropy)
    {
        Guard.Finite(logAlpha);
        Guard.NotEmpty(logProbs.Length, nameof(logProbs));
        Guard.AllFinite(logProbs);
        Guard.Finite(targetEntropy);
        double alpha = Math.Exp(logAlpha);
        if (!double.IsFinite(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(logAlpha), logAlpha, $"{nameof(logAlpha)} = {logAlpha} makes α = exp(log α) overflow.");
        }

        double mean = 0.0;
        for (int i = 0; i < logProbs.Length; i++)
        {
            mean += (logProbs[i] + targetEntropy - mean) / (i + 1);
        }

        double loss = -alpha * mean;
        if (!double.IsFinite(loss))
        {
            throw new ArgumentOutOfRangeException(nameof(logAlpha), logAlpha, $"J = −α·mean(log π + H̄) overflows for {nameof(logAlpha)} = {logAlpha}.");
        }

        return new TemperatureLoss(loss, loss, alpha);
    }
}
