using System.Diagnostics;
using RlNotebooks.Runner.Execution;
using RlNotebooks.Runner.Images;
using RlNotebooks.Runner.Notebooks;

namespace RlNotebooks.Runner;

/// <summary>The in-process API: executes notebooks one after another, each in its own process running the .NET
/// Interactive C# kernel (the next one's process starts while the current notebook runs), writes the executed copies,
/// then adds static chart images to them in one batch.</summary>
public static class NotebookRunner
{
    /// <summary>Runs the notebook files <paramref name="paths"/> (see <see cref="NotebookPaths.Expand"/> for globs).
    /// Cancelling (Ctrl-C) kills the running notebook's process, marks it interrupted and keeps what was written.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A time or memory limit is not positive.</exception>
    /// <exception cref="ArgumentException">The output folder holds a source notebook (without in-place) or cannot be written.</exception>
    public static async Task<RunResult> RunAsync(
        IReadOnlyList<string> paths, RunnerOptions options, IRunObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.CellTimeout, TimeSpan.Zero, nameof(options.CellTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.NotebookTimeout, TimeSpan.Zero, nameof(options.NotebookTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MemoryLimitBytes, 0, nameof(options.MemoryLimitBytes));
        string root = options.RepositoryRoot ?? RepositoryLocator.Find();
        var sources = paths.Select(p => Path.GetFullPath(p)).ToList();
        var outputs = NotebookPaths.Outputs(sources, options.InPlace ? null : Path.GetFullPath(options.OutputDirectory ?? Path.Combine(root, "artifacts", "notebooks")));
        var limits = new ExecutionLimits(options.CellTimeout, options.NotebookTimeout, options.MemoryLimitBytes);

        var results = new List<NotebookResult>();
        var written = new List<(Notebook Notebook, string Path)>();
        NotebookProcess? next = null;
        try
        {
            for (int i = 0; i < sources.Count && !cancellationToken.IsCancellationRequested; i++)
            {
                observer?.NotebookStarted(sources[i], i, sources.Count);
                using NotebookProcess process = next ?? NotebookProcess.Start(limits);
                next = i + 1 < sources.Count ? NotebookProcess.Start(limits) : null;
                (NotebookResult result, Notebook? executed) = await RunOneAsync(sources[i], outputs[i], process, observer, cancellationToken).ConfigureAwait(false);
                results.Add(result);
                if (executed is not null) written.Add((executed, result.OutputPath!));
                observer?.NotebookFinished(result);
                if (options.FailFast && result.Status != NotebookStatus.Passed) break;
            }
        }
        finally
        {
            next?.Dispose();
        }

        if (cancellationToken.IsCancellationRequested) return new RunResult(results, [], Interrupted: true);
        var notices = new List<string>();
        if (options.StaticImages)
        {
            notices.AddRange(await AddStaticImagesAsync(written, options, root, observer, cancellationToken).ConfigureAwait(false));
        }

        return new RunResult(results, notices);
    }

    private static async Task<(NotebookResult, Notebook?)> RunOneAsync(
        string path, string output, NotebookProcess process, IRunObserver? observer, CancellationToken cancellationToken)
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

        NotebookExecution execution = await process.ExecuteAsync(
            notebook, (cell, count) => observer?.CellStarted(path, cell, count),
            text => observer?.DisplayUpdated(path, text), cancellationToken).ConfigureAwait(false);
        NotebookWriter.Write(notebook, output);
        NotebookStatus status = execution.Failure switch
        {
            null => NotebookStatus.Passed,
            { Kind: FailureKind.Interrupted } => NotebookStatus.Interrupted,
            _ => NotebookStatus.Failed,
        };
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
