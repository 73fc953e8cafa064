using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RlNotebooks.Runner.Notebooks;

/// <summary>Writes a notebook as nbformat 4.5 with C# Polyglot metadata, unique cell ids and the cells' outputs,
/// laid out the way Jupyter writes files (sorted keys, one-space indent, multi-line strings as lists of lines).</summary>
public static class NotebookWriter
{
    private static readonly JsonSerializerOptions Layout = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serializes <paramref name="notebook"/>; assigns ids derived from the content to cells that have none or
    /// repeat an earlier id (kept in the model).</summary>
    public static string ToJson(Notebook notebook)
    {
        AssignUniqueIds(notebook.Cells);
        JsonObject metadata = (JsonObject)notebook.Metadata.DeepClone();
        PolyglotMetadata.ApplyToNotebook(metadata);

        var cells = new JsonArray();
        foreach (NotebookCell cell in notebook.Cells) cells.Add(CellJson(cell));

        var root = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = metadata,
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return Sorted(root)!.ToJsonString(Layout) + "\n";
    }

    /// <summary>Writes <paramref name="notebook"/> to <paramref name="path"/> (UTF-8, no BOM), creating the folder.</summary>
    public static void Write(Notebook notebook, string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        File.WriteAllText(path, ToJson(notebook), new UTF8Encoding(false));
    }

    /// <summary>Splits text into lines that keep their '\n', as Jupyter stores multi-line strings.</summary>
    public static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            int next = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..next]);
            start = next;
        }

        return lines;
    }

    /// <summary>A copy with every object's keys in ordinal order, as Jupyter and VS Code write notebooks (stable diffs).</summary>
    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    private static void AssignUniqueIds(IReadOnlyList<NotebookCell> cells)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (NotebookCell cell in cells)
        {
            if (cell.Id is null || !IsValidId(cell.Id) || !seen.Add(cell.Id))
            {
                string id;
                int attempt = 0;
                do id = DerivedId(cell, attempt++);
                while (!seen.Add(id));
                cell.Id = id;
            }
        }
    }

    /// <summary>An id derived from the cell's content, so two runs of the same notebook write the same ids.</summary>
    private static string DerivedId(NotebookCell cell, int attempt) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{attempt}\n{cell.CellType}\n{cell.Source}")))[..12];

    private static bool IsValidId(string id) =>
        id.Length is >= 1 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static JsonObject CellJson(NotebookCell cell)
    {
        JsonObject metadata = (JsonObject)cell.Metadata.DeepClone();
        var json = new JsonObject { ["cell_type"] = cell.CellType, ["id"] = cell.Id };
        if (cell.IsCode)
        {
            PolyglotMetadata.ApplyToCodeCell(metadata);
            json["execution_count"] = cell.ExecutionCount;
            json["metadata"] = metadata;
            json["outputs"] = new JsonArray(cell.Outputs.Select(OutputJson).ToArray<JsonNode?>());
        }
        else
        {
            if (cell.Attachments is not null) json["attachments"] = cell.Attachments.DeepClone();
            json["metadata"] = metadata;
        }

        json["source"] = Lines(cell.Source);
        return json;
    }

    private static JsonObject OutputJson(JsonObject output)
    {
        var json = (JsonObject)output.DeepClone();
        if (json["text"] is JsonValue text) json["text"] = Lines(text.GetValue<string>());
        if (json["data"] is JsonObject data)
        {
            foreach (string mime in data.Select(p => p.Key).ToList())
            {
                if (data[mime] is JsonValue v && v.TryGetValue(out string? value) && !mime.StartsWith("image/", StringComparison.Ordinal)) data[mime] = Lines(value);
            }
        }

        if (json["output_type"]?.GetValue<string>() is "display_data" or "execute_result") json["metadata"] ??= new JsonObject();
        return json;
    }
}
