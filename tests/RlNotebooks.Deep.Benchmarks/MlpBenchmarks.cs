using BenchmarkDotNet.Attributes;
using RlNotebooks.Deep.Networks;
using RlNotebooks.Deep.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Benchmarks;

/// <summary>
/// MLP inference and one training step (forward, MSE loss, backward, Adam step), each inside its own dispose scope, on one
/// libtorch thread, for the CartPole-size policy 4-64-64-2 (tanh) and the SAC-size critic 3-256-256-1 (ReLU) at batch
/// 1, 8, 64 and 256. The baseline is one tiny torch call (relu of a [1, 4] tensor in a dispose scope): the fixed cost that
/// every call into libtorch pays, so the ratio counts how many such costs a forward or train step is worth.
/// <see cref="RawSequentialInference"/> runs the same layers as a plain TorchSharp nn.Sequential without the Mlp's shape checks
/// and inner dispose scope, to show what those cost.
/// </summary>
[MemoryDiagnoser]
public class MlpBenchmarks
{
    private Mlp network = null!;
    private nn.Module<Tensor, Tensor> raw = null!;
    private Adam optimizer = null!;
    private Tensor observations = null!, targets = null!, tiny = null!;

    /// <summary>Layer sizes: "4-64-64-2" (CartPole policy) or "3-256-256-1" (SAC critic).</summary>
    [Params("4-64-64-2", "3-256-256-1")]
    public string Network { get; set; } = "";

    /// <summary>Rows per call.</summary>
    [Params(1, 8, 64, 256)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        TorchThreads.Set(1);
        manual_seed(0);
        int[] sizes = Network.Split('-').Select(int.Parse).ToArray();
        network = new Mlp(sizes, sizes[1] == 64 ? Activation.Tanh : Activation.ReLU);
        optimizer = optim.Adam(network.parameters(), 1e-3);
        var layers = new List<nn.Module<Tensor, Tensor>>();
        for (int i = 0; i + 1 < sizes.Length; i++)
        {
            layers.Add(nn.Linear(sizes[i], sizes[i + 1]));
            if (i + 2 < sizes.Length)
            {
                layers.Add(sizes[1] == 64 ? nn.Tanh() : nn.ReLU());
            }
        }

        raw = nn.Sequential(layers);
        observations = randn(Batch, sizes[0]).DetachFromDisposeScope();
        targets = randn(Batch, sizes[^1]).DetachFromDisposeScope();
        tiny = randn(1, 4).DetachFromDisposeScope();
    }

    [Benchmark(Baseline = true)]
    public void OneTorchCall()
    {
        using var scope = NewDisposeScope();
        tiny.relu();
    }

    [Benchmark]
    public void Inference()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        network.forward(observations);
    }

    [Benchmark]
    public void RawSequentialInference()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        raw.forward(observations);
    }

    [Benchmark]
    public void TrainStep()
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        (network.forward(observations) - targets).square().mean().backward();
        optimizer.step();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        optimizer.Dispose();
        network.Dispose();
        raw.Dispose();
        observations.Dispose();
        targets.Dispose();
        tiny.Dispose();
    }
}
