using System.Text.Json.Nodes;

namespace RlNotebooks.Runner.Notebooks;

/// <summary>The .NET Interactive (Polyglot) metadata conventions: which kernel a notebook and each cell belong to.</summary>
public static class PolyglotMetadata
{
    /// <summary>The Polyglot kernel name of C#.</summary>
    public const string CSharp = "csharp";

    /// <summary>The default kernel of a notebook: <c>polyglot_notebook.kernelInfo.defaultKernelName</c>, else derived from
    /// <c>kernelspec</c> / <c>language_info</c>; a notebook without any of them is C#.</summary>
    public static string DefaultKernel(JsonObject notebookMetadata)
    {
        if (notebookMetadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] is JsonValue name
            && name.TryGetValue(out string? kernel) && !string.IsNullOrWhiteSpace(kernel))
        {
            return kernel;
        }

        if (notebookMetadata["kernelspec"] is JsonObject spec)
        {
            string? specName = Text(spec["name"]);
            string? language = Text(spec["language"]);
            if (specName is ".net-csharp" || string.Equals(language, "C#", StringComparison.OrdinalIgnoreCase)) return CSharp;
            if (specName is not null && specName.StartsWith(".net-", StringComparison.Ordinal)) return specName[".net-".Length..];
            return specName ?? language ?? "unknown";
        }

        if (Text(notebookMetadata["language_info"]?["name"]) is { } info)
        {
            return string.Equals(info, "C#", StringComparison.OrdinalIgnoreCase) || info == "polyglot-notebook" ? CSharp : info;
        }

        return CSharp;
    }

    /// <summary>The kernel of a code cell: <c>dotnet_interactive.language</c>, else <c>polyglot_notebook.kernelName</c>,
    /// else the notebook's default.</summary>
    public static string CellKernel(JsonObject cellMetadata, string defaultKernel) =>
        Text(cellMetadata["dotnet_interactive"]?["language"])
        ?? Text(cellMetadata["polyglot_notebook"]?["kernelName"])
        ?? defaultKernel;

    /// <summary>Sets the notebook metadata VS Code's Polyglot extension expects of a C# notebook (other keys are kept).</summary>
    public static void ApplyToNotebook(JsonObject metadata)
    {
        metadata["kernelspec"] = new JsonObject
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = ".net-csharp",
        };
        metadata["language_info"] = new JsonObject
        {
            ["file_extension"] = ".cs",
            ["mimetype"] = "text/x-csharp",
            ["name"] = "C#",
            ["pygments_lexer"] = "csharp",
            ["version"] = "13.0",
        };
        metadata["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = CSharp,
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = CSharp }),
            },
        };
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
