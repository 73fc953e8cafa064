using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using RlNotebooks.Advantages;
using RlNotebooks.Returns;

namespace RlNotebooks.Benchmarks;

/// <summary>
/// GAE and discounted returns over 10⁶ steps through the span (Into) overloads, against a baseline that only streams the
/// same input arrays through memory and writes the destination. Target: ratio ≤ 2 and 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class ReturnsBenchmarks
{
    private const int Steps = 1_000_000;
    private double[] _rewards = [];
    private double[] _values = [];
    private double[] _nextValues = [];
    private bool[] _terminated = [];
    private bool[] _truncated = [];
    private double[] _destination = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _rewards = new double[Steps];
        _values = new double[Steps];
        _nextValues = new double[Steps];
        _terminated = new bool[Steps];
        _truncated = new bool[Steps];
        _destination = new double[Steps];
        for (int t = 0; t < Steps; t++)
        {
            _rewards[t] = random.NextDouble() * 2.0 - 1.0;
            _values[t] = random.NextDouble() * 10.0;
            _nextValues[t] = random.NextDouble() * 10.0;
            double u = random.NextDouble();
            _terminated[t] = u < 0.004;
            _truncated[t] = u >= 0.004 && u < 0.005;
        }
    }

    /// <summary>The minimal work: read every input once and write the destination once.</summary>
    [Benchmark(Baseline = true)]
    public void StreamInputsToDestination()
    {
        ref double r = ref MemoryMarshal.GetArrayDataReference(_rewards);
        ref double v = ref MemoryMarshal.GetArrayDataReference(_values);
        ref double nv = ref MemoryMarshal.GetArrayDataReference(_nextValues);
        ref byte term = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetArrayDataReference(_terminated));
        ref byte trunc = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetArrayDataReference(_truncated));
        ref double d = ref MemoryMarshal.GetArrayDataReference(_destination);
        for (nint t = 0; t < Steps; t++)
        {
            Unsafe.Add(ref d, t) = Unsafe.Add(ref r, t) + Unsafe.Add(ref v, t) + Unsafe.Add(ref nv, t)
                + (Unsafe.Add(ref term, t) | Unsafe.Add(ref trunc, t));
        }
    }

    /// <summary>GAE(γ = 0.99, λ = 0.95) advantages.</summary>
    [Benchmark]
    public void GaeAdvantagesInto() =>
        Gae.AdvantagesInto(_rewards, _values, _nextValues, _terminated, _truncated, 0.99, 0.95, _destination);

    /// <summary>Discounted returns with γ = 0.99.</summary>
    [Benchmark]
    public void DiscountedReturnsInto() =>
        DiscountedReturns.ComputeInto(_rewards, _nextValues, _terminated, _truncated, 0.99, _destination);
}
