using System.Diagnostics;
using RlNotebooks.Runner.Execution;
using RlNotebooks.Runner.Images;
using RlNotebooks.Runner.Notebooks;

namespace RlNotebooks.Runner;

/// <summary>The in-process API: executes notebooks one after another, each in its own script session, writes the
/// executed copies, then adds static chart images to them in one batch.</summary>
public static class NotebookRunner
{
    /// <summary>Runs the notebook files <paramref name="paths"/> (see <see cref="NotebookPaths.Expand"/> for globs).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A time limit is not positive.</exception>
    public static async Task<RunResult> RunAsync(
        IReadOnlyList<string> paths, RunnerOptions options, IRunObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.CellTimeout, TimeSpan.Zero, nameof(options.CellTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.NotebookTimeout, TimeSpan.Zero, nameof(options.NotebookTimeout));
        string root = options.RepositoryRoot ?? RepositoryLocator.Find();
        string outputDirectory = Path.GetFullPath(options.OutputDirectory ?? Path.Combine(root, "artifacts", "notebooks"), root);
        var limits = new ExecutionLimits(options.CellTimeout, options.NotebookTimeout);
        ScriptEnvironment environment = ScriptEnvironment.Create();

        var results = new List<NotebookResult>();
        var written = new List<(Notebook Notebook, string Path)>();
        for (int i = 0; i < paths.Count; i++)
        {
            string path = Path.GetFullPath(paths[i]);
            observer?.NotebookStarted(path, i, paths.Count);
            (NotebookResult result, Notebook? executed) = await RunOneAsync(path, outputDirectory, options.InPlace, environment, limits, observer, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            if (executed is not null) written.Add((executed, result.OutputPath!));
            observer?.NotebookFinished(result);
            if (options.FailFast && result.Status != NotebookStatus.Passed) break;
        }

        var notices = new List<string>();
        if (options.StaticImages)
        {
            notices.AddRange(await AddStaticImagesAsync(written, options, root, observer, cancellationToken).ConfigureAwait(false));
        }

        return new RunResult(results, notices);
    }

    private static async Task<(NotebookResult, Notebook?)> RunOneAsync(
        string path, string outputDirectory, bool inPlace, ScriptEnvironment environment, ExecutionLimits limits, IRunObserver? observer, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Notebook notebook;
        try
        {
            notebook = NotebookReader.Read(path);
        }
        catch (NotebookFormatException e)
        {
            return (new NotebookResult(path, null, NotebookStatus.Invalid, 0, 0, clock.Elapsed, null, e.Message), null);
        }

        NotebookExecution execution = await NotebookExecutor.ExecuteAsync(
            notebook, environment, limits, (cell, count) => observer?.CellStarted(path, cell, count),
            text => observer?.DisplayUpdated(path, text), cancellationToken).ConfigureAwait(false);
        string output = inPlace ? path : Path.Combine(outputDirectory, notebook.FileName);
        NotebookWriter.Write(notebook, output);
        var status = execution.Failure is null ? NotebookStatus.Passed : NotebookStatus.Failed;
        return (new NotebookResult(path, output, status, execution.CellsExecuted, execution.CodeCells, execution.Elapsed, execution.Failure, null), notebook);
    }

    private static async Task<IReadOnlyList<string>> AddStaticImagesAsync(
        List<(Notebook Notebook, string Path)> written, RunnerOptions options, string root, IRunObserver? observer, CancellationToken cancellationToken)
    {
        var withCharts = written.Where(w => StaticImages.PlotlyBundles([w.Notebook]).Count > 0).ToList();
        if (withCharts.Count == 0) return [];

        StaticImageTools tools = StaticImageTools.Locate(options.ChromiumPath, options.PlotlyJsPath, Directory.GetCurrentDirectory(), root);
        if (!tools.Available) return [tools.SkipNotice()];

        observer?.RenderingImages(StaticImages.PlotlyBundles(withCharts.Select(w => w.Notebook)).Count);
        IReadOnlyList<string> problems;
        try
        {
            problems = await StaticImages.AddAsync(withCharts.Select(w => w.Notebook), tools, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return [$"Static chart images failed: {e.Message}"];
        }

        foreach ((Notebook notebook, string path) in withCharts) NotebookWriter.Write(notebook, path);
        return problems.Select(p => $"Static chart images: {p}").ToList();
    }
}
