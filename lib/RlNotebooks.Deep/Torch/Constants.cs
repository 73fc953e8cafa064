using static TorchSharp.torch;

namespace RlNotebooks.Deep.Torch;

/// <summary>
/// Numbers as 0-dimensional tensors of a given tensor's dtype and device. A C# double passed to a tensor operator becomes a
/// TorchSharp Scalar, which no dispose scope tracks and whose finalizer has crashed test runs; a 0-d tensor is owned by the
/// current dispose scope like every other intermediate result.
/// </summary>
internal static class Constants
{
    /// <summary>The number <paramref name="value"/> with <paramref name="like"/>'s dtype and device.</summary>
    public static Tensor Constant(this Tensor like, double value) => tensor(value, like.dtype, like.device);
}
