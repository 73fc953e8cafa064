using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Spectre.Console;

namespace RlNotebooks.Runner.Cli;

/// <summary>The command line: <c>RlNotebooks.Runner [paths or globs] [--output dir] [--in-place] [--fail-fast]
/// [--cell-timeout s] [--notebook-timeout s] [--memory-limit GB] [--no-images] [--benchmark]</c>. A bad option value
/// or unknown option is one line on stderr and exit code 2.</summary>
internal static class RunCommand
{
    private const double MaxSeconds = 7 * 24 * 3600; // one week

    public static async Task<int> InvokeAsync(string[] args)
    {
        ParseResult parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"RlNotebooks.Runner: {parse.Errors[0].Message.ReplaceLineEndings(" ")} (see --help)");
            return 2;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
    }

    private static RootCommand Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Notebook files, folders or globs (default: notebooks/*.ipynb under the repository root).", Arity = ArgumentArity.ZeroOrMore };
        paths.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => t.Value.StartsWith('-')) is { } unknown) result.AddError($"unknown option '{unknown.Value}'.");
        });
        var output = new Option<string?>("--output", "-o") { Description = "Folder for executed copies (default: artifacts/notebooks under the repository root)." };
        var inPlace = new Option<bool>("--in-place") { Description = "Overwrite the source notebooks with their executed versions." };
        var failFast = new Option<bool>("--fail-fast") { Description = "Stop after the first failing notebook." };
        Option<double> cellTimeout = Bounded("--cell-timeout", "Seconds a cell may run; then the notebook's process is killed.", 300, MaxSeconds, "seconds");
        Option<double> notebookTimeout = Bounded("--notebook-timeout", "Seconds a notebook may run.", 600, MaxSeconds, "seconds");
        Option<double> memoryLimit = Bounded("--memory-limit", "Gigabytes of memory a notebook's process may use.", 8, 1024, "GB");
        var noImages = new Option<bool>("--no-images") { Description = "Do not render image/png copies of plotly charts." };
        var benchmark = new Option<bool>("--benchmark") { Description = "Measure runner start-up and per-cell overhead instead of running notebooks." };

        var root = new RootCommand("Executes the C# Polyglot notebooks headlessly and writes executed copies.")
        {
            paths, output, inPlace, failFast, cellTimeout, notebookTimeout, memoryLimit, noImages, benchmark,
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            bool interactive = ProgressReporter.Interactive;
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(Console.Out),
                Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            });
            if (parse.GetValue(benchmark)) return await Benchmark.RunAsync(console, cancellationToken);

            string repositoryRoot = RepositoryLocator.Find();
            var options = new RunnerOptions
            {
                OutputDirectory = parse.GetValue(output),
                InPlace = parse.GetValue(inPlace),
                FailFast = parse.GetValue(failFast),
                CellTimeout = TimeSpan.FromSeconds(parse.GetValue(cellTimeout)),
                NotebookTimeout = TimeSpan.FromSeconds(parse.GetValue(notebookTimeout)),
                MemoryLimitBytes = (long)(parse.GetValue(memoryLimit) * (1L << 30)),
                StaticImages = !parse.GetValue(noImages),
                RepositoryRoot = repositoryRoot,
            };

            RunResult result;
            try
            {
                IReadOnlyList<string> files = NotebookPaths.Expand(parse.GetValue(paths) ?? [], Directory.GetCurrentDirectory(), repositoryRoot);
                Task<RunResult> Run(ProgressContext? live) => NotebookRunner.RunAsync(files, options, new ProgressReporter(console, live), cancellationToken);
                result = !interactive ? await Run(null) : await console.Progress().AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                    .StartAsync(Run);
            }
            catch (Exception e) when (e is ArgumentException or FileNotFoundException or DirectoryNotFoundException)
            {
                await Console.Error.WriteLineAsync($"RlNotebooks.Runner: {e.Message}");
                return 2;
            }

            ProgressReporter.Summary(console, result);
            foreach (string notice in result.Notices) console.MarkupLine($"[yellow]{Markup.Escape(notice)}[/]");
            if (result.Notebooks.FirstOrDefault(n => n.OutputPath is not null) is { } first)
            {
                console.WriteLine($"Executed notebooks written to {Path.GetDirectoryName(first.OutputPath)}");
            }

            if (result.Interrupted) console.MarkupLine("[yellow]Interrupted: later notebooks were not run.[/]");
            return result.Interrupted ? 130 : result.Succeeded ? 0 : 1;
        });
        return root;
    }

    /// <summary>An option whose value must lie in (0, <paramref name="max"/>]: NaN, 0, negative and huge values are errors.</summary>
    private static Option<double> Bounded(string name, string description, double defaultValue, double max, string unit)
    {
        var option = new Option<double>(name) { Description = $"{description} (default {defaultValue}).", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.Tokens is not [{ } token] || !double.TryParse(token.Value, CultureInfo.InvariantCulture, out double value)) return;
            if (!(value > 0 && value <= max)) result.AddError($"{name} must be a number of {unit} above 0 and at most {max}, not {value}.");
        });
        return option;
    }
}
