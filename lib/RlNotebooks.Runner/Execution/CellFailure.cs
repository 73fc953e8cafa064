namespace RlNotebooks.Runner.Execution;

/// <summary>Why a notebook stopped.</summary>
public enum FailureKind
{
    /// <summary>The cell does not compile.</summary>
    CompilationError,

    /// <summary>The cell threw (including a failed assertion).</summary>
    Exception,

    /// <summary>The cell exceeded the cell or notebook time limit and was abandoned.</summary>
    Timeout,

    /// <summary>The cell uses a directive the runner cannot honour (<c>#!…</c>, <c>#r "nuget:…"</c>).</summary>
    UnsupportedDirective,

    /// <summary>A <c>#r</c> names a file that does not exist.</summary>
    MissingReference,

    /// <summary>The cell is in a language other than C#.</summary>
    UnsupportedLanguage,
}

/// <summary>Where and why a notebook failed.</summary>
/// <param name="CellNumber">1-based position of the cell among all cells of the notebook (markdown included).</param>
/// <param name="Line">1-based line within that cell, when known.</param>
/// <param name="Kind">The kind of failure.</param>
/// <param name="Message">The compiler diagnostic or exception message.</param>
public sealed record CellFailure(int CellNumber, int? Line, FailureKind Kind, string Message)
{
    /// <summary>"cell 3, line 2: message".</summary>
    public override string ToString() =>
        Line is { } line ? $"cell {CellNumber}, line {line}: {Message}" : $"cell {CellNumber}: {Message}";
}
