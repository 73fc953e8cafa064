using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using RlNotebooks.Runner.Execution;
using RlNotebooks.Runner.Images;
using RlNotebooks.Runner.Notebooks;

namespace RlNotebooks.Runner.Cli;

/// <summary><c>--benchmark</c>: wall-clock cost of the runner itself (not of notebook code): building the script
/// environment, the first (cold) cell, a later notebook's first cell, the per-cell overhead of trivial cells, and one
/// batched Chromium render of five charts.</summary>
public static class Benchmark
{
    private const int Cells = 100;

    /// <summary>Measures and prints a table; returns the exit code.</summary>
    public static async Task<int> RunAsync(IAnsiConsole console, CancellationToken cancellationToken)
    {
        string folder = Directory.CreateTempSubdirectory("rlnotebooks-bench-").FullName;
        try
        {
            var rows = new List<(string, double)>();
            var clock = Stopwatch.StartNew();
            ScriptEnvironment environment = ScriptEnvironment.Create();
            rows.Add(("script environment (framework references)", clock.Elapsed.TotalMilliseconds));

            rows.Add(("first notebook, 1 cell (cold compiler)", await TimeAsync(environment, folder, ["1 + 1"], cancellationToken)));
            rows.Add(("next notebook, 1 cell (warm)", await TimeAsync(environment, folder, ["1 + 1"], cancellationToken)));
            string[] many = Enumerable.Range(0, Cells).Select(i => $"var v{i} = {i} * 2;\nv{i}").ToArray();
            double manyMs = await TimeAsync(environment, folder, many, cancellationToken);
            rows.Add(($"notebook of {Cells} trivial cells, per cell", manyMs / Cells));
            string[] displays = Enumerable.Range(0, Cells).Select(i => $"display(new[] {{ {i}, {i + 1} }});\nConsole.WriteLine({i});").ToArray();
            rows.Add(($"notebook of {Cells} display+Console cells, per cell", await TimeAsync(environment, folder, displays, cancellationToken) / Cells));

            StaticImageTools tools = StaticImageTools.Locate(null, null, Directory.GetCurrentDirectory(), RepositoryLocator.Find());
            string imageNote = tools.SkipNotice();
            if (tools.Available)
            {
                var figures = Enumerable.Range(0, 5).Select(i => (JsonNode)new JsonObject
                {
                    ["data"] = new JsonArray(new JsonObject { ["type"] = "scatter", ["y"] = new JsonArray(i, 3, 1, 4) }),
                    ["layout"] = new JsonObject { ["title"] = new JsonObject { ["text"] = $"chart {i}" } },
                }).ToList();
                var renderer = new ChromiumRenderer(tools.ChromiumPath!, tools.PlotlyJsPath!);
                clock.Restart();
                await renderer.RenderAsync(figures.Take(1).ToList(), cancellationToken);
                rows.Add(("Chromium render, 1 chart (one launch)", clock.Elapsed.TotalMilliseconds));
                clock.Restart();
                await renderer.RenderAsync(figures, cancellationToken);
                rows.Add(("Chromium render, 5 charts batched (one launch)", clock.Elapsed.TotalMilliseconds));
            }

            var table = new Table().AddColumns("Measurement", "Milliseconds");
            foreach ((string name, double ms) in rows) table.AddRow(Markup.Escape(name), ms.ToString("0.0", CultureInfo.InvariantCulture));
            console.Write(table);
            if (!tools.Available) console.MarkupLine($"[yellow]{Markup.Escape(imageNote)}[/]");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> TimeAsync(ScriptEnvironment environment, string folder, string[] cells, CancellationToken cancellationToken)
    {
        var notebook = new Notebook(Path.Combine(folder, "bench.ipynb"), [],
            cells.Select(source => new NotebookCell(null, "code", source, [])).ToList());
        var clock = Stopwatch.StartNew();
        NotebookExecution run = await NotebookExecutor.ExecuteAsync(notebook, environment, ExecutionLimits.Default, cancellationToken: cancellationToken);
        double ms = clock.Elapsed.TotalMilliseconds;
        if (run.Failure is not null) throw new InvalidOperationException($"benchmark notebook failed: {run.Failure}");
        return ms;
    }
}
