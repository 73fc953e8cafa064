using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace RlNotebooks.Runner.Execution;

/// <summary>Turns a cell's compile error, exception or forced stop into a <see cref="CellFailure"/> (cell number, line,
/// message) and the nbformat <c>error</c> output kept in the executed notebook.</summary>
internal static class CellErrors
{
    /// <summary>The file name compiled into cell <paramref name="cellNumber"/>'s debug information: the notebook's path
    /// with the cell number, so stack frames name the cell and its line.</summary>
    public static string CellPath(string notebookPath, int cellNumber) => $"{notebookPath}[cell {cellNumber}]";

    private static JsonObject Output(string ename, string evalue, IEnumerable<string> traceback) => new()
    {
        ["ename"] = ename,
        ["evalue"] = evalue,
        ["output_type"] = "error",
        ["traceback"] = new JsonArray(traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
    };

    /// <summary>The failure and error output of cell <paramref name="cellNumber"/>'s submission, or none when it succeeded.</summary>
    public static (CellFailure?, JsonObject?) Of(KernelCommandResult result, string notebookPath, int cellNumber, long memoryLimit) =>
        result.Events.OfType<CommandFailed>().LastOrDefault() switch
        {
            null => (null, null),
            { Exception: { } exception and not CodeSubmissionCompilationErrorException } => FromException(notebookPath, cellNumber, exception, memoryLimit),
            { } failed => FromCompilation(cellNumber, result, failed.Message),
        };

    /// <summary>A compile error: the kernel's error diagnostics (line spans are 0-based), or its message when it gave none
    /// (e.g. an unknown magic command).</summary>
    private static (CellFailure Failure, JsonObject Output) FromCompilation(int cellNumber, KernelCommandResult result, string kernelMessage)
    {
        var errors = result.Events.OfType<DiagnosticsProduced>().SelectMany(d => d.Diagnostics)
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        if (errors.Count == 0)
        {
            return (new CellFailure(cellNumber, null, FailureKind.CompilationError, kernelMessage), Output("CompilationError", kernelMessage, [kernelMessage]));
        }

        Diagnostic first = errors[0];
        string message = $"{first.Code}: {first.Message}";
        var traceback = errors.Select(d =>
            $"(line {d.LinePositionSpan.Start.Line + 1}, column {d.LinePositionSpan.Start.Character + 1}): error {d.Code}: {d.Message}");
        return (new CellFailure(cellNumber, first.LinePositionSpan.Start.Line + 1, FailureKind.CompilationError, message),
                Output("CompilationError", message, traceback));
    }

    /// <summary>An exception thrown by cell <paramref name="cellNumber"/>; the line is
    /// that of the outermost stack frame inside the cell (the statement that was running, e.g. a failed
    /// <c>Check(…)</c> call rather than the <c>throw</c> inside the helper); when the throw happened in code from another
    /// cell, the message says where. <paramref name="memoryLimit"/> explains an <see cref="OutOfMemoryException"/>.</summary>
    private static (CellFailure Failure, JsonObject Output) FromException(string notebookPath, int cellNumber, Exception exception, long memoryLimit)
    {
        StackFrame[] frames = new StackTrace(exception, fNeedFileInfo: true).GetFrames();
        string cellPath = CellPath(notebookPath, cellNumber);
        string cellPrefix = notebookPath + "[cell ";
        StackFrame? inCell = frames.LastOrDefault(f => f.GetFileName() == cellPath && f.GetFileLineNumber() > 0);
        StackFrame? innermost = frames.FirstOrDefault(f => f.GetFileName()?.StartsWith(cellPrefix, StringComparison.Ordinal) == true && f.GetFileLineNumber() > 0);

        string message = exception.Message;
        int? line = inCell?.GetFileLineNumber();
        if (innermost is not null && innermost.GetFileName() != cellPath)
        {
            string otherCell = innermost.GetFileName()![cellPrefix.Length..^1];
            message = $"{message} (thrown at line {innermost.GetFileLineNumber()} of cell {otherCell})";
        }

        FailureKind kind = exception is OutOfMemoryException ? FailureKind.MemoryLimit : FailureKind.Exception;
        if (kind == FailureKind.MemoryLimit) message = $"{MemoryLimitMessage(memoryLimit)} ({exception.Message})";
        string ename = exception.GetType().FullName ?? exception.GetType().Name;
        IEnumerable<string> traceback = [$"{ename}: {exception.Message}", .. UserFrames(exception)];
        return (new CellFailure(cellNumber, line, kind, message), Output(ename, exception.Message, traceback));
    }

    /// <summary>The failure and error output of a cell the runner stopped from outside (time limit, memory limit,
    /// interrupt) or whose process ended.</summary>
    public static (CellFailure Failure, JsonObject Output) Stopped(int cellNumber, FailureKind kind, string message) =>
        (new CellFailure(cellNumber, null, kind, message), Output(kind.ToString(), message, [$"{kind}: {message}"]));

    /// <summary>"the notebook exceeded its memory limit of 8 GB (--memory-limit)".</summary>
    public static string MemoryLimitMessage(long limitBytes) =>
        $"the notebook exceeded its memory limit of {(limitBytes / (double)(1L << 30)).ToString("0.###", CultureInfo.InvariantCulture)} GB (--memory-limit)";

    private static IEnumerable<string> UserFrames(Exception error) =>
        (error.StackTrace ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .TakeWhile(l => !l.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal))
            .Where(l => !l.StartsWith("--- End of stack trace", StringComparison.Ordinal));
}
