using RlNotebooks.Deep.Losses;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Losses;

/// <summary>
/// <see cref="CriticLosses.Huber"/> is libtorch's fused <c>huber_loss</c>; before it, the library wrote the formula out
/// tensor by tensor (below). DQN's runs must not change by a bit, so the loss and its gradient must equal the written-out
/// formula exactly, in float32 (the trainers' dtype) and float64, for batch sizes that do and do not fill whole vector
/// registers, and with errors exactly at 0 and at ±δ (where the two branches meet).
/// </summary>
public sealed class HuberEquivalenceTests
{
    /// <summary>(1/N) Σ where(|e| ≤ δ, ½e², δ(|e| − ½δ)) with e = Q − y, as the library computed it before.</summary>
    private static Tensor WrittenOut(Tensor q, Tensor targets, double delta)
    {
        Tensor error = q - targets, size = error.abs();
        Tensor quadratic = error * error * tensor(0.5, q.dtype);
        Tensor linear = (size - tensor(0.5 * delta, q.dtype)) * tensor(delta, q.dtype);
        return where(size <= tensor(delta, q.dtype), quadratic, linear).mean();
    }

    public static TheoryData<int, double, ScalarType> Cases()
    {
        var cases = new TheoryData<int, double, ScalarType>();
        foreach (ScalarType dtype in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            foreach (int n in new[] { 1, 7, 32, 100, 256, 333 })
            {
                foreach (double delta in new[] { 1.0, 0.1, 0.3, 2.5 })
                {
                    cases.Add(n, delta, dtype);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loss_and_gradient_equal_the_written_out_formula_bit_for_bit(int n, double delta, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var random = new Random(n);
        double[] y = [.. Enumerable.Range(0, n).Select(_ => 6 * random.NextDouble() - 3)];
        // Mostly random errors, some exactly 0 and exactly ±δ (in the dtype's arithmetic: y ± δ, rounded, minus y, may not be δ).
        double[] q = [.. y.Select((target, i) => (i % 5) switch { 0 => target, 1 => target + delta, 2 => target - delta, _ => 6 * random.NextDouble() - 3 })];
        Tensor fusedQ = tensor(q, dtype).requires_grad_(), writtenQ = tensor(q, dtype).requires_grad_(), targets = tensor(y, dtype);

        Tensor fused = CriticLosses.Huber(fusedQ, targets, delta), written = WrittenOut(writtenQ, targets, delta);
        fused.backward();
        written.backward();

        Assert.Equal(Bits(written), Bits(fused));
        Assert.Equal(Bits(writtenQ.grad!), Bits(fusedQ.grad!));
    }

    private static long[] Bits(Tensor values) => [.. values.detach().to(float64).contiguous().data<double>().ToArray().Select(BitConverter.DoubleToInt64Bits)];
}
