using TorchSharp;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Operations;

/// <summary>
/// A network's parameters θ as one flat vector [P] (in <c>parameters()</c> order, each tensor row-major), as TRPO's
/// conjugate gradient and line search treat them.
/// </summary>
public static class FlatParameters
{
    /// <summary>P, the number of scalar parameters.</summary>
    public static long Count(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.parameters().Sum(p => p.numel());
    }

    /// <summary>θ as a new detached vector [P].</summary>
    public static Tensor Get(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return cat(module.parameters().Select(p => p.reshape(-1)).ToList(), 0).clone().MoveToOuterDisposeScope();
    }

    /// <summary>Overwrites θ with <paramref name="flat"/> [P] (without recording gradients).</summary>
    public static void Set(nn.Module module, Tensor flat)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(flat);
        long count = Count(module);
        if (flat.dim() != 1 || flat.shape[0] != count)
        {
            throw new ArgumentException($"{nameof(flat)} has shape {Torch.Shapes.Describe(flat)}; the network has [{count}] parameters.", nameof(flat));
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long offset = 0;
        foreach (var parameter in module.parameters())
        {
            parameter.copy_(flat.narrow(0, offset, parameter.numel()).view_as(parameter));
            offset += parameter.numel();
        }
    }

    /// <summary>The flat vector of the tensors <paramref name="gradients"/> (one per parameter, e.g. from autograd.grad).</summary>
    public static Tensor Flatten(IEnumerable<Tensor> gradients)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        using var scope = NewDisposeScope();
        return cat(gradients.Select(g => g.reshape(-1)).ToList(), 0).MoveToOuterDisposeScope();
    }

    /// <summary>∇θ as a new vector [P] from the parameters' .grad after backward() (zeros where a parameter has none).</summary>
    public static Tensor Gradient(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var scope = NewDisposeScope();
        return Flatten(module.parameters().Select(p => p.grad is { } g ? g.clone() : zeros_like(p))).MoveToOuterDisposeScope();
    }
}
