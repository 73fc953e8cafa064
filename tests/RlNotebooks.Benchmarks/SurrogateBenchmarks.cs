using BenchmarkDotNet.Attributes;
using RlNotebooks.Surrogates;

namespace RlNotebooks.Benchmarks;

/// <summary>PPO clipped surrogate value + gradient over a 10⁶-sample minibatch via the allocation-free span overload.</summary>
[MemoryDiagnoser]
public class SurrogateBenchmarks
{
    private const int Samples = 1_000_000;
    private double[] _newLogProbs = [];
    private double[] _oldLogProbs = [];
    private double[] _advantages = [];
    private double[] _gradient = [];

    /// <summary>Log-ratios within ±0.4 so roughly half the samples hit the ε = 0.2 clip; advantages ~ U(−2, 2).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2017);
        _newLogProbs = new double[Samples];
        _oldLogProbs = new double[Samples];
        _advantages = new double[Samples];
        _gradient = new double[Samples];
        for (int t = 0; t < Samples; t++)
        {
            _oldLogProbs[t] = -3.0 * random.NextDouble();
            _newLogProbs[t] = _oldLogProbs[t] + 0.8 * (random.NextDouble() - 0.5);
            _advantages[t] = 4.0 * (random.NextDouble() - 0.5);
        }
    }

    /// <summary>L^CLIP and ∂L^CLIP/∂log π_θ written into a preallocated span (expected 0 B allocated).</summary>
    [Benchmark]
    public double ClippedSurrogateValueAndGradientInto() =>
        ClippedSurrogate.ValueAndGradientInto(_newLogProbs, _oldLogProbs, _advantages, 0.2, _gradient);
}
