namespace RlNotebooks.Runner.Execution;

/// <summary>Limits of one notebook's process.</summary>
/// <param name="Cell">Longest a single cell may run.</param>
/// <param name="Notebook">Longest the whole notebook may run.</param>
/// <param name="MemoryBytes">Most memory the process may use (GC heap limit and resident set).</param>
public sealed record ExecutionLimits(TimeSpan Cell, TimeSpan Notebook, long MemoryBytes)
{
    /// <summary>300 s per cell, 600 s per notebook, 8 GB.</summary>
    public static ExecutionLimits Default { get; } = new(TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(600), 8L << 30);
}
