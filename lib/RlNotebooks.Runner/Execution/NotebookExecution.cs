using RlNotebooks.Runner.Notebooks;

namespace RlNotebooks.Runner.Execution;

/// <summary>The outcome of executing one notebook (its cells now carry outputs and execution counts).</summary>
/// <param name="Notebook">The executed notebook.</param>
/// <param name="Failure">Why it stopped early, or null when every code cell ran.</param>
/// <param name="CellsExecuted">Code cells that ran (the failing one included).</param>
/// <param name="CodeCells">Code cells in the notebook.</param>
/// <param name="Elapsed">Wall-clock time, process start included.</param>
/// <param name="PeakMemoryBytes">Peak resident memory of the notebook's process as it reported when done; 0 when it did not finish.</param>
public sealed record NotebookExecution(Notebook Notebook, CellFailure? Failure, int CellsExecuted, int CodeCells, TimeSpan Elapsed, long PeakMemoryBytes);
