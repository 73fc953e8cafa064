using System.Diagnostics;
using Microsoft.CodeAnalysis.Scripting;
using RlNotebooks.Runner.Display;
using RlNotebooks.Runner.Scripting;
using RlNotebooks.Runner.Notebooks;

namespace RlNotebooks.Runner.Execution;

/// <summary>Executes the C# cells of one notebook in order in one fresh <see cref="ScriptSession"/>, stopping at the first failure.</summary>
public static class NotebookExecutor
{
    /// <summary>Runs <paramref name="notebook"/>; <paramref name="onCell"/> is told (code cell index, code cell count) before each cell,
    /// <paramref name="onTextUpdate"/> every text value a display is updated to.</summary>
    public static async Task<NotebookExecution> ExecuteAsync(
        Notebook notebook, ScriptEnvironment environment, ExecutionLimits limits, Action<int, int>? onCell = null,
        Action<string>? onTextUpdate = null, CancellationToken cancellationToken = default)
    {
        ConsoleRouter.Install();
        var clock = Stopwatch.StartNew();
        var codeCells = notebook.Cells.Select((cell, index) => (cell, number: index + 1)).Where(c => c.cell.IsCode).ToList();
        foreach ((NotebookCell cell, _) in codeCells)
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
        }

        if (Precheck(notebook, codeCells) is { } rejected)
        {
            return new NotebookExecution(notebook, rejected, 0, codeCells.Count, clock.Elapsed);
        }

        var session = new ScriptSession(environment, notebook.Directory);
        var collectors = new List<CellOutputCollector>();
        CellFailure? failure = null;
        int executed = 0;
        try
        {
            foreach ((NotebookCell cell, int number) in codeCells)
            {
                cancellationToken.ThrowIfCancellationRequested();
                onCell?.Invoke(executed, codeCells.Count);
                executed++;
                cell.ExecutionCount = executed;
                var collector = new CellOutputCollector(cell.Outputs, onTextUpdate);
                collectors.Add(collector);
                failure = await RunCellAsync(session, notebook, cell, number, executed, collector, limits, clock, cancellationToken).ConfigureAwait(false);
                if (failure is not null) break;
            }
        }
        finally
        {
            foreach (CellOutputCollector collector in collectors) collector.Seal();
        }

        return new NotebookExecution(notebook, failure, executed, codeCells.Count, clock.Elapsed);
    }

    private static CellFailure? Precheck(Notebook notebook, List<(NotebookCell cell, int number)> codeCells)
    {
        string defaultKernel = PolyglotMetadata.DefaultKernel(notebook.Metadata);
        foreach ((NotebookCell cell, int number) in codeCells)
        {
            string kernel = PolyglotMetadata.CellKernel(cell.Metadata, defaultKernel);
            (CellFailure Failure, ErrorOutput Output)? rejection = null;
            if (kernel != PolyglotMetadata.CSharp)
            {
                rejection = CellErrors.BeforeRun(number, null, FailureKind.UnsupportedLanguage,
                    $"the cell's kernel is '{kernel}'; the headless runner executes C# cells only");
            }
            else
            {
                CellDirectives directives = CellDirectives.Parse(cell.Source);
                if (directives.Unsupported is { } unsupported)
                {
                    rejection = CellErrors.BeforeRun(number, unsupported.Line, FailureKind.UnsupportedDirective, $"{unsupported.Directive}: {unsupported.Reason}");
                }
                else if (ReferenceCheck.FirstMissing(directives.References, notebook.Directory) is { } missing)
                {
                    rejection = CellErrors.BeforeRun(number, null, FailureKind.MissingReference, missing);
                }
            }

            if (rejection is { } r)
            {
                cell.Outputs.Add(r.Output);
                return r.Failure;
            }
        }

        return null;
    }

    private static async Task<CellFailure?> RunCellAsync(
        ScriptSession session, Notebook notebook, NotebookCell cell, int number, int executionCount,
        CellOutputCollector collector, ExecutionLimits limits, Stopwatch clock, CancellationToken cancellationToken)
    {
        TimeSpan notebookLeft = limits.Notebook - clock.Elapsed;
        bool notebookBound = notebookLeft < limits.Cell;
        TimeSpan limit = notebookBound ? notebookLeft : limits.Cell;
        string limitName = notebookBound ? "notebook time limit" : "cell time limit";
        (CellFailure Failure, ErrorOutput Output)? error = null;
        if (limit <= TimeSpan.Zero)
        {
            error = CellErrors.FromTimeout(number, limits.Notebook, "notebook time limit");
        }
        else
        {
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cancellation.CancelAfter(limit);
            string cellPath = CellErrors.CellPath(notebook.Path, number);
            Task<object?> run = Task.Factory.StartNew(
                () => RunInScopeAsync(session, cell.Source, cellPath, collector, executionCount, cancellation.Token),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
            try
            {
                await run.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException) when (!run.IsCompleted)
            {
                _ = run.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                error = CellErrors.FromTimeout(number, limit, limitName);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                error = CellErrors.FromTimeout(number, limit, limitName);
            }
            catch (CompilationErrorException e)
            {
                error = CellErrors.FromCompilation(number, e);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                error = CellErrors.FromException(notebook.Path, number, e);
            }
        }

        if (error is not { } failed)
        {
            collector.Close();
            return null;
        }

        collector.Seal();
        cell.Outputs.Add(failed.Output);
        return failed.Failure;
    }

    private static async Task<object?> RunInScopeAsync(
        ScriptSession session, string code, string cellPath, CellOutputCollector collector, int executionCount, CancellationToken cancellationToken)
    {
        DisplayScope.Current = collector;
        object? value = await session.RunAsync(code, cellPath, cancellationToken).ConfigureAwait(false);
        if (value is not null and not DisplayHandle)
        {
            collector.AddFinal(new ExecuteResultOutput(executionCount, DisplayFormatter.Format(value)));
        }

        return value;
    }
}
