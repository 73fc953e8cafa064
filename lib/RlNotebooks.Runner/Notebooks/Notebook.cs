using System.Text.Json.Nodes;

namespace RlNotebooks.Runner.Notebooks;

/// <summary>An nbformat 4 notebook as read from disk: its full path, its notebook-level metadata (kept and completed on
/// write) and its cells in order.</summary>
internal sealed record Notebook(string Path, JsonObject Metadata, IReadOnlyList<NotebookCell> Cells)
{
    /// <summary>1-based numbers, among all cells, of the code cells.</summary>
    public IEnumerable<int> CodeCellNumbers() => Cells.Select((cell, i) => (cell, number: i + 1)).Where(c => c.cell.IsCode).Select(c => c.number);
}

/// <summary>One cell of a notebook: its source as read (lines joined, metadata and attachments kept) and, for code
/// cells, the outputs of the last execution.</summary>
internal sealed class NotebookCell(string? id, string cellType, string source, JsonObject metadata, JsonNode? attachments = null)
{
    /// <summary>nbformat 4.5 cell id; null when the source notebook had none (the writer assigns one).</summary>
    public string? Id { get; set; } = id;

    /// <summary><c>code</c>, <c>markdown</c> or <c>raw</c>.</summary>
    public string CellType => cellType;

    public string Source => source;

    public JsonObject Metadata => metadata;

    public JsonNode? Attachments => attachments;

    public bool IsCode => CellType == "code";

    /// <summary>nbformat output objects in the order they were produced (multi-line strings kept whole;
    /// <see cref="NotebookWriter"/> splits them into lines).</summary>
    public List<JsonObject> Outputs { get; } = [];

    public int? ExecutionCount { get; set; }
}
