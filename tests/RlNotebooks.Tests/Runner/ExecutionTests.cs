using System.Text.Json.Nodes;
using RlNotebooks.Runner;
using RlNotebooks.Runner.Execution;

namespace RlNotebooks.Tests.Runner;

public sealed class ExecutionTests : IDisposable
{
    private readonly TestNotebooks _notebooks = new();

    public void Dispose() => _notebooks.Dispose();

    [Fact]
    public async Task Console_display_and_trailing_expression_become_stream_display_data_and_execute_result()
    {
        string path = _notebooks.Write("basic.ipynb",
            TestNotebooks.Markdown("# Title"),
            "var x = 21;\nConsole.WriteLine(\"hello\");\ndisplay(new[] { 1, 2, 3 });\nConsole.Error.WriteLine(\"warn\");\nx * 2",
            "var note = \"no result\";",
            "x.Display();\nx");

        RunResult result = await _notebooks.RunAsync(path);

        Assert.True(result.Succeeded, result.Notebooks[0].ToString());
        JsonObject executed = _notebooks.Executed(path);
        JsonArray first = TestNotebooks.Outputs(executed, 1);
        Assert.Equal(["stream", "display_data", "stream", "execute_result"], first.Select(o => o!["output_type"]!.GetValue<string>()));
        Assert.Equal("stdout", first[0]!["name"]!.GetValue<string>());
        Assert.Equal("hello\n", TestNotebooks.Text(first[0]!["text"]));
        Assert.Equal("[ 1, 2, 3 ]", TestNotebooks.Text(first[1]!["data"]!["text/plain"]));
        Assert.Equal("stderr", first[2]!["name"]!.GetValue<string>());
        Assert.Equal("42", TestNotebooks.Text(first[3]!["data"]!["text/plain"]));
        Assert.Equal(1, first[3]!["execution_count"]!.GetValue<int>());
        Assert.Empty(TestNotebooks.Outputs(executed, 2));
        JsonArray third = TestNotebooks.Outputs(executed, 3);
        Assert.Equal(["display_data", "execute_result"], third.Select(o => o!["output_type"]!.GetValue<string>()));
        Assert.Equal(3, executed["cells"]![3]!["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Compile_error_reports_cell_line_and_message_and_keeps_earlier_outputs()
    {
        string path = _notebooks.Write("compile.ipynb",
            TestNotebooks.Markdown("intro"),
            "Console.WriteLine(\"before\");",
            "var a = 1;\nint b = \"text\";",
            "Console.WriteLine(\"never\");");

        RunResult result = await _notebooks.RunAsync(path);

        NotebookResult notebook = Assert.Single(result.Notebooks);
        Assert.False(result.Succeeded);
        Assert.Equal(NotebookStatus.Failed, notebook.Status);
        CellFailure failure = notebook.Failure!;
        Assert.Equal((3, 2, FailureKind.CompilationError), (failure.CellNumber, failure.Line, failure.Kind));
        Assert.Contains("CS0029", failure.Message);
        Assert.Contains("compile.ipynb: cell 3, line 2: CS0029", notebook.ToString());

        JsonObject executed = _notebooks.Executed(path);
        Assert.Equal("before\n", TestNotebooks.Text(TestNotebooks.Outputs(executed, 1)[0]!["text"]));
        JsonNode error = Assert.Single(TestNotebooks.Outputs(executed, 2))!;
        Assert.Equal("error", error["output_type"]!.GetValue<string>());
        Assert.Equal("CompilationError", error["ename"]!.GetValue<string>());
        Assert.Contains("CS0029", error["evalue"]!.GetValue<string>());
        Assert.Contains("(line 2, column", error["traceback"]![0]!.GetValue<string>());
        Assert.Empty(TestNotebooks.Outputs(executed, 3));
        Assert.Null(executed["cells"]![3]!["execution_count"]);
        Assert.Equal((2, 3), (notebook.CellsExecuted, notebook.CodeCells));
    }

    [Fact]
    public async Task Failed_assertion_reports_the_line_of_the_failing_check_and_keeps_output_printed_before_it()
    {
        string path = _notebooks.Write("assert.ipynb",
            "static void Check(bool condition, string message)\n{\n    if (!condition) throw new InvalidOperationException(message);\n}",
            "var x = 2;\nConsole.WriteLine($\"x = {x}\");\nCheck(x == 2, \"x is 2\");\nCheck(x == 3, \"x must be 3\");\nConsole.WriteLine(\"unreachable\");");

        RunResult result = await _notebooks.RunAsync(path);

        CellFailure failure = result.Notebooks[0].Failure!;
        Assert.Equal((2, 4, FailureKind.Exception), (failure.CellNumber, failure.Line, failure.Kind));
        Assert.Equal("x must be 3 (thrown at line 3 of cell 1)", failure.Message);
        JsonArray outputs = TestNotebooks.Outputs(_notebooks.Executed(path), 1);
        Assert.Equal(2, outputs.Count);
        Assert.Equal("x = 2\n", TestNotebooks.Text(outputs[0]!["text"]));
        Assert.Equal("System.InvalidOperationException", outputs[1]!["ename"]!.GetValue<string>());
        Assert.Equal("x must be 3", outputs[1]!["evalue"]!.GetValue<string>());
        Assert.Contains(outputs[1]!["traceback"]!.AsArray(), l => l!.GetValue<string>().Contains("[cell 2]:line 4"));
    }

    [Fact]
    public async Task Exception_thrown_inside_a_helper_from_an_earlier_cell_names_both_cells()
    {
        string path = _notebooks.Write("helper.ipynb",
            "int Half(int n)\n{\n    if (n % 2 != 0) throw new ArgumentException(\"odd\");\n    return n / 2;\n}",
            "Half(4);\nHalf(3);");

        CellFailure failure = (await _notebooks.RunAsync(path)).Notebooks[0].Failure!;

        Assert.Equal((2, 2), (failure.CellNumber, failure.Line));
        Assert.Equal("odd (thrown at line 3 of cell 1)", failure.Message);
    }

    [Fact]
    public async Task Notebooks_never_share_state_and_a_failure_does_not_stop_the_next_notebook()
    {
        string a = _notebooks.Write("a.ipynb", "var secret = 7;\nclass Shared { public static int Count = 1; }");
        string b = _notebooks.Write("b.ipynb", "secret");
        string c = _notebooks.Write("c.ipynb", "class Shared { public static int Count = 2; }\nShared.Count");

        RunResult result = await _notebooks.RunAsync(a, b, c);

        Assert.Equal([NotebookStatus.Passed, NotebookStatus.Failed, NotebookStatus.Passed], result.Notebooks.Select(n => n.Status));
        Assert.Contains("CS0103", result.Notebooks[1].Failure!.Message);
        Assert.Contains("secret", result.Notebooks[1].Failure!.Message);
        Assert.Equal("2", TestNotebooks.Text(TestNotebooks.Outputs(_notebooks.Executed(c), 0)[0]!["data"]!["text/plain"]));
    }

    [Fact]
    public async Task Fail_fast_stops_after_the_first_failing_notebook()
    {
        string bad = _notebooks.Write("bad.ipynb", "throw new Exception(\"boom\");");
        string good = _notebooks.Write("good.ipynb", "1");

        RunResult result = await NotebookRunner.RunAsync([bad, good], _notebooks.Options() with { FailFast = true });

        Assert.Equal("bad.ipynb", Assert.Single(result.Notebooks).Name);
    }

    [Fact]
    public async Task Display_handle_update_replaces_that_output_in_place_even_from_a_later_cell()
    {
        string path = _notebooks.Write("update.ipynb",
            "var progress = display(\"epoch 0\");\nConsole.WriteLine(\"training\");\nprogress.Update(\"epoch 1\");\ndisplay(\"other\");\nprogress.Update(\"epoch 2\");",
            "progress.Update(\"done\");");

        Assert.True((await _notebooks.RunAsync(path)).Succeeded);

        JsonArray outputs = TestNotebooks.Outputs(_notebooks.Executed(path), 0);
        Assert.Equal(["display_data", "stream", "display_data"], outputs.Select(o => o!["output_type"]!.GetValue<string>()));
        Assert.Equal("done", TestNotebooks.Text(outputs[0]!["data"]!["text/plain"]));
        Assert.Equal("other", TestNotebooks.Text(outputs[2]!["data"]!["text/plain"]));
        Assert.Empty(TestNotebooks.Outputs(_notebooks.Executed(path), 1));
    }

    [Fact]
    public async Task Text_updates_of_a_display_reach_the_observer_as_progress_lines()
    {
        string path = _notebooks.Write("progress.ipynb",
            "var progress = display(\"step 0/2\");\nprogress.Update(\"step 1/2\");\nprogress.Update(42);\nprogress.Update(\"step 2/2\");");
        var observer = new RecordingObserver();

        RunResult result = await NotebookRunner.RunAsync([path], _notebooks.Options(), observer);

        Assert.True(result.Succeeded);
        Assert.Equal([(path, "step 1/2"), (path, "step 2/2")], observer.TextUpdates);
        JsonArray outputs = TestNotebooks.Outputs(_notebooks.Executed(path), 0);
        Assert.Equal("step 2/2", TestNotebooks.Text(Assert.Single(outputs)!["data"]!["text/plain"]));
    }

    private sealed class RecordingObserver : IRunObserver
    {
        public List<(string Path, string Text)> TextUpdates { get; } = [];

        public void NotebookStarted(string path, int index, int count) { }

        public void CellStarted(string path, int cellIndex, int cellCount) { }

        public void NotebookFinished(NotebookResult result) { }

        public void DisplayUpdated(string path, string text) => TextUpdates.Add((path, text));

        public void RenderingImages(int charts) { }
    }

    [Fact]
    public async Task Runaway_cell_is_killed_at_the_cell_time_limit_and_earlier_cells_are_kept()
    {
        string path = _notebooks.Write("loop.ipynb", "Console.WriteLine(\"start\");", "while (true) { System.Threading.Thread.Sleep(20); }", "1");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        RunResult result = await NotebookRunner.RunAsync([path], _notebooks.Options(cellTimeout: TimeSpan.FromSeconds(5)));

        Assert.InRange(clock.Elapsed.TotalSeconds, 5, 60);
        CellFailure failure = result.Notebooks[0].Failure!;
        Assert.Equal((2, FailureKind.Timeout), (failure.CellNumber, failure.Kind));
        Assert.Contains("cell time limit of 5 s; the notebook's process was killed", failure.Message);
        JsonObject executed = _notebooks.Executed(path);
        Assert.Equal("start\n", TestNotebooks.Text(TestNotebooks.Outputs(executed, 0)[0]!["text"]));
        Assert.Equal("Timeout", Assert.Single(TestNotebooks.Outputs(executed, 1))!["ename"]!.GetValue<string>());
        Assert.Equal(2, executed["cells"]![1]!["execution_count"]!.GetValue<int>());
        Assert.Null(executed["cells"]![2]!["execution_count"]);
    }

    [Fact]
    public async Task Notebook_time_limit_bounds_the_sum_of_cells()
    {
        string path = _notebooks.Write("slow.ipynb", "1", "System.Threading.Thread.Sleep(4000);", "System.Threading.Thread.Sleep(4000);", "1");

        RunResult result = await NotebookRunner.RunAsync([path], _notebooks.Options(cellTimeout: TimeSpan.FromSeconds(60), notebookTimeout: TimeSpan.FromSeconds(8)));

        CellFailure failure = result.Notebooks[0].Failure!;
        Assert.Equal(FailureKind.Timeout, failure.Kind);
        Assert.Contains("notebook time limit of 8 s", failure.Message);
        Assert.NotEqual(4, failure.CellNumber);
    }
}
