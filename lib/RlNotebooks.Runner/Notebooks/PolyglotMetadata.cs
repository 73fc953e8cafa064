using System.Text.Json.Nodes;

namespace RlNotebooks.Runner.Notebooks;

/// <summary>The .NET Interactive (Polyglot) metadata conventions: which kernel a notebook and each cell belong to.</summary>
internal static class PolyglotMetadata
{
    public const string CSharp = "csharp";

    /// <summary>The notebook metadata VS Code's Polyglot extension expects of a C# notebook.</summary>
    private const string NotebookMetadata = """
        {
          "kernelspec": { "display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp" },
          "language_info": { "file_extension": ".cs", "mimetype": "text/x-csharp", "name": "C#", "pygments_lexer": "csharp", "version": "13.0" },
          "polyglot_notebook": { "kernelInfo": { "defaultKernelName": "csharp", "items": [ { "aliases": [], "name": "csharp" } ] } }
        }
        """;

    /// <summary>The default kernel of a notebook: <c>polyglot_notebook.kernelInfo.defaultKernelName</c>, else derived from
    /// <c>kernelspec</c> / <c>language_info</c>; a notebook without any of them is C#.</summary>
    public static string DefaultKernel(JsonObject notebookMetadata)
    {
        if (Text(notebookMetadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]) is { } kernel) return kernel;
        if (notebookMetadata["kernelspec"] is JsonObject spec)
        {
            string? name = Text(spec["name"]), language = Text(spec["language"]);
            if (name is ".net-csharp" || string.Equals(language, "C#", StringComparison.OrdinalIgnoreCase)) return CSharp;
            return name is not null && name.StartsWith(".net-", StringComparison.Ordinal) ? name[".net-".Length..] : name ?? language ?? "unknown";
        }

        string? info = Text(notebookMetadata["language_info"]?["name"]);
        return info is null or "polyglot-notebook" || string.Equals(info, "C#", StringComparison.OrdinalIgnoreCase) ? CSharp : info;
    }

    /// <summary>The kernel of a code cell: <c>dotnet_interactive.language</c>, else <c>polyglot_notebook.kernelName</c>,
    /// else the notebook's default.</summary>
    public static string CellKernel(JsonObject cellMetadata, string defaultKernel) =>
        Text(cellMetadata["dotnet_interactive"]?["language"]) ?? Text(cellMetadata["polyglot_notebook"]?["kernelName"]) ?? defaultKernel;

    /// <summary>Sets the C# notebook metadata (other keys are kept).</summary>
    public static void ApplyToNotebook(JsonObject metadata)
    {
        foreach ((string key, JsonNode? value) in JsonNode.Parse(NotebookMetadata)!.AsObject()) metadata[key] = value?.DeepClone();
    }

    /// <summary>Marks a code cell as C# in both the old and new Polyglot metadata keys (other keys are kept).</summary>
    public static void ApplyToCodeCell(JsonObject cellMetadata)
    {
        cellMetadata["dotnet_interactive"] = new JsonObject { ["language"] = CSharp };
        cellMetadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = CSharp };
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
