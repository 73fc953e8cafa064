using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using RlNotebooks.Runner.Execution;
using RlNotebooks.Runner.Notebooks;

namespace RlNotebooks.Runner.Cli;

/// <summary><c>--benchmark</c>: cost of the runner itself (not of notebook code): a one-cell notebook's process from start
/// to exit (cold start: runtime, kernel, first compilation), the per-cell overhead of trivial cells (the difference to
/// the one-cell notebook, per added cell) and the peak memory of a notebook's process.</summary>
internal static class Benchmark
{
    private const int Cells = 100;

    public static async Task<int> RunAsync(IAnsiConsole console, CancellationToken cancellationToken)
    {
        string folder = Directory.CreateTempSubdirectory("rlnotebooks-bench-").FullName;
        try
        {
            var rows = new List<(string, double)>();
            (double oneMs, long oneMemory) = await TimeAsync(folder, ["1 + 1"], cancellationToken);
            rows.Add(("notebook process, 1 cell (cold start)", oneMs));
            rows.Add(("notebook process, 1 cell, again", (await TimeAsync(folder, ["1 + 1"], cancellationToken)).Ms));
            string[] many = Enumerable.Range(0, Cells).Select(i => $"var v{i} = {i} * 2;\nv{i}").ToArray();
            (double manyMs, long manyMemory) = await TimeAsync(folder, many, cancellationToken);
            rows.Add(($"notebook of {Cells} trivial cells, per added cell", (manyMs - oneMs) / (Cells - 1)));
            string[] displays = Enumerable.Range(0, Cells).Select(i => $"display(new[] {{ {i}, {i + 1} }});\nConsole.WriteLine({i});").ToArray();
            rows.Add(($"notebook of {Cells} display+Console cells, per added cell", ((await TimeAsync(folder, displays, cancellationToken)).Ms - oneMs) / (Cells - 1)));
            rows.Add(("peak memory of a 1-cell notebook's process (MB)", oneMemory / 1e6));
            rows.Add(($"peak memory of a {Cells}-cell notebook's process (MB)", manyMemory / 1e6));
            var table = new Table().AddColumns("Measurement", "Milliseconds (or MB)");
            foreach ((string name, double ms) in rows) table.AddRow(Markup.Escape(name), ms.ToString("0.0", CultureInfo.InvariantCulture));
            console.Write(table);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(double Ms, long PeakMemory)> TimeAsync(string folder, string[] cells, CancellationToken cancellationToken)
    {
        var notebook = new Notebook(Path.Combine(folder, "bench.ipynb"), [], cells.Select(source => new NotebookCell(null, "code", source, [])).ToList());
        NotebookWriter.Write(notebook, notebook.Path);
        var clock = Stopwatch.StartNew();
        using var process = new NotebookProcess(new RunnerOptions());
        NotebookResult run = await process.ExecuteAsync(notebook, notebook.Path, null, cancellationToken);
        if (run.Failure is not null) throw new InvalidOperationException($"benchmark notebook failed: {run.Failure}");
        return (clock.Elapsed.TotalMilliseconds, run.PeakMemoryBytes);
    }
}
