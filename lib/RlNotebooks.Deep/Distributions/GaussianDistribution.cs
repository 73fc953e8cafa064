using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Distributions;

/// <summary>
/// Diagonal Gaussian π(a|s) = N(a; μ(s), diag σ²) with σ = exp(log σ), as tensor functions over means [N, d] and log σ
/// broadcastable to [N, d] (a state-independent log σ is a [d] parameter). The span twin is RlNotebooks.Distributions.DiagonalGaussian.
/// </summary>
public static class GaussianDistribution
{
    private const double HalfLogTwoPi = 0.91893853320467274178;

    /// <summary>log π(x) = Σ_i [−½((x_i − μ_i)/σ_i)² − log σ_i − ½ log 2π] per row; returns [N].</summary>
    public static Tensor LogProb(Tensor x, Tensor mean, Tensor logStd)
    {
        Check(x, nameof(x), mean, nameof(mean), logStd, nameof(logStd));
        using var scope = NewDisposeScope();
        Tensor z = (x - mean) * (-logStd).exp();
        return (-z.Squared() * mean.Constant(0.5) - logStd - mean.Constant(HalfLogTwoPi)).sum(1).MoveToOuterDisposeScope();
    }

    /// <summary>H = Σ_i (log σ_i + ½ log(2πe)) per row (N rows of <paramref name="mean"/>); returns [N].</summary>
    public static Tensor Entropy(Tensor mean, Tensor logStd)
    {
        Check(mean, nameof(mean), mean, nameof(mean), logStd, nameof(logStd));
        using var scope = NewDisposeScope();
        return logStd.Plus(mean.Constant(HalfLogTwoPi + 0.5)).expand_as(mean).sum(1).MoveToOuterDisposeScope();
    }

    /// <summary>D_KL(N₁ ‖ N₂) = Σ_i [log(σ₂ᵢ/σ₁ᵢ) + (σ₁ᵢ² + (μ₁ᵢ − μ₂ᵢ)²)/(2σ₂ᵢ²) − ½] per row; returns [N].</summary>
    public static Tensor KlDivergence(Tensor mean1, Tensor logStd1, Tensor mean2, Tensor logStd2)
    {
        Check(mean2, nameof(mean2), mean1, nameof(mean1), logStd1, nameof(logStd1));
        Check(mean1, nameof(mean1), mean2, nameof(mean2), logStd2, nameof(logStd2));
        using var scope = NewDisposeScope();
        Tensor half = mean1.Constant(0.5);
        Tensor variance1 = (logStd1 * mean1.Constant(2.0)).exp(), variance2 = (logStd2 * mean1.Constant(2.0)).exp();
        Tensor kl = (logStd2 - logStd1).Plus(variance1.Plus((mean1 - mean2).Squared()) / (variance2 * mean1.Constant(2.0))) - half;
        return kl.expand_as(mean1).sum(1).MoveToOuterDisposeScope();
    }

    /// <summary>Reparameterised draw x = μ + σ ⊙ ξ, ξ ~ N(0, I) from <paramref name="generator"/>; differentiable in μ and log σ; [N, d].</summary>
    public static Tensor Sample(Tensor mean, Tensor logStd, Generator generator)
    {
        Check(mean, nameof(mean), mean, nameof(mean), logStd, nameof(logStd));
        ArgumentNullException.ThrowIfNull(generator);
        using var scope = NewDisposeScope();
        Tensor noise = randn(mean.shape, mean.dtype, mean.device, generator: generator);
        return mean.Plus(logStd.exp() * noise).MoveToOuterDisposeScope();
    }

    /// <summary>Requires mean [N, d], x of the same shape, and log σ of shape [d] or [N, d]; errors name the caller's parameters.</summary>
    private static void Check(Tensor x, string xName, Tensor mean, string meanName, Tensor logStd, string logStdName)
    {
        Shapes.Rows(mean, meanName, -1, meanName);
        ArgumentNullException.ThrowIfNull(x, xName);
        if (!x.shape.SequenceEqual(mean.shape))
        {
            throw new ArgumentException($"{xName} has shape {Shapes.Describe(x)}; expected {Shapes.Describe(mean)} like {meanName}.", xName);
        }

        ArgumentNullException.ThrowIfNull(logStd, logStdName);
        bool perDimension = logStd.dim() == 1 && logStd.shape[0] == mean.shape[1];
        bool perRow = logStd.dim() == 2 && logStd.shape.SequenceEqual(mean.shape);
        if (!perDimension && !perRow)
        {
            throw new ArgumentException(
                $"{logStdName} has shape {Shapes.Describe(logStd)}; expected [{mean.shape[1]}] (state-independent) or {Shapes.Describe(mean)} like {meanName}.",
                logStdName);
        }
    }
}
