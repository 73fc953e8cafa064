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

    /// <summary>Serializes <paramref name="notebook"/>; assigns ids to cells that have none (kept in the model).</summary>
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
                do id = Guid.NewGuid().ToString("N")[..12];
                while (!seen.Add(id));
                cell.Id = id;
            }
        }
    }

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

    private static JsonObject OutputJson(CellOutput output) => output switch
    {
        StreamOutput s => new JsonObject { ["name"] = s.Name, ["output_type"] = s.OutputType, ["text"] = Lines(s.Text) },
        DisplayDataOutput d => new JsonObject { ["data"] = BundleJson(d.Data), ["metadata"] = new JsonObject(), ["output_type"] = d.OutputType },
        ExecuteResultOutput r => new JsonObject
        {
            ["data"] = BundleJson(r.Data),
            ["execution_count"] = r.ExecutionCount,
            ["metadata"] = new JsonObject(),
            ["output_type"] = r.OutputType,
        },
        ErrorOutput e => new JsonObject
        {
            ["ename"] = e.EName,
            ["evalue"] = e.EValue,
            ["output_type"] = e.OutputType,
            ["traceback"] = new JsonArray(e.Traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output), output.GetType().Name, "Unknown output kind."),
    };

    private static JsonObject BundleJson(MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach ((string mime, JsonNode value) in bundle.Entries)
        {
            bool multiLineText = value is JsonValue v && v.TryGetValue(out string? text) && !mime.StartsWith("image/", StringComparison.Ordinal);
            data[mime] = multiLineText ? Lines(value.GetValue<string>()) : value.DeepClone();
        }

        return data;
    }
}
