using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Operations;

/// <summary>
/// Moves a network's parameter tensors θ₁, …, θ_k into one contiguous vector θ = [vec θ₁; …; vec θ_k], and their gradients
/// into one vector g the same way: each θᵢ becomes a view of its slice of θ (the values are kept), and its gradient a view of
/// its slice of g, which backward accumulates into in place. An optimizer over the single parameter θ, or a Polyak update
/// θ′ ← τθ + (1 − τ)θ′ of two such vectors, is then a handful of whole-vector operations instead of a handful per tensor:
/// with the small networks here each torch call costs more than its arithmetic (measured in Sac's update: Adam and Polyak
/// over 6 + 12 tensors took about a quarter of it). The layers keep working as before (they read θᵢ, which now lives in θ).
/// </summary>
public static class ContiguousParameters
{
    /// <summary>
    /// Re-points every tensor of <paramref name="parameters"/> into one new vector and returns it as a parameter whose
    /// gradient is the matching gradient vector. Zero that gradient in place (never set a θᵢ's gradient to null, which would
    /// detach it from g).
    /// </summary>
    /// <param name="parameters">θ₁, …, θ_k (all of one dtype), e.g. <c>module.parameters()</c>; at least one.</param>
    public static Parameter Flatten(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameter[] list = [.. parameters];
        Validation.Guard.NotEmpty(list.Length, nameof(parameters));
        using var noGrad = no_grad();
        Tensor values = cat(list.Select(p => p.detach().reshape(-1)).ToList(), 0).DetachFromDisposeScope();
        var flat = new Parameter(values, requires_grad: true);
        Tensor gradients = zeros_like(flat).DetachFromDisposeScope();   // (the Parameter took over values' handle)
        long offset = 0;
        foreach (Parameter p in list)
        {
            long count = p.numel();
            using (Tensor value = flat.narrow(0, offset, count).view(p.shape), gradient = gradients.narrow(0, offset, count).view(p.shape))
            {
                p.set_(value);
                p.grad = gradient;
            }

            offset += count;
        }

        flat.grad = gradients;
        return flat;
    }
}
