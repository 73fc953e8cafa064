namespace RlNotebooks.Runner.Execution;

/// <summary>Time limits of one notebook run.</summary>
/// <param name="Cell">Longest a single cell may run.</param>
/// <param name="Notebook">Longest the whole notebook may run.</param>
public sealed record ExecutionLimits(TimeSpan Cell, TimeSpan Notebook)
{
    /// <summary>300 s per cell, 600 s per notebook.</summary>
    public static ExecutionLimits Default { get; } = new(TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(600));
}
