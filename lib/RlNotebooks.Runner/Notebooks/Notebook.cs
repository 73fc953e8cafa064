using System.Text.Json.Nodes;

namespace RlNotebooks.Runner.Notebooks;

/// <summary>An nbformat 4 notebook as read from disk.</summary>
/// <param name="Path">Full path of the source file.</param>
/// <param name="Metadata">Notebook-level metadata (kept and completed on write).</param>
/// <param name="Cells">The cells in order.</param>
public sealed record Notebook(string Path, JsonObject Metadata, IReadOnlyList<NotebookCell> Cells)
{
    /// <summary>Folder of the notebook: the base for relative <c>#r</c> paths.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>File name of the notebook.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);
}
