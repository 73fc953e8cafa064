namespace RlNotebooks.Runner.Execution;

/// <summary>Why a notebook stopped.</summary>
public enum FailureKind
{
    /// <summary>The cell does not compile (or the kernel refused it, e.g. an unknown magic command).</summary>
    CompilationError,

    /// <summary>The cell threw (including a failed assertion).</summary>
    Exception,

    /// <summary>The cell exceeded the cell or notebook time limit; the notebook's process was killed.</summary>
    Timeout,

    /// <summary>The notebook's process exceeded the memory limit.</summary>
    MemoryLimit,

    /// <summary>The notebook's process ended while the cell ran (native abort, stack overflow, unhandled exception on
    /// another thread, <c>Environment.Exit</c>).</summary>
    ProcessEnded,

    /// <summary>The run was interrupted (Ctrl-C) while the cell ran.</summary>
    Interrupted,
}

/// <summary>Where and why a notebook failed.</summary>
/// <param name="CellNumber">1-based position of the cell among all cells of the notebook (markdown included).</param>
/// <param name="Line">1-based line within that cell, when known.</param>
/// <param name="Kind">The kind of failure.</param>
/// <param name="Message">The compiler diagnostic, exception message or reason.</param>
public sealed record CellFailure(int CellNumber, int? Line, FailureKind Kind, string Message)
{
    /// <summary>"cell 3, line 2: message".</summary>
    public override string ToString() =>
        Line is { } line ? $"cell {CellNumber}, line {line}: {Message}" : $"cell {CellNumber}: {Message}";
}
