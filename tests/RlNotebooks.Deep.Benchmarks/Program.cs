using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

/// <summary>
/// Runs the benchmarks in this process (in-process toolchain): BenchmarkDotNet's usual generated child project would need its own
/// copy of the libtorch natives with the GLIBCXX patch. Short jobs by default; pass --warmupCount/--iterationCount to override.
/// </summary>
public static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
            .Run(args, DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).AsDefault()));
}
