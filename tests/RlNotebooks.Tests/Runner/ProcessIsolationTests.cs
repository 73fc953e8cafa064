using System.Globalization;
using System.Text.Json.Nodes;
using RlNotebooks.Runner;
using RlNotebooks.Runner.Execution;

namespace RlNotebooks.Tests.Runner;

/// <summary>Each notebook runs in its own process: whatever a cell does to that process costs its notebook only, is
/// reported at the cell, and the run goes on with the next notebook.</summary>
public sealed class ProcessIsolationTests : IDisposable
{
    private readonly TestNotebooks _notebooks = new();

    public void Dispose() => _notebooks.Dispose();

    private async Task<(NotebookResult Bad, NotebookResult Next)> RunWithNextAsync(RunnerOptions options, params object[] cells)
    {
        string bad = _notebooks.Write("bad.ipynb", cells);
        string next = _notebooks.Write("next.ipynb", "Console.WriteLine(1.5);\n$\"{1.5}\"");
        RunResult result = await NotebookRunner.RunAsync([bad, next], options);
        Assert.False(result.Succeeded);
        Assert.True(result.Notebooks[1].Status == NotebookStatus.Passed, result.Notebooks[1].ToString());
        return (result.Notebooks[0], result.Notebooks[1]);
    }

    private void AssertProcessEnded(NotebookResult bad, int cell, string because)
    {
        Assert.Equal(NotebookStatus.Failed, bad.Status);
        Assert.Equal((cell, FailureKind.ProcessEnded), (bad.Failure!.CellNumber, bad.Failure.Kind));
        Assert.Contains("the notebook's process ended", bad.Failure.Message);
        Assert.Contains(because, bad.Failure.Message);
        JsonObject executed = _notebooks.Executed(bad.SourcePath);
        Assert.Equal("kept\n", TestNotebooks.Text(TestNotebooks.Outputs(executed, 0)[0]!["text"]));
        Assert.Equal("ProcessEnded", TestNotebooks.Outputs(executed, cell - 1)[^1]!["ename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Environment_exit_0_in_a_cell_fails_the_notebook()
    {
        (NotebookResult bad, _) = await RunWithNextAsync(_notebooks.Options(), "Console.WriteLine(\"kept\");", "Environment.Exit(0);", "1");

        AssertProcessEnded(bad, 2, "exit code 0");
        Assert.Equal((2, 3), (bad.CellsExecuted, bad.CodeCells));
    }

    [Fact]
    public async Task Stack_overflow_fails_that_notebook_alone()
    {
        (NotebookResult bad, _) = await RunWithNextAsync(_notebooks.Options(), "Console.WriteLine(\"kept\");", "int Down(int n) => Down(n + 1) + 1;\nDown(0)");

        AssertProcessEnded(bad, 2, "Stack overflow");
    }

    [Fact]
    public async Task Exception_on_a_background_thread_fails_that_notebook_alone()
    {
        (NotebookResult bad, _) = await RunWithNextAsync(_notebooks.Options(), "Console.WriteLine(\"kept\");",
            "new System.Threading.Thread(() => throw new InvalidOperationException(\"background boom\")).Start();\nSystem.Threading.Thread.Sleep(30_000);");

        AssertProcessEnded(bad, 2, "background boom");
    }

    [Fact]
    public async Task Endless_loop_is_killed_at_a_5_s_cell_limit_and_the_next_notebook_runs_at_full_speed()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        (NotebookResult bad, NotebookResult next) = await RunWithNextAsync(_notebooks.Options(cellTimeout: TimeSpan.FromSeconds(5)), "Console.WriteLine(\"kept\");", "while (true) { }");

        Assert.Equal((2, FailureKind.Timeout), (bad.Failure!.CellNumber, bad.Failure.Kind));
        Assert.InRange(bad.Elapsed.TotalSeconds, 5, 30);
        Assert.InRange(next.Elapsed.TotalSeconds, 0, 30);
        Assert.InRange(clock.Elapsed.TotalSeconds, 5, 60);
    }

    [Fact]
    public async Task Memory_bomb_fails_its_notebook_at_the_memory_limit_with_a_clear_message()
    {
        (NotebookResult bad, _) = await RunWithNextAsync(_notebooks.Options() with { MemoryLimitBytes = 768L << 20 },
            "var hoard = new List<byte[]>();\nwhile (true) { var block = new byte[32 << 20]; Array.Fill(block, (byte)1); hoard.Add(block); }");

        Assert.Equal((1, FailureKind.MemoryLimit), (bad.Failure!.CellNumber, bad.Failure.Kind));
        Assert.Contains("the notebook exceeded its memory limit of 0.75 GB (--memory-limit)", bad.Failure.Message);
    }

    [Fact]
    public async Task Console_and_culture_changes_do_not_reach_the_next_notebook()
    {
        (_, NotebookResult next) = await RunWithNextAsync(_notebooks.Options(),
            "Console.SetOut(System.IO.TextWriter.Null);\nSystem.Globalization.CultureInfo.DefaultThreadCurrentCulture = new System.Globalization.CultureInfo(\"de-DE\");\n" +
            "System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(\"de-DE\");",
            "throw new Exception(\"stop\");");

        JsonArray outputs = TestNotebooks.Outputs(_notebooks.Executed(next.SourcePath), 0);
        string expected = 1.5.ToString(CultureInfo.CurrentCulture);
        Assert.Equal(expected + "\n", TestNotebooks.Text(outputs[0]!["text"]));
        Assert.Equal(expected, TestNotebooks.Text(outputs[1]!["data"]!["text/plain"]));
    }

    [Fact]
    public async Task Cancelling_marks_the_running_notebook_interrupted_and_keeps_the_completed_ones()
    {
        string done = _notebooks.Write("done.ipynb", "1");
        string slow = _notebooks.Write("slow.ipynb", "System.Threading.Thread.Sleep(60_000);");
        string never = _notebooks.Write("never.ipynb", "1");
        using var cancel = new CancellationTokenSource();
        var observer = new CancelOnCell(slow, cancel);

        RunResult result = await NotebookRunner.RunAsync([done, slow, never], _notebooks.Options(), observer, cancel.Token);

        Assert.True(result.Interrupted);
        Assert.Equal([NotebookStatus.Passed, NotebookStatus.Interrupted], result.Notebooks.Select(n => n.Status));
        Assert.Equal(FailureKind.Interrupted, result.Notebooks[1].Failure!.Kind);
        Assert.True(File.Exists(Path.Combine(_notebooks.Output, "done.ipynb")));
        Assert.False(File.Exists(Path.Combine(_notebooks.Output, "never.ipynb")));
    }

    private sealed class CancelOnCell(string path, CancellationTokenSource cancel) : IRunObserver
    {
        public void NotebookStarted(string notebook, int index, int count) { }

        public void CellStarted(string notebook, int cellIndex, int cellCount)
        {
            if (notebook == path) cancel.CancelAfter(500);
        }

        public void NotebookFinished(NotebookResult result) { }

        public void DisplayUpdated(string notebook, string text) { }

        public void RenderingImages(int charts) { }
    }
}
