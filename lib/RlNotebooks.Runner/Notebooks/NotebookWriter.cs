using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RlNotebooks.Runner.Notebooks;

/// <summary>Writes a notebook as nbformat 4.5 with C# Polyglot metadata, unique cell ids and the cells' outputs,
/// laid out the way Jupyter writes files (sorted keys, one-space indent, multi-line strings as lists of lines).</summary>
internal static class NotebookWriter
{
    private static readonly JsonSerializerOptions Layout = new() { WriteIndented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="notebook"/> to <paramref name="path"/> (UTF-8, no BOM), creating the folder; assigns
    /// ids derived from the content to cells that have none or repeat an earlier id (kept in the model).</summary>
    public static void Write(Notebook notebook, string path)
    {
        AssignUniqueIds(notebook.Cells);
        JsonObject metadata = (JsonObject)notebook.Metadata.DeepClone();
        PolyglotMetadata.ApplyToNotebook(metadata);
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(notebook.Cells.Select(CellJson).ToArray<JsonNode?>()),
            ["metadata"] = metadata,
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        File.WriteAllText(path, Sorted(root)!.ToJsonString(Layout) + "\n", new UTF8Encoding(false));
    }

    /// <summary>Text as Jupyter stores multi-line strings: a list of lines, each keeping its '\n'.</summary>
    private static JsonArray Lines(string text) =>
        new(Regex.Split(text, "(?<=\n)").Where(line => line.Length > 0).Select(line => (JsonNode?)line).ToArray());

    /// <summary>A copy with every object's keys in ordinal order, as Jupyter and VS Code write notebooks (stable diffs).</summary>
    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    /// <summary>Keeps valid ids seen first; the others get the first id derived from the content that is still free.</summary>
    private static void AssignUniqueIds(IReadOnlyList<NotebookCell> cells)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (NotebookCell cell in cells)
        {
            for (int attempt = 0; cell.Id is null || !IsValidId(cell.Id) || !seen.Add(cell.Id); attempt++) cell.Id = DerivedId(cell, attempt);
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
        var json = new JsonObject { ["cell_type"] = cell.CellType, ["id"] = cell.Id, ["metadata"] = metadata, ["source"] = Lines(cell.Source) };
        if (cell.IsCode)
        {
            PolyglotMetadata.ApplyToCodeCell(metadata);
            json["execution_count"] = cell.ExecutionCount;
            json["outputs"] = new JsonArray(cell.Outputs.Select(OutputJson).ToArray<JsonNode?>());
        }
        else if (cell.Attachments is not null)
        {
            json["attachments"] = cell.Attachments.DeepClone();
        }

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

        return json;
    }
}
