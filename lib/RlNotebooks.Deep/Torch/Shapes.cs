using static TorchSharp.torch;

namespace RlNotebooks.Deep.Torch;

/// <summary>
/// Shape checks before libtorch sees user-shaped tensors. A matmul with mismatched shapes raises a native c10::Error that
/// aborts the whole process, and a value loss given [N, 1] predictions against [N] targets silently broadcasts to [N, N];
/// both become an <see cref="ArgumentException"/> naming the parameter and the shapes instead.
/// </summary>
public static class Shapes
{
    /// <summary>Requires a floating-point batch of per-sample numbers, shape [N] with N ≥ 1.</summary>
    /// <returns>N.</returns>
    public static long Batch(Tensor tensor, string paramName)
    {
        ArgumentNullException.ThrowIfNull(tensor, paramName);
        if (tensor.dim() != 1 || tensor.shape[0] < 1)
        {
            throw new ArgumentException(
                $"{paramName} has shape {Describe(tensor)}; expected [N] with N ≥ 1, one entry per sample (squeeze a [N, 1] network output).",
                paramName);
        }

        Floating(tensor, paramName);
        return tensor.shape[0];
    }

    /// <summary>Requires shape [<paramref name="n"/>] (the batch size of <paramref name="referenceName"/>), floating point.</summary>
    public static void SameBatch(Tensor tensor, string paramName, long n, string referenceName)
    {
        ArgumentNullException.ThrowIfNull(tensor, paramName);
        if (tensor.dim() != 1 || tensor.shape[0] != n)
        {
            throw new ArgumentException(
                $"{paramName} has shape {Describe(tensor)}; expected [{n}] like {referenceName} (one entry per sample; a [N, 1] tensor would broadcast to [N, N]).",
                paramName);
        }

        Floating(tensor, paramName);
    }

    /// <summary>Requires a boolean [<paramref name="n"/>] tensor (terminated flags of <paramref name="referenceName"/>'s samples).</summary>
    public static void Flags(Tensor tensor, string paramName, long n, string referenceName)
    {
        ArgumentNullException.ThrowIfNull(tensor, paramName);
        if (tensor.dim() != 1 || tensor.shape[0] != n || tensor.dtype != ScalarType.Bool)
        {
            throw new ArgumentException(
                $"{paramName} has shape {Describe(tensor)} and dtype {tensor.dtype}; expected Bool [{n}] like {referenceName}.", paramName);
        }
    }

    /// <summary>Requires a floating-point matrix [<paramref name="rows"/>, C] with C ≥ 1 (or any number of rows if rows &lt; 0).</summary>
    /// <returns>C, the number of columns.</returns>
    public static long Rows(Tensor tensor, string paramName, long rows, string referenceName)
    {
        ArgumentNullException.ThrowIfNull(tensor, paramName);
        if (tensor.dim() != 2 || tensor.shape[1] < 1 || tensor.shape[0] < 1 || rows >= 0 && tensor.shape[0] != rows)
        {
            string expected = rows >= 0 ? $"[{rows}, C] like {referenceName}" : "[N, C] with N, C ≥ 1";
            throw new ArgumentException($"{paramName} has shape {Describe(tensor)}; expected {expected}.", paramName);
        }

        Floating(tensor, paramName);
        return tensor.shape[1];
    }

    /// <summary>Requires [N, <paramref name="features"/>] with the dtype of the network's parameters, the input a Linear layer multiplies.</summary>
    /// <returns>N.</returns>
    public static long Features(Tensor tensor, string paramName, long features, ScalarType dtype)
    {
        ArgumentNullException.ThrowIfNull(tensor, paramName);
        if (tensor.dim() != 2 || tensor.shape[1] != features || tensor.shape[0] < 1)
        {
            throw new ArgumentException(
                $"{paramName} has shape {Describe(tensor)}; the network expects [N, {features}] (a batch of N ≥ 1 rows of {features} features).",
                paramName);
        }

        if (tensor.dtype != dtype)
        {
            throw new ArgumentException($"{paramName} has dtype {tensor.dtype}; the network's parameters are {dtype}.", paramName);
        }

        return tensor.shape[0];
    }

    /// <summary>Requires Int64 actions [<paramref name="n"/>] in 0 … <paramref name="actionCount"/> − 1 (an out-of-range gather index is a native error).</summary>
    public static void Actions(Tensor actions, string paramName, long n, long actionCount)
    {
        ArgumentNullException.ThrowIfNull(actions, paramName);
        if (actions.dim() != 1 || actions.shape[0] != n || actions.dtype != ScalarType.Int64)
        {
            throw new ArgumentException($"{paramName} has shape {Describe(actions)} and dtype {actions.dtype}; expected Int64 [{n}].", paramName);
        }

        using var scope = NewDisposeScope();
        long min = actions.min().item<long>(), max = actions.max().item<long>();
        if (min < 0 || max >= actionCount)
        {
            throw new ArgumentOutOfRangeException(paramName, $"{paramName} holds {(min < 0 ? min : max)}; actions are 0 … {actionCount - 1}.");
        }
    }

    /// <summary>The shape as [a, b, …].</summary>
    public static string Describe(Tensor tensor) => $"[{string.Join(", ", tensor.shape)}]";

    private static void Floating(Tensor tensor, string paramName)
    {
        if (!tensor.is_floating_point())
        {
            throw new ArgumentException($"{paramName} has dtype {tensor.dtype}; expected a floating-point tensor.", paramName);
        }
    }
}
