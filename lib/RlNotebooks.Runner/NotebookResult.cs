using RlNotebooks.Runner.Execution;

namespace RlNotebooks.Runner;

/// <summary>Outcome of one notebook.</summary>
public enum NotebookStatus
{
    /// <summary>Every code cell ran without error.</summary>
    Passed,

    /// <summary>A cell failed (compile error, exception, time or memory limit, the notebook's process ended).</summary>
    Failed,

    /// <summary>The file is not a runnable C# nbformat 4 notebook (e.g. a cell in another language).</summary>
    Invalid,

    /// <summary>The run was interrupted (Ctrl-C) while this notebook ran.</summary>
    Interrupted,
}

/// <summary>What happened to one notebook.</summary>
/// <param name="SourcePath">The notebook that was run.</param>
/// <param name="OutputPath">Where the executed copy was written; null for invalid files.</param>
/// <param name="Status">Passed, Failed or Invalid.</param>
/// <param name="CellsExecuted">Code cells that ran.</param>
/// <param name="CodeCells">Code cells in the notebook.</param>
/// <param name="Elapsed">Wall-clock time of the execution.</param>
/// <param name="Failure">The failing cell, for <see cref="NotebookStatus.Failed"/>.</param>
/// <param name="Error">Why the file is invalid, for <see cref="NotebookStatus.Invalid"/>.</param>
/// <param name="PeakMemoryBytes">Peak resident memory of the notebook's process as it reported when done; 0 when it did not finish.</param>
public sealed record NotebookResult(
    string SourcePath, string? OutputPath, NotebookStatus Status, int CellsExecuted, int CodeCells, TimeSpan Elapsed, CellFailure? Failure, string? Error,
    long PeakMemoryBytes = 0)
{
    /// <summary>File name of the notebook.</summary>
    public string Name => Path.GetFileName(SourcePath);

    /// <summary>One line for reports: "name: passed", "name: cell 3, line 2: message", "name: is not valid JSON…".</summary>
    public override string ToString() => Status switch
    {
        NotebookStatus.Passed => $"{Name}: passed ({CellsExecuted} code cells)",
        NotebookStatus.Failed or NotebookStatus.Interrupted => $"{Name}: {Failure}",
        _ => Error ?? $"{Name}: invalid",
    };
}

/// <summary>Results of a run, in the order the notebooks were given.</summary>
/// <param name="Notebooks">One result per notebook run (fewer than given after <see cref="RunnerOptions.FailFast"/>).</param>
/// <param name="Notices">Messages for the user, each once (e.g. static images skipped and how to enable them).</param>
/// <param name="Interrupted">The run was interrupted (Ctrl-C): later notebooks did not run.</param>
public sealed record RunResult(IReadOnlyList<NotebookResult> Notebooks, IReadOnlyList<string> Notices, bool Interrupted = false)
{
    /// <summary>True when every notebook passed and the run was not interrupted.</summary>
    public bool Succeeded => !Interrupted && Notebooks.All(n => n.Status == NotebookStatus.Passed);
}
