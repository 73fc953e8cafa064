using System.Text.Json.Nodes;
using RlNotebooks.Runner;

namespace RlNotebooks.Tests.Runner;

/// <summary>Where executed copies go, and that they are the same bytes on every run.</summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly TestNotebooks _notebooks = new();

    public void Dispose() => _notebooks.Dispose();

    [Fact]
    public async Task Notebooks_of_the_same_name_in_different_folders_keep_their_folders_under_the_output()
    {
        string a = _notebooks.Write(Path.Combine("part-a", "lecture.ipynb"), "\"a\"");
        string b = _notebooks.Write(Path.Combine("part-b", "lecture.ipynb"), "\"b\"");

        RunResult result = await NotebookRunner.RunAsync([a, b], _notebooks.Options());

        Assert.True(result.Succeeded);
        Assert.Equal([Path.Combine(_notebooks.Output, "part-a", "lecture.ipynb"), Path.Combine(_notebooks.Output, "part-b", "lecture.ipynb")],
            result.Notebooks.Select(n => n.OutputPath));
        Assert.Contains("\"b\"", File.ReadAllText(result.Notebooks[1].OutputPath!));
    }

    [Fact]
    public async Task An_output_folder_holding_a_source_notebook_is_refused_unless_in_place()
    {
        string path = _notebooks.Write("source.ipynb", "1");
        string before = File.ReadAllText(path);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => NotebookRunner.RunAsync([path], _notebooks.Options() with { OutputDirectory = _notebooks.Folder }));

        Assert.Contains("--in-place", error.Message);
        Assert.Equal(before, File.ReadAllText(path));
        RunResult inPlace = await NotebookRunner.RunAsync([path], _notebooks.Options() with { OutputDirectory = _notebooks.Folder, InPlace = true });
        Assert.Equal(path, inPlace.Notebooks[0].OutputPath);
    }

    [Fact]
    public async Task An_output_that_cannot_be_written_is_reported_before_any_notebook_runs()
    {
        string path = _notebooks.Write("never-run.ipynb", "File.WriteAllText(\"ran.txt\", \"\");");
        string blocker = _notebooks.WriteRaw("file-not-folder", "");
        var observer = new Started();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            NotebookRunner.RunAsync([path], _notebooks.Options() with { OutputDirectory = Path.Combine(blocker, "out") }, observer));

        Assert.Contains("cannot be written", error.Message);
        Assert.Equal(0, observer.Count);
    }

    [Fact]
    public async Task Two_runs_write_byte_identical_copies_with_kept_ids_and_metadata()
    {
        string library = typeof(RlNotebooks.Charts.Chart).Assembly.Location;
        File.Copy(library, Path.Combine(Directory.CreateDirectory(Path.Combine(_notebooks.Folder, "lib")).FullName, "RlNotebooks.dll"));
        JsonObject tagged = TestNotebooks.Code("Console.WriteLine(\"text\");\ndisplay(new[] { 1, 2 });\n\"result\"");
        tagged["id"] = "kept-id";
        tagged["metadata"]!["tags"] = new JsonArray("keep-me");
        JsonObject duplicate = TestNotebooks.Code("1");
        duplicate["id"] = "kept-id";
        string path = _notebooks.Write("same.ipynb",
            "#r \"lib/RlNotebooks.dll\"\nusing RlNotebooks.Charts;\nChart.Line(new[] { 1.0, 2.0, 4.0 }, \"returns\")",
            tagged, duplicate, TestNotebooks.Markdown("no id"));

        RunResult first = await NotebookRunner.RunAsync([path], _notebooks.Options() with { OutputDirectory = Path.Combine(_notebooks.Folder, "one") });
        RunResult second = await NotebookRunner.RunAsync([path], _notebooks.Options() with { OutputDirectory = Path.Combine(_notebooks.Folder, "two") });

        Assert.True(first.Succeeded && second.Succeeded, first.Notebooks[0].ToString());
        Assert.Equal(File.ReadAllBytes(first.Notebooks[0].OutputPath!), File.ReadAllBytes(second.Notebooks[0].OutputPath!));
        JsonObject executed = JsonNode.Parse(File.ReadAllText(first.Notebooks[0].OutputPath!))!.AsObject();
        Assert.Equal(5, executed["nbformat_minor"]!.GetValue<int>());
        var cells = executed["cells"]!.AsArray();
        var ids = cells.Select(c => c!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal("kept-id", ids[1]);
        Assert.Equal("keep-me", cells[1]!["metadata"]!["tags"]![0]!.GetValue<string>());
        Assert.Equal([1, 2, 3], cells.Take(3).Select(c => c!["execution_count"]!.GetValue<int>()));
        Assert.Equal(["stream", "display_data", "execute_result"], TestNotebooks.Outputs(executed, 1).Select(o => o!["output_type"]!.GetValue<string>()));
        Assert.IsType<JsonObject>(TestNotebooks.Outputs(executed, 0)[0]!["data"]!["application/vnd.plotly.v1+json"], exactMatch: false);
    }

    [Fact]
    public async Task Stdout_beyond_1_MB_in_a_cell_is_cut_with_a_note_of_what_was_dropped()
    {
        string path = _notebooks.Write("chatty.ipynb", "var line = new string('x', 1023);\nfor (int i = 0; i < 1536; i++) Console.WriteLine(line);");

        Assert.True((await _notebooks.RunAsync(path)).Succeeded);

        JsonArray outputs = TestNotebooks.Outputs(_notebooks.Executed(path), 0);
        Assert.Equal(1 << 20, TestNotebooks.Text(outputs[0]!["text"]).Length);
        Assert.Contains("524,288 more bytes of stdout dropped", TestNotebooks.Text(outputs[^1]!["text"]));
    }

    private sealed class Started : IRunObserver
    {
        public int Count { get; private set; }

        public void NotebookStarted(string path, int index, int count) => Count++;

        public void CellStarted(string path, int cellIndex, int cellCount) { }

        public void NotebookFinished(NotebookResult result) { }

        public void DisplayUpdated(string path, string text) { }

        public void RenderingImages(int charts) { }
    }
}
