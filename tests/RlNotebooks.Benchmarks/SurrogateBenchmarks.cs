using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using RlNotebooks.ImportanceSampling;
using RlNotebooks.Surrogates;

namespace RlNotebooks.Benchmarks;

/// <summary>
/// PPO clipped surrogate value + gradient over a 10⁶-sample minibatch via the allocation-free span overload, and the other
/// functions computing the ratio rₜ = exp(log π_new − log π_old) per sample, against a baseline that only streams the same
/// inputs through memory and writes the gradient. Expected 0 B allocated.
/// </summary>
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

    /// <summary>The minimal work: read new/old log-probabilities and advantages once and write the gradient once.</summary>
    [Benchmark(Baseline = true)]
    public void StreamInputsToGradient()
    {
        ref double newLp = ref MemoryMarshal.GetArrayDataReference(_newLogProbs);
        ref double oldLp = ref MemoryMarshal.GetArrayDataReference(_oldLogProbs);
        ref double advantage = ref MemoryMarshal.GetArrayDataReference(_advantages);
        ref double gradient = ref MemoryMarshal.GetArrayDataReference(_gradient);
        for (nint t = 0; t < Samples; t++)
        {
            Unsafe.Add(ref gradient, t) = Unsafe.Add(ref newLp, t) - Unsafe.Add(ref oldLp, t) + Unsafe.Add(ref advantage, t);
        }
    }

    /// <summary>L^CLIP and ∂L^CLIP/∂log π_θ written into a preallocated span (expected 0 B allocated).</summary>
    [Benchmark]
    public double ClippedSurrogateValueAndGradientInto() =>
        ClippedSurrogate.ValueAndGradientInto(_newLogProbs, _oldLogProbs, _advantages, 0.2, _gradient);

    /// <summary>L^CPI = Êₜ[rₜ Âₜ].</summary>
    [Benchmark]
    public double CpiSurrogateValue() => CpiSurrogate.Value(_newLogProbs, _oldLogProbs, _advantages);

    /// <summary>Fraction of ratios outside [1 − ε, 1 + ε].</summary>
    [Benchmark]
    public double ClipFractionCompute() => ClipFraction.Compute(_newLogProbs, _oldLogProbs, 0.2);

    /// <summary>k3 estimate of D_KL(π_old ‖ π_new).</summary>
    [Benchmark]
    public double KlEstimatorK3() => KlEstimators.K3(_newLogProbs, _oldLogProbs);

    /// <summary>ρₜ = exp(log π − log μ) written into a preallocated span.</summary>
    [Benchmark]
    public void ImportanceRatiosInto() => ImportanceRatios.RatiosInto(_newLogProbs, _oldLogProbs, _gradient);
}
