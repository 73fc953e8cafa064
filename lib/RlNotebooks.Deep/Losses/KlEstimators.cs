using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Losses;

/// <summary>
/// Sample estimators of D_KL(π_old ‖ π_new) from actions aₜ ~ π_old, log rₜ = log π_new(aₜ|sₜ) − log π_old(aₜ|sₜ)
/// (J. Schulman, "Approximating KL Divergence", 2020); equal to RlNotebooks.Surrogates.KlEstimators. 0-d tensors.
/// </summary>
public static class KlEstimators
{
    /// <summary>k1 = (1/N) Σₜ −log rₜ: unbiased, but can be negative per sample.</summary>
    public static Tensor K1(Tensor newLogProbs, Tensor oldLogProbs)
    {
        long n = Shapes.Batch(newLogProbs, nameof(newLogProbs));
        Shapes.SameBatch(oldLogProbs, nameof(oldLogProbs), n, nameof(newLogProbs));
        using var scope = NewDisposeScope();
        return (oldLogProbs - newLogProbs).mean().MoveToOuterDisposeScope();
    }

    /// <summary>k3 = (1/N) Σₜ ((rₜ − 1) − log rₜ) with rₜ − 1 = expm1(log rₜ): unbiased and ≥ 0 per sample.</summary>
    public static Tensor K3(Tensor newLogProbs, Tensor oldLogProbs)
    {
        long n = Shapes.Batch(newLogProbs, nameof(newLogProbs));
        Shapes.SameBatch(oldLogProbs, nameof(oldLogProbs), n, nameof(newLogProbs));
        using var scope = NewDisposeScope();
        Tensor logRatio = newLogProbs - oldLogProbs;
        return (logRatio.expm1() - logRatio).mean().MoveToOuterDisposeScope();
    }
}
