using System.Text.Json.Nodes;
using RlNotebooks.Runner;

namespace RlNotebooks.Tests.Runner;

public sealed class OutputStructureTests : IDisposable
{
    private readonly TestNotebooks _notebooks = new();

    public void Dispose() => _notebooks.Dispose();

    [Fact]
    public async Task Executed_notebook_is_nbformat_4_5_with_polyglot_metadata_unique_ids_and_complete_outputs()
    {
        JsonObject kept = TestNotebooks.Markdown("# kept id");
        kept["id"] = "intro-cell";
        JsonObject duplicate = TestNotebooks.Code("Console.WriteLine(\"out\");\ndisplay(\"shown\");\n1 + 1");
        duplicate["id"] = "intro-cell";
        string path = _notebooks.Write("structure.ipynb", kept, duplicate, TestNotebooks.Markdown("two\nlines"), "throw new InvalidOperationException(\"stop\");");

        await _notebooks.RunAsync(path);
        JsonObject nb = _notebooks.Executed(path);

        Assert.Equal(4, nb["nbformat"]!.GetValue<int>());
        Assert.Equal(5, nb["nbformat_minor"]!.GetValue<int>());
        JsonNode metadata = nb["metadata"]!;
        Assert.Equal(".net-csharp", metadata["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal(".NET (C#)", metadata["kernelspec"]!["display_name"]!.GetValue<string>());
        Assert.Equal("C#", metadata["kernelspec"]!["language"]!.GetValue<string>());
        Assert.Equal("C#", metadata["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", metadata["language_info"]!["pygments_lexer"]!.GetValue<string>());
        Assert.Equal(".cs", metadata["language_info"]!["file_extension"]!.GetValue<string>());
        Assert.Equal("csharp", metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        Assert.Equal("csharp", metadata["polyglot_notebook"]!["kernelInfo"]!["items"]![0]!["name"]!.GetValue<string>());

        JsonArray cells = nb["cells"]!.AsArray();
        var ids = cells.Select(c => c!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal("intro-cell", ids[0]);
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9_-]{1,64}$", id));
        Assert.Equal(["two\n", "lines"], cells[2]!["source"]!.AsArray().Select(l => l!.GetValue<string>()));

        foreach (JsonNode? cell in cells.Where(c => c!["cell_type"]!.GetValue<string>() == "code"))
        {
            Assert.True(cell!.AsObject().ContainsKey("execution_count"));
            Assert.Equal("csharp", cell["metadata"]!["dotnet_interactive"]!["language"]!.GetValue<string>());
            Assert.Equal("csharp", cell["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
            Assert.IsType<JsonArray>(cell["source"]);
        }

        Assert.All(cells.Where(c => c!["cell_type"]!.GetValue<string>() == "markdown"), c => Assert.False(c!.AsObject().ContainsKey("outputs")));

        var outputs = cells.SelectMany(c => c!["outputs"]?.AsArray() ?? []).Select(o => o!.AsObject()).ToList();
        Assert.Equal(["stream", "display_data", "execute_result", "error"], outputs.Select(o => o["output_type"]!.GetValue<string>()));
        Assert.All(outputs, o => Assert.Equal(Required(o["output_type"]!.GetValue<string>()), o.Select(p => p.Key).Order()));
    }

    private static string[] Required(string outputType) => outputType switch
    {
        "stream" => ["name", "output_type", "text"],
        "display_data" => ["data", "metadata", "output_type"],
        "execute_result" => ["data", "execution_count", "metadata", "output_type"],
        "error" => ["ename", "evalue", "output_type", "traceback"],
        _ => throw new ArgumentOutOfRangeException(nameof(outputType)),
    };

    [Fact]
    public async Task Source_notebook_is_unchanged_unless_in_place()
    {
        string path = _notebooks.Write("source.ipynb", "Console.WriteLine(\"hi\");");
        byte[] before = File.ReadAllBytes(path);

        await _notebooks.RunAsync(path);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.True(File.Exists(Path.Combine(_notebooks.Output, "source.ipynb")));

        await NotebookRunner.RunAsync([path], _notebooks.Options() with { InPlace = true });
        JsonObject updated = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.Equal("hi\n", TestNotebooks.Text(TestNotebooks.Outputs(updated, 0)[0]!["text"]));
    }

    [Fact]
    public async Task Rerunning_an_executed_notebook_replaces_its_old_outputs()
    {
        string path = _notebooks.Write("rerun.ipynb", "Console.WriteLine(\"once\");");
        await NotebookRunner.RunAsync([path], _notebooks.Options() with { InPlace = true });
        await NotebookRunner.RunAsync([path], _notebooks.Options() with { InPlace = true });

        JsonArray outputs = TestNotebooks.Outputs(JsonNode.Parse(File.ReadAllText(path))!.AsObject(), 0);
        Assert.Equal("once\n", TestNotebooks.Text(Assert.Single(outputs)!["text"]));
    }
}
