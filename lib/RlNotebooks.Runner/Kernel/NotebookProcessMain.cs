using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
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
        int executionCount = 0;
        foreach (int number in notebook.CodeCellNumbers())
        {
            protocol.Send("start", new JsonObject { ["cell"] = number });
            recorder.Begin(number, ++executionCount);
            KernelCommandResult result = await kernel.SubmitAsync(notebook.Cells[number - 1].Source, CellErrors.CellPath(notebook.Path, number)).ConfigureAwait(false);
            List<JsonObject> outputs = recorder.End();
            CellFailure? failure = null;
            if (result.Events.OfType<CommandFailed>().LastOrDefault() is { } failed)
            {
                (failure, JsonObject error) = failed.Exception is { } exception and not CodeSubmissionCompilationErrorException
                    ? CellErrors.FromException(notebook.Path, number, exception, memoryLimit)
                    : CellErrors.FromCompilation(number, Errors(result), failed.Message);
                outputs.Add(error);
            }

            var outputArray = new JsonArray(outputs.Select(o => (JsonNode?)o.DeepClone()).ToArray());
            protocol.Send("cell", new JsonObject { ["cell"] = number, ["outputs"] = outputArray, ["failure"] = JsonSerializer.SerializeToNode(failure) });
            if (failure is not null) break;
        }

        protocol.Send("done", new JsonObject { ["peakMemory"] = System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 });
        return 0;
    }

    private static List<Diagnostic> Errors(KernelCommandResult result) =>
        result.Events.OfType<DiagnosticsProduced>().SelectMany(d => d.Diagnostics).Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
}
