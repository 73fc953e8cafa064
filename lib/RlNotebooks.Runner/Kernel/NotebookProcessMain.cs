using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using RlNotebooks.Runner.Execution;
using RlNotebooks.Runner.Notebooks;

namespace RlNotebooks.Runner.Kernel;

/// <summary>The runner started with <see cref="ChildProtocol.Flag"/>: runs one notebook's code cells in order in one
/// <see cref="NotebookKernel"/>, stopping at the first failure, and reports each finished cell to the parent at once.</summary>
internal static class NotebookProcessMain
{
    /// <summary>Argument: the memory limit in bytes. Warms up the kernel, then reads the notebook's path from stdin and
    /// makes its folder the working folder (as VS Code does). Returns 0 when the protocol ran to its end.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        // Ctrl-C reaches the whole process group; the parent decides, and kills this process if it must.
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        var protocol = new ChildProtocol(Console.OpenStandardOutput());
        long memoryLimit = long.Parse(args[0], CultureInfo.InvariantCulture);
        var recorder = new CellRecorder(protocol);
        using var kernel = new NotebookKernel(recorder.Record);
        await kernel.WarmUpAsync().ConfigureAwait(false);
        if (await Console.In.ReadLineAsync().ConfigureAwait(false) is not { Length: > 0 } path) return 0;
        Notebook notebook = NotebookReader.Read(path);
        Directory.SetCurrentDirectory(Path.GetDirectoryName(notebook.Path)!); // relative #r paths start at the notebook
        foreach (int number in notebook.CodeCellNumbers())
        {
            recorder.Begin(number);
            KernelCommandResult result = await kernel.SubmitAsync(notebook.Cells[number - 1].Source, CellErrors.CellPath(notebook.Path, number)).ConfigureAwait(false);
            (CellFailure? failure, JsonObject? error) = CellErrors.Of(result, notebook.Path, number, memoryLimit);
            recorder.End(failure, error);
            if (failure is not null) break;
        }

        protocol.Send("done", new JsonObject { ["peakMemory"] = System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 });
        return 0;
    }
}
