using System.Text.Json;
using System.Text.Json.Nodes;

namespace RlNotebooks.Runner.Notebooks;

/// <summary>Reads nbformat 4 C# notebooks, rejecting anything else (cells in other languages included) with a
/// <see cref="NotebookFormatException"/>.</summary>
internal static class NotebookReader
{
    /// <summary>The notebook at <paramref name="path"/>, which names it in errors and anchors relative paths.</summary>
    public static Notebook Read(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (IOException e)
        {
            throw new NotebookFormatException(path, $"cannot be read: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path, $"is not valid JSON ({e.Message})", e);
        }

        if (root is not JsonObject notebook) throw new NotebookFormatException(path, "is not a notebook: the top level is not a JSON object");

        int format = notebook["nbformat"] is JsonValue v && v.TryGetValue(out int f) ? f : -1;
        if (format != 4)
        {
            string found = format < 0 ? "no nbformat" : $"nbformat {format}";
            throw new NotebookFormatException(path, $"has {found}; only nbformat 4 notebooks are supported (open and re-save it in VS Code or Jupyter)");
        }

        JsonObject metadata = notebook["metadata"] as JsonObject ?? [];
        string kernel = PolyglotMetadata.DefaultKernel(metadata);
        if (kernel != PolyglotMetadata.CSharp)
        {
            throw new NotebookFormatException(path, $"has default kernel '{kernel}'; the runner executes C# (.NET Interactive 'csharp') notebooks only");
        }

        if (notebook["cells"] is not JsonArray cells) throw new NotebookFormatException(path, "has no 'cells' array");

        return new Notebook(path, (JsonObject)metadata.DeepClone(), cells.Select((cell, i) => ReadCell(path, cell, i + 1, kernel)).ToList());
    }

    private static NotebookCell ReadCell(string path, JsonNode? node, int number, string defaultKernel)
    {
        if (node is not JsonObject cell) throw new NotebookFormatException(path, $"cell {number} is not a JSON object");
        string? type = cell["cell_type"] is JsonValue t && t.TryGetValue(out string? s) ? s : null;
        if (type is not ("code" or "markdown" or "raw"))
        {
            throw new NotebookFormatException(path, $"cell {number} has cell_type '{type ?? "(missing)"}'; expected code, markdown or raw");
        }

        string source = cell["source"] switch
        {
            JsonValue text when text.TryGetValue(out string? single) => single,
            JsonArray lines => string.Concat(lines.Select(l => l is JsonValue lv && lv.TryGetValue(out string? line)
                ? line
                : throw new NotebookFormatException(path, $"cell {number} has a non-string source line"))),
            null => "",
            _ => throw new NotebookFormatException(path, $"cell {number} has a source that is neither a string nor a list of strings"),
        };

        string? id = cell["id"] is JsonValue idValue && idValue.TryGetValue(out string? existing) && existing.Length > 0 ? existing : null;
        JsonObject metadata = cell["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : [];
        if (type == "code" && PolyglotMetadata.CellKernel(metadata, defaultKernel) is var language and not PolyglotMetadata.CSharp)
        {
            throw new NotebookFormatException(path, $"cell {number} is in '{language}'; the runner executes C# cells only");
        }

        return new NotebookCell(id, type, source, metadata, cell["attachments"]?.DeepClone());
    }
}

/// <summary>The file is not a runnable notebook: invalid JSON, not nbformat 4, or not a C# notebook. The message starts
/// with the file's name.</summary>
internal sealed class NotebookFormatException(string path, string reason, Exception? inner = null)
    : Exception($"{System.IO.Path.GetFileName(path)}: {reason}", inner);
