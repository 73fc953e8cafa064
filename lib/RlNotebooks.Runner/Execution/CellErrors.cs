using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;
using RlNotebooks.Runner.Notebooks;

namespace RlNotebooks.Runner.Execution;

/// <summary>Turns a cell's compile error or exception into a <see cref="CellFailure"/> (cell number, line, message)
/// and the nbformat <see cref="ErrorOutput"/> kept in the executed notebook.</summary>
public static class CellErrors
{
    /// <summary>The file name compiled into cell <paramref name="cellNumber"/>'s debug information: the notebook's path
    /// with the cell number, so stack frames name the cell (and relative <c>#r</c> still resolve from its folder).</summary>
    public static string CellPath(string notebookPath, int cellNumber) => $"{notebookPath}[cell {cellNumber}]";

    /// <summary>The failure and error output of a compile error.</summary>
    public static (CellFailure Failure, ErrorOutput Output) FromCompilation(int cellNumber, CompilationErrorException error)
    {
        var errors = error.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Diagnostic first = errors.Count > 0 ? errors[0] : error.Diagnostics[0];
        int? line = first.Location.IsInSource ? first.Location.GetLineSpan().StartLinePosition.Line + 1 : null;
        string message = $"{first.Id}: {first.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        var traceback = errors.Select(d =>
        {
            FileLinePositionSpan span = d.Location.GetLineSpan();
            return $"(line {span.StartLinePosition.Line + 1}, column {span.StartLinePosition.Character + 1}): error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }).ToList();
        return (new CellFailure(cellNumber, line, FailureKind.CompilationError, message),
                new ErrorOutput("CompilationError", message, traceback));
    }

    /// <summary>The failure and error output of an exception thrown by cell <paramref name="cellNumber"/>; the line is
    /// that of the outermost stack frame inside the cell (the statement that was running, e.g. a failed
    /// <c>Check(…)</c> call rather than the <c>throw</c> inside the helper); when the throw happened in code from another
    /// cell, the message says where.</summary>
    public static (CellFailure Failure, ErrorOutput Output) FromException(string notebookPath, int cellNumber, Exception exception)
    {
        Exception error = Unwrap(exception);
        StackFrame[] frames = new StackTrace(error, fNeedFileInfo: true).GetFrames();
        string cellPath = CellPath(notebookPath, cellNumber);
        string cellPrefix = notebookPath + "[cell ";
        StackFrame? inCell = frames.LastOrDefault(f => f.GetFileName() == cellPath && f.GetFileLineNumber() > 0);
        StackFrame? innermost = frames.FirstOrDefault(f => f.GetFileName()?.StartsWith(cellPrefix, StringComparison.Ordinal) == true && f.GetFileLineNumber() > 0);

        string message = error.Message;
        int? line = inCell?.GetFileLineNumber();
        if (innermost is not null && innermost.GetFileName() != cellPath)
        {
            string otherCell = innermost.GetFileName()![cellPrefix.Length..^1];
            message = $"{message} (thrown at line {innermost.GetFileLineNumber()} of cell {otherCell})";
        }

        string ename = error.GetType().FullName ?? error.GetType().Name;
        var traceback = new List<string> { $"{ename}: {error.Message}" };
        traceback.AddRange(UserFrames(error));
        return (new CellFailure(cellNumber, line, FailureKind.Exception, message), new ErrorOutput(ename, error.Message, traceback));
    }

    /// <summary>The failure and error output of a cell abandoned at a time limit.</summary>
    public static (CellFailure Failure, ErrorOutput Output) FromTimeout(int cellNumber, TimeSpan limit, string limitName)
    {
        string message = $"the cell did not finish within the {limitName} of {limit.TotalSeconds:0.###} s and was abandoned";
        return (new CellFailure(cellNumber, null, FailureKind.Timeout, message), new ErrorOutput("TimeoutException", message, [$"TimeoutException: {message}"]));
    }

    /// <summary>The failure and error output for a problem found before the cell ran.</summary>
    public static (CellFailure Failure, ErrorOutput Output) BeforeRun(int cellNumber, int? line, FailureKind kind, string message) =>
        (new CellFailure(cellNumber, line, kind, message), new ErrorOutput(kind.ToString(), message, [$"{kind}: {message}"]));

    private static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    continue;
                case TargetInvocationException { InnerException: { } inner }:
                    exception = inner;
                    continue;
                default:
                    return exception;
            }
        }
    }

    private static IEnumerable<string> UserFrames(Exception error) =>
        (error.StackTrace ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .TakeWhile(l => !l.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal))
            .Where(l => !l.StartsWith("--- End of stack trace", StringComparison.Ordinal));
}
