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

        var results = new List<NotebookResult>();
        var written = new List<(Notebook Notebook, string Path)>();
        NotebookProcess? next = null;
        try
        {
            for (int i = 0; i < sources.Count && !cancellationToken.IsCancellationRequested; i++)
            {
                observer?.NotebookStarted(sources[i], i, sources.Count);
                using NotebookProcess process = next ?? new NotebookProcess(options);
                next = i + 1 < sources.Count ? new NotebookProcess(options) : null;
                NotebookResult result;
                try
                {
                    Notebook notebook = NotebookReader.Read(sources[i]);
                    result = await process.ExecuteAsync(notebook, outputs[i], observer, cancellationToken).ConfigureAwait(false);
                    NotebookWriter.Write(notebook, outputs[i]);
                    written.Add((notebook, outputs[i]));
                }
                catch (NotebookFormatException e)
                {
                    result = new NotebookResult(sources[i], null, NotebookStatus.Invalid, 0, 0, TimeSpan.Zero, null, e.Message);
                }

                results.Add(result);
                observer?.NotebookFinished(result);
                if (options.FailFast && result.Status != NotebookStatus.Passed) break;
            }
        }
        finally
        {
            next?.Dispose();
        }

        if (cancellationToken.IsCancellationRequested) return new RunResult(results, [], Interrupted: true);
        IReadOnlyList<string> notices = options.StaticImages
            ? await StaticImages.AddAsync(written, options, root, observer, cancellationToken).ConfigureAwait(false)
            : [];
        return new RunResult(results, notices);
    }
}
