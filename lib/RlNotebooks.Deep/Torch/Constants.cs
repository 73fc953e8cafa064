using TorchSharp;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Torch;

/// <summary>
/// Arithmetic that never hands TorchSharp a temporary <see cref="Scalar"/>. A C# number passed to a tensor operator, and
/// TorchSharp's own alpha = 1 inside <c>a + b</c>, become Scalars that no dispose scope tracks; once TorchSharp has read the
/// handle the object is unreachable, so a garbage collection on another thread can finalize (free) it while libtorch still
/// reads it. Under GC pressure a notebook died in libtorch with "Scalar::toFloat: Expected false to be true". A 0-d tensor
/// is owned by the current dispose scope like every other intermediate result, and the alpha below lives in a static field.
/// Some TorchSharp methods make such a Scalar themselves (<c>square()</c> is <c>pow(x, 2)</c>, <c>softplus</c>, every
/// <c>torch.optim</c> step): use <see cref="Squared"/>, <c>−logsigmoid(−x)</c>, <see cref="Operations.Adam"/>.
/// tests/RlNotebooks.Deep.Tests/Torch/TemporaryScalarTests fails on any temporary Scalar in this library.
/// </summary>
internal static class Constants
{
    private static readonly Scalar One = 1;

    /// <summary>The number <paramref name="value"/> with <paramref name="like"/>'s dtype and device.</summary>
    public static Tensor Constant(this Tensor like, double value) => tensor(value, like.dtype, like.device);

    /// <summary><paramref name="a"/> + <paramref name="b"/> (broadcasting), with a held alpha instead of a temporary one.</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary><paramref name="x"/>², elementwise, as x · x.</summary>
    public static Tensor Squared(this Tensor x) => x * x;
}
