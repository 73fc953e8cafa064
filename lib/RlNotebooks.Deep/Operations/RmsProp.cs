using RlNotebooks.Deep.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Operations;

/// <summary>
/// RMSProp (Tieleman &amp; Hinton 2012), as torch.optim.RMSprop computes it without momentum or centering: for each
/// parameter θ with gradient g, v ← αv + (1 − α)g², θ ← θ − η g / (√v + ε). Ours rather than TorchSharp's for the reason
/// given on <see cref="Adam"/>: every coefficient is a 0-d tensor, never a temporary Scalar.
/// </summary>
public sealed class RmsProp : IDisposable
{
    private readonly Parameter[] parameters;
    private readonly Tensor[] squareAverages;
    private readonly double learningRate, alpha, epsilon;

    /// <summary>RMSProp over <paramref name="parameters"/> with zero square averages.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">η &gt; 0.</param>
    /// <param name="alpha">α ∈ [0, 1), the decay of the square average (torch: 0.99).</param>
    /// <param name="epsilon">ε &gt; 0 (torch: 1e-8; A2C implementations: 1e-5).</param>
    public RmsProp(IReadOnlyList<Parameter> parameters, double learningRate, double alpha = 0.99, double epsilon = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Validation.Guard.NotEmpty(parameters.Count, nameof(parameters));
        Validation.Guard.Positive(learningRate);
        if (!(alpha is >= 0 and < 1))
        {
            throw new ArgumentException($"α = {alpha}; it must lie in [0, 1).", nameof(alpha));
        }

        Validation.Guard.Positive(epsilon);
        (this.parameters, this.learningRate, this.alpha, this.epsilon) = ([.. parameters], learningRate, alpha, epsilon);
        squareAverages = [.. this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope())];
    }

    /// <summary>Sets every parameter's gradient to zero (before the next backward pass).</summary>
    public void ZeroGrad() => Adam.ZeroGrad(parameters);

    /// <summary>One RMSProp update of every parameter that has a gradient.</summary>
    public void Step()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        for (int i = 0; i < parameters.Length; i++)
        {
            Tensor? g = parameters[i].grad;
            if (g is null)
            {
                continue;
            }

            Tensor v = squareAverages[i];
            v.copy_((v * v.Constant(alpha)).Plus(g.Squared() * g.Constant(1 - alpha)));
            parameters[i].copy_(parameters[i] - g / v.sqrt().Plus(v.Constant(epsilon)) * g.Constant(learningRate));
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var t in squareAverages)
        {
            t.Dispose();
        }
    }
}
