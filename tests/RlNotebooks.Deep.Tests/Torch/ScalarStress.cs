using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Torch;

/// <summary>
/// The child process of <see cref="ScalarLifetimeTests"/>: a loop adds and halves small tensors and checks every result while
/// another thread forces garbage collections and runs the finalizers without pause. With TorchSharp's own operators
/// (<c>a + b</c>, <c>x * 0.5</c>) every operation hands libtorch a temporary Scalar that the collector may free while
/// libtorch still reads it; with <see cref="Constants.Plus"/> and <see cref="Constants.Constant"/> there is none. Prints one
/// line and exits 0 if every result was right until the time ran out, 1 at the first wrong result or libtorch error (a
/// crash ends the process with a signal instead).
/// </summary>
internal static class ScalarStress
{
    public const string Command = "scalar-stress";

    public static int Run(bool temporaryScalars, TimeSpan duration)
    {
        TorchThreads.Set(1);
        using var timeUp = new CancellationTokenSource(duration);
        var collector = new Thread(() =>
        {
            while (!timeUp.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }) { IsBackground = true };
        collector.Start();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        long operations = 0;
        string? failure = null;
        try
        {
            using Tensor a = ones(4), b = ones(4);
            while (!timeUp.IsCancellationRequested && failure is null)
            {
                using var scope = NewDisposeScope();
                Tensor sum = temporaryScalars ? a + b : a.Plus(b);
                Tensor half = temporaryScalars ? sum * 0.5 : sum * sum.Constant(0.5);
                float[] values = half.data<float>().ToArray();
                if (values.Any(v => v != 1f))
                {
                    failure = $"(1 + 1) · 0.5 = [{string.Join(", ", values)}]";
                }

                operations++;
            }
        }
        catch (Exception e)
        {
            failure = $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";
        }

        Console.WriteLine(failure is null
            ? $"survived: {operations} additions and halvings in {clock.Elapsed.TotalSeconds:F1} s, all right"
            : $"failed after {operations} additions and halvings ({clock.Elapsed.TotalSeconds:F1} s): {failure}");
        return failure is null ? 0 : 1;
    }
}
