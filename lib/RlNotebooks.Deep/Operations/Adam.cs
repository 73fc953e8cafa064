using RlNotebooks.Deep.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Operations;

/// <summary>
/// Adam (Kingma &amp; Ba 2015), as torch.optim.Adam computes it: for each parameter θ with gradient g at step t,
/// m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², θ ← θ − α/(1 − β₁ᵗ) · m / (√v/√(1 − β₂ᵗ) + ε).
/// <para>
/// Why not TorchSharp's <c>optim.Adam</c>: its step passes every coefficient as a temporary TorchSharp Scalar, which the
/// garbage collector may finalize while libtorch still reads it; under GC pressure a training run died in
/// <c>addcmul_</c> with "Expected false to be true" from c10's Scalar::toFloat. Here each coefficient is a 0-d tensor
/// owned by a dispose scope, alive until the step returns.
/// </para>
/// </summary>
public sealed class Adam : IDisposable
{
    private readonly Parameter[] parameters;
    private readonly Tensor[] firstMoments, secondMoments;
    private readonly double beta1, beta2, epsilon;
    private long step;

    /// <summary>Adam over <paramref name="parameters"/> with zero moments.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">α &gt; 0.</param>
    /// <param name="beta1">β₁ ∈ [0, 1) (0.9).</param>
    /// <param name="beta2">β₂ ∈ [0, 1) (0.999).</param>
    /// <param name="epsilon">ε &gt; 0 (torch: 1e-8; PPO implementations: 1e-5).</param>
    public Adam(IReadOnlyList<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Validation.Guard.NotEmpty(parameters.Count, nameof(parameters));
        LearningRate = learningRate;
        if (!(beta1 is >= 0 and < 1) || !(beta2 is >= 0 and < 1))
        {
            throw new ArgumentException($"β₁ = {beta1}, β₂ = {beta2}; both must lie in [0, 1).", beta1 is >= 0 and < 1 ? nameof(beta2) : nameof(beta1));
        }

        Validation.Guard.Positive(epsilon);
        (this.parameters, this.beta1, this.beta2, this.epsilon) = ([.. parameters], beta1, beta2, epsilon);
        firstMoments = [.. this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope())];
        secondMoments = [.. this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope())];
    }

    /// <summary>α, settable between steps (e.g. for linear annealing).</summary>
    public double LearningRate
    {
        get;
        set
        {
            Validation.Guard.Positive(value, nameof(LearningRate));
            field = value;
        }
    }

    /// <summary>Sets every parameter's gradient to zero (before the next backward pass).</summary>
    public void ZeroGrad() => ZeroGrad(parameters);

    /// <summary>One Adam update of every parameter that has a gradient.</summary>
    public void Step()
    {
        step++;
        double biasCorrection1 = 1 - Math.Pow(beta1, step), biasCorrection2 = 1 - Math.Pow(beta2, step);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        // The coefficients as 0-d tensors, made once per step in the first parameter's dtype (the usual case: all float32).
        Coefficients first = CoefficientsLike(parameters[0], biasCorrection1, biasCorrection2);
        for (int i = 0; i < parameters.Length; i++)
        {
            Tensor? g = parameters[i].grad;
            if (g is null)
            {
                continue;
            }

            Coefficients c = g.dtype == first.StepSize.dtype ? first : CoefficientsLike(g, biasCorrection1, biasCorrection2);
            Tensor m = firstMoments[i], v = secondMoments[i];
            m.lerp_(g, c.OneMinusBeta1);            // m + (1 − β₁)(g − m) = β₁m + (1 − β₁)g
            v.lerp_(g.Squared(), c.OneMinusBeta2);  // β₂v + (1 − β₂)g²
            Tensor denominator = (v.sqrt() * c.InverseRootCorrection2).Plus(c.Epsilon);
            parameters[i].sub_(m / denominator * c.StepSize);
        }
    }

    /// <summary>Zeroes the gradients of <paramref name="parameters"/> (shared with <see cref="RmsProp"/>).</summary>
    internal static void ZeroGrad(IEnumerable<Parameter> parameters)
    {
        foreach (var p in parameters)
        {
            p.grad?.zero_();
        }
    }

    private readonly record struct Coefficients(Tensor OneMinusBeta1, Tensor OneMinusBeta2, Tensor InverseRootCorrection2, Tensor Epsilon, Tensor StepSize);

    private Coefficients CoefficientsLike(Tensor like, double biasCorrection1, double biasCorrection2) => new(
        like.Constant(1 - beta1), like.Constant(1 - beta2), like.Constant(1 / Math.Sqrt(biasCorrection2)), like.Constant(epsilon),
        like.Constant(LearningRate / biasCorrection1));

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var t in firstMoments.Concat(secondMoments))
        {
            t.Dispose();
        }
    }
}
