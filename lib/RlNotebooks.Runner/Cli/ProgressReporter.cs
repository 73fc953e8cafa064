using System.Globalization;
using Spectre.Console;

namespace RlNotebooks.Runner.Cli;

/// <summary>Draws run progress (a live Spectre.Console progress display on an interactive terminal, plain lines
/// when output is redirected or in CI) and the final summary table.</summary>
internal sealed class ProgressReporter(IAnsiConsole console, ProgressContext? live) : IRunObserver
{
    private readonly Dictionary<string, ProgressTask> _tasks = [];

    /// <summary>A live display can be drawn.</summary>
    public static bool Interactive =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public void NotebookStarted(string path, int index, int count)
    {
        string name = Path.GetFileName(path);
        if (live is null) console.WriteLine($"[{index + 1}/{count}] {name} …");
        else _tasks[path] = live.AddTask(Markup.Escape(name), maxValue: 1);
    }

    public void CellStarted(string path, int cellIndex, int cellCount)
    {
        if (_tasks.TryGetValue(path, out ProgressTask? task))
        {
            task.MaxValue = Math.Max(1, cellCount);
            task.Value = cellIndex;
        }
    }

    public void NotebookFinished(NotebookResult result)
    {
        if (_tasks.TryGetValue(result.SourcePath, out ProgressTask? task))
        {
            task.Value = task.MaxValue;
            task.StopTask();
        }

        if (result.Status != NotebookStatus.Passed || live is null)
        {
            string color = result.Status == NotebookStatus.Passed ? "green" : "red";
            console.MarkupLine($"[{color}]{Markup.Escape(result.ToString())}[/]");
        }
    }

    public void DisplayUpdated(string path, string text)
    {
        string name = Path.GetFileName(path);
        string line = text.ReplaceLineEndings(" ").Trim();
        if (_tasks.TryGetValue(path, out ProgressTask? task)) task.Description = Markup.Escape($"{name}  {line}");
        else console.WriteLine($"  {name}: {line}");
    }

    public void RenderingImages(int charts) => console.WriteLine($"Rendering {charts} chart image(s) with headless Chromium …");

    /// <summary>The summary: one row per notebook with cells run, seconds and status.</summary>
    public static void Summary(IAnsiConsole console, RunResult result)
    {
        var table = new Table().AddColumns("Notebook", "Cells", "Seconds", "Status");
        foreach (NotebookResult n in result.Notebooks)
        {
            string status = n.Status switch
            {
                NotebookStatus.Passed => "[green]passed[/]",
                NotebookStatus.Failed => $"[red]failed[/] {Markup.Escape(n.Failure!.ToString())}",
                NotebookStatus.Interrupted => $"[yellow]interrupted[/] {Markup.Escape(n.Failure!.ToString())}",
                _ => $"[red]invalid[/] {Markup.Escape(n.Error ?? "")}",
            };
            table.AddRow(Markup.Escape(n.Name), $"{n.CellsExecuted}/{n.CodeCells}", n.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture), status);
        }

        console.Write(table);
    }
}
