using RlNotebooks.NaturalGradient;
using RlNotebooks.Deep.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Operations;

/// <summary>
/// Fisher-vector products for TRPO (Schulman et al. 2015, appendix C): F = ∇²_θ D̄_KL(π_θold ‖ π_θ) at θ = θold, so
/// F v = ∇_θ ((∇_θ D̄_KL)ᵀ v), two backward passes (the second through the graph of the first), without forming F.
/// Damping adds β v (F + βI), as the TRPO implementations do for a well-conditioned conjugate gradient.
/// </summary>
public static class FisherVectorProduct
{
    /// <summary>(F + βI) v as a new detached vector [P].</summary>
    /// <param name="policy">The policy network π_θ.</param>
    /// <param name="meanKl">Builds D̄_KL(π_θold ‖ π_θ) (a 0-d tensor) from the current parameters, with π_θold detached.</param>
    /// <param name="v">v, [P] in <see cref="FlatParameters"/> order.</param>
    /// <param name="damping">β ≥ 0.</param>
    public static Tensor Compute(nn.Module policy, Func<Tensor> meanKl, Tensor v, double damping = 0.0)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(meanKl);
        ArgumentNullException.ThrowIfNull(v);
        Validation.Guard.NonNegative(damping);
        var parameters = policy.parameters().Select(p => (Tensor)p).ToList();
        long count = parameters.Sum(p => p.numel());
        if (v.dim() != 1 || v.shape[0] != count)
        {
            throw new ArgumentException($"{nameof(v)} has shape {Torch.Shapes.Describe(v)}; the policy has [{count}] parameters.", nameof(v));
        }

        using var scope = NewDisposeScope();
        return Product(parameters, KlGradient(parameters, meanKl), v, damping).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The span library's <see cref="MatVec"/> for (F + βI) at the current parameters, in float64, building ∇_θ D̄_KL (with its
    /// graph) once, so each product costs one backward pass instead of a forward and two backward passes. For one conjugate-
    /// gradient solve at fixed θ: the graph lives in the caller's dispose scope, so use the operator inside that scope and
    /// before the parameters change.
    /// </summary>
    /// <param name="policy">The policy network π_θ.</param>
    /// <param name="meanKl">Builds D̄_KL(π_θold ‖ π_θ) (a 0-d tensor) from the current parameters, with π_θold detached.</param>
    /// <param name="damping">β ≥ 0.</param>
    public static MatVec OperatorAtCurrentParameters(nn.Module policy, Func<Tensor> meanKl, double damping = 0.0)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(meanKl);
        Validation.Guard.NonNegative(damping);
        var parameters = policy.parameters().Select(p => (Tensor)p).ToList();
        Tensor klGradient = KlGradient(parameters, meanKl);
        return (ReadOnlySpan<double> v, Span<double> result) =>
        {
            using var scope = NewDisposeScope();
            Tensor product = Product(parameters, klGradient, tensor(v.ToArray(), float64), damping).to(float64);
            product.data<double>().CopyTo(result);
        };
    }

    /// <summary>∇_θ D̄_KL as a flat vector [P] that keeps its graph (create_graph), so it can be differentiated again.</summary>
    private static Tensor KlGradient(IList<Tensor> parameters, Func<Tensor> meanKl)
    {
        Tensor kl = meanKl();
        if (kl.numel() != 1)
        {
            throw new ArgumentException($"{nameof(meanKl)} returned shape {Torch.Shapes.Describe(kl)}; expected the mean KL, a single number.", nameof(meanKl));
        }

        return FlatParameters.Flatten(autograd.grad([kl], parameters, retain_graph: true, create_graph: true));
    }

    /// <summary>(F + βI) v = ∇_θ((∇_θ D̄_KL)ᵀ v) + βv, detached; keeps the KL gradient's graph for the next product.</summary>
    private static Tensor Product(IList<Tensor> parameters, Tensor klGradient, Tensor v, double damping)
    {
        using var scope = NewDisposeScope();
        Tensor gradientDotV = (klGradient * v.to(klGradient.dtype)).sum();
        Tensor fv = FlatParameters.Flatten(autograd.grad([gradientDotV], parameters, retain_graph: true));
        return fv.Plus(v.to(fv.dtype) * fv.Constant(damping)).detach().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The span library's <see cref="MatVec"/> for (F + βI), in float64, so RlNotebooks.NaturalGradient.ConjugateGradient solves
    /// (F + βI) x = g for the TRPO step. Each call runs <paramref name="meanKl"/> and two backward passes.
    /// </summary>
    public static MatVec Operator(nn.Module policy, Func<Tensor> meanKl, double damping = 0.0) =>
        (ReadOnlySpan<double> v, Span<double> result) =>
        {
            using var scope = NewDisposeScope();
            Tensor product = Compute(policy, meanKl, tensor(v.ToArray(), float64), damping).to(float64);
            product.data<double>().ToArray().AsSpan().CopyTo(result);
        };
}
