using static TorchSharp.torch;

// torch.manual_seed and the thread count are process-wide: tests that seed and build networks must not interleave.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace RlNotebooks.Deep.Tests.Support;

/// <summary>Float64 tensors from arrays and back, and seeded random inputs, for comparing with the span library.</summary>
public static class T
{
    /// <summary>A float64 vector [n].</summary>
    public static Tensor Vector(double[] values, bool requiresGrad = false) => tensor(values, float64).requires_grad_(requiresGrad);

    /// <summary>A float64 matrix [rows, values.Length / rows], row-major.</summary>
    public static Tensor Matrix(double[] values, long rows) => tensor(values, [rows, values.Length / rows], float64);

    /// <summary>A bool vector [n].</summary>
    public static Tensor Flags(bool[] values) => tensor(values);

    /// <summary>The elements of a tensor as float64, row-major.</summary>
    public static double[] Array(Tensor tensor) => tensor.detach().to(float64).contiguous().data<double>().ToArray();

    /// <summary>The single number of a 0-d tensor.</summary>
    public static double Number(Tensor tensor) => tensor.detach().to(float64).item<double>();

    /// <summary>n draws from U(low, high) with a fixed seed.</summary>
    public static double[] Uniform(Random random, int n, double low = -1.0, double high = 1.0) =>
        Enumerable.Range(0, n).Select(_ => low + (high - low) * random.NextDouble()).ToArray();

    /// <summary>Asserts |expected − actual| ≤ tolerance · max(1, |expected|) element-wise.</summary>
    public static void Close(double[] expected, double[] actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1.0, Math.Abs(expected[i])),
                $"index {i}: expected {expected[i]:R}, actual {actual[i]:R}");
        }
    }

    /// <summary>Asserts |expected − actual| ≤ tolerance · max(1, |expected|).</summary>
    public static void Close(double expected, double actual, double tolerance = 1e-12) => Close([expected], [actual], tolerance);

    /// <summary>∂ output / ∂ input by autograd, as float64.</summary>
    public static double[] Gradient(Tensor output, Tensor input) => Array(autograd.grad([output], [input])[0]);
}
