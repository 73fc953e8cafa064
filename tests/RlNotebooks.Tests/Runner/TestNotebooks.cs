using System.Text.Json.Nodes;
using RlNotebooks.Runner;

namespace RlNotebooks.Tests.Runner;

/// <summary>Writes small Polyglot notebooks into a temp folder (deleted on dispose) and runs them with the in-process API.</summary>
internal sealed class TestNotebooks : IDisposable
{
    public TestNotebooks() => Folder = Directory.CreateTempSubdirectory("rlnotebooks-test-").FullName;

    public string Folder { get; }

    public string Output => Path.Combine(Folder, "out");

    /// <summary>A C# code cell as VS Code's Polyglot extension writes it.</summary>
    public static JsonObject Code(string source) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["metadata"] = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
        },
        ["outputs"] = new JsonArray(),
        ["source"] = source,
    };

    public static JsonObject Markdown(string source) => new()
    {
        ["cell_type"] = "markdown",
        ["metadata"] = new JsonObject(),
        ["source"] = source,
    };

    /// <summary>Writes a notebook of <paramref name="cells"/> (strings become C# code cells) and returns its path.</summary>
    public string Write(string name, params object[] cells)
    {
        var array = new JsonArray(cells.Select(c => (JsonNode?)(c is string s ? Code(s) : (JsonObject)c)).ToArray());
        var notebook = new JsonObject
        {
            ["cells"] = array,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return WriteRaw(name, notebook.ToJsonString());
    }

    public string WriteRaw(string name, string content)
    {
        string path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public RunnerOptions Options(TimeSpan? cellTimeout = null, TimeSpan? notebookTimeout = null, bool images = false) => new()
    {
        OutputDirectory = Output,
        RepositoryRoot = Folder,
        CellTimeout = cellTimeout ?? TimeSpan.FromSeconds(120),
        NotebookTimeout = notebookTimeout ?? TimeSpan.FromSeconds(240),
        StaticImages = images,
    };

    public Task<RunResult> RunAsync(params string[] paths) => NotebookRunner.RunAsync(paths, Options());

    /// <summary>The executed copy of <paramref name="source"/> in the output folder.</summary>
    public JsonObject Executed(string source) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Output, Path.GetFileName(source))))!.AsObject();

    /// <summary>The outputs of cell <paramref name="index"/> (0-based) of an executed notebook.</summary>
    public static JsonArray Outputs(JsonObject notebook, int index) => notebook["cells"]![index]!["outputs"]!.AsArray();

    /// <summary>A Jupyter multi-line string (list of lines) joined back.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        JsonValue v => v.GetValue<string>(),
        _ => throw new InvalidOperationException("not text"),
    };

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
