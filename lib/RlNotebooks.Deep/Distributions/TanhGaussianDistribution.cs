using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Distributions;

/// <summary>
/// Tanh-squashed Gaussian of SAC (Haarnoja et al. 2018, appendix C): u ~ N(μ, σ²), a = low + (high − low)(tanh u + 1)/2, and
/// by the change of variables log π(a) = log N(u; μ, σ) − Σ_i [log(1 − tanh² u_i) + log((high_i − low_i)/2)].
/// log(1 − tanh² u) is evaluated as 2(log 2 − u + log σ(2u)) = 2(log 2 − u − softplus(−2u)), exact and finite for large |u|.
/// The span twin is RlNotebooks.Distributions.TanhGaussian.
/// </summary>
public static class TanhGaussianDistribution
{
    private static readonly double LogTwo = Math.Log(2.0);

    /// <summary>log(1 − tanh² u) = 2(log 2 − u + log σ(2u)), elementwise (log σ: TorchSharp's softplus makes a temporary Scalar).</summary>
    public static Tensor LogOneMinusTanhSquared(Tensor preTanh)
    {
        using var scope = NewDisposeScope();
        Tensor two = preTanh.Constant(2.0);
        return (two * (preTanh.Constant(LogTwo) - preTanh).Plus(nn.functional.logsigmoid(two * preTanh))).MoveToOuterDisposeScope();
    }

    /// <summary>a = low + (high − low)(tanh u + 1)/2 for u of shape [N, d] and bounds of shape [d].</summary>
    public static Tensor Squash(Tensor preTanh, Tensor low, Tensor high)
    {
        using var scope = NewDisposeScope();
        return low.Plus((high - low) * preTanh.tanh().Plus(preTanh.Constant(1.0)) * preTanh.Constant(0.5)).MoveToOuterDisposeScope();
    }

    /// <summary>log π(a) for a = squash(u) per row; returns [N].</summary>
    public static Tensor LogProb(Tensor preTanh, Tensor mean, Tensor logStd, Tensor low, Tensor high)
    {
        Bounds(low, high, mean.shape[^1]);
        using var scope = NewDisposeScope();
        Tensor logHalfRange = ((high - low) * mean.Constant(0.5)).log();
        Tensor correction = LogOneMinusTanhSquared(preTanh).Plus(logHalfRange).sum(1);
        return (GaussianDistribution.LogProb(preTanh, mean, logStd) - correction).MoveToOuterDisposeScope();
    }

    internal static void Bounds(Tensor low, Tensor high, long dimension)
    {
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        if (low.dim() != 1 || low.shape[0] != dimension)
        {
            throw new ArgumentException($"{nameof(low)} has shape {Shapes.Describe(low)}; expected [{dimension}].", nameof(low));
        }

        if (high.dim() != 1 || high.shape[0] != dimension)
        {
            throw new ArgumentException($"{nameof(high)} has shape {Shapes.Describe(high)}; expected [{dimension}].", nameof(high));
        }

        using var scope = NewDisposeScope();
        if (!(high > low).all().item<bool>())
        {
            throw new ArgumentException($"{nameof(high)} must exceed {nameof(low)} in every dimension.", nameof(high));
        }
    }
}
