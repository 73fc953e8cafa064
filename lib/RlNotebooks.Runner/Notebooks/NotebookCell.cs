using System.Text.Json.Nodes;

namespace RlNotebooks.Runner.Notebooks;

/// <summary>One cell of a notebook: its source and, for code cells, the outputs of the last execution.</summary>
public sealed class NotebookCell
{
    /// <summary>Creates a cell.</summary>
    public NotebookCell(string? id, string cellType, string source, JsonObject metadata, JsonNode? attachments = null)
    {
        Id = id;
        CellType = cellType;
        Source = source;
        Metadata = metadata;
        Attachments = attachments;
    }

    /// <summary>nbformat 4.5 cell id; null when the source notebook had none (the writer assigns one).</summary>
    public string? Id { get; set; }

    /// <summary><c>code</c>, <c>markdown</c> or <c>raw</c>.</summary>
    public string CellType { get; }

    /// <summary>The cell's source text (lines joined).</summary>
    public string Source { get; }

    /// <summary>The cell's metadata object (kept as read).</summary>
    public JsonObject Metadata { get; }

    /// <summary>Markdown/raw attachments, kept as read.</summary>
    public JsonNode? Attachments { get; }

    /// <summary>True for code cells.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>Outputs of the last execution in the order they were produced, as nbformat output objects (multi-line
    /// strings kept whole; <see cref="NotebookWriter"/> splits them into lines).</summary>
    public List<JsonObject> Outputs { get; } = [];

    /// <summary>Execution count of the last execution; null when not executed.</summary>
    public int? ExecutionCount { get; set; }
}
