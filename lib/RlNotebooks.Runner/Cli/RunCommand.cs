using System.CommandLine;
using Spectre.Console;
using RlNotebooks.Runner.Display;

namespace RlNotebooks.Runner.Cli;

/// <summary>The command line: <c>RlNotebooks.Runner [paths or globs] [--output dir] [--in-place] [--fail-fast]
/// [--cell-timeout s] [--notebook-timeout s] [--no-images] [--benchmark]</c>.</summary>
public static class RunCommand
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Notebook files, folders or globs (default: notebooks/*.ipynb under the repository root).", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "Folder for executed copies (default: artifacts/notebooks under the repository root)." };
        var inPlace = new Option<bool>("--in-place") { Description = "Overwrite the source notebooks with their executed versions." };
        var failFast = new Option<bool>("--fail-fast") { Description = "Stop after the first failing notebook." };
        var cellTimeout = new Option<double>("--cell-timeout") { Description = "Seconds a cell may run.", DefaultValueFactory = _ => 300 };
        var notebookTimeout = new Option<double>("--notebook-timeout") { Description = "Seconds a notebook may run.", DefaultValueFactory = _ => 600 };
        var noImages = new Option<bool>("--no-images") { Description = "Do not render image/png copies of plotly charts." };
        var benchmark = new Option<bool>("--benchmark") { Description = "Measure runner start-up and per-cell overhead instead of running notebooks." };

        var root = new RootCommand("Executes the C# Polyglot notebooks headlessly and writes executed copies.")
        {
            paths, output, inPlace, failFast, cellTimeout, notebookTimeout, noImages, benchmark,
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(Console.Out),
                Ansi = ProgressReporter.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = ProgressReporter.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            });
            ConsoleRouter.Install();
            if (parse.GetValue(benchmark)) return await Benchmark.RunAsync(console, cancellationToken);

            string repositoryRoot = RepositoryLocator.Find();
            IReadOnlyList<string> files;
            try
            {
                files = NotebookPaths.Expand(parse.GetValue(paths) ?? [], Directory.GetCurrentDirectory(), repositoryRoot);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
                return 2;
            }

            if (files.Count == 0)
            {
                console.WriteLine($"No notebooks in {Path.Combine(repositoryRoot, "notebooks")}.");
                return 0;
            }

            var options = new RunnerOptions
            {
                OutputDirectory = parse.GetValue(output),
                InPlace = parse.GetValue(inPlace),
                FailFast = parse.GetValue(failFast),
                CellTimeout = TimeSpan.FromSeconds(parse.GetValue(cellTimeout)),
                NotebookTimeout = TimeSpan.FromSeconds(parse.GetValue(notebookTimeout)),
                StaticImages = !parse.GetValue(noImages),
                RepositoryRoot = repositoryRoot,
            };

            RunResult result = await RunWithProgressAsync(console, files, options, cancellationToken);
            ReportTable.Write(console, result);
            foreach (string notice in result.Notices) console.MarkupLine($"[yellow]{Markup.Escape(notice)}[/]");
            if (result.Notebooks.FirstOrDefault(n => n.OutputPath is not null) is { } first)
            {
                console.WriteLine($"Executed notebooks written to {Path.GetDirectoryName(first.OutputPath)}");
            }

            return result.Succeeded ? 0 : 1;
        });
        return root;
    }

    private static async Task<RunResult> RunWithProgressAsync(IAnsiConsole console, IReadOnlyList<string> files, RunnerOptions options, CancellationToken cancellationToken)
    {
        if (!ProgressReporter.Interactive)
        {
            return await NotebookRunner.RunAsync(files, options, new ProgressReporter(console, null), cancellationToken);
        }

        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(context => NotebookRunner.RunAsync(files, options, new ProgressReporter(console, context), cancellationToken));
    }
}
