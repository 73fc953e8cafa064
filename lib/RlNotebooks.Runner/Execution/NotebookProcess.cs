using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RlNotebooks.Runner.Kernel;
using RlNotebooks.Runner.Notebooks;

namespace RlNotebooks.Runner.Execution;

/// <summary>
/// One notebook's process: the runner re-invoked with <see cref="ChildProtocol.Flag"/>. It starts and warms up its
/// kernel before it is given a notebook, so the runner can start the next notebook's process while the current one
/// runs. Executing keeps every cell the process reports as finished. The process is killed at a time limit, at the
/// memory limit (its resident set; the GC heap is capped at the same size, so managed allocations fail first with a
/// clear message) or on cancellation (Ctrl-C). A process that ends before reporting its last cell failed that cell,
/// whatever its exit code: the error names the cell and says "the notebook's process ended", with the start of its stderr.
/// </summary>
public sealed class NotebookProcess : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly Process _process;
    private readonly ExecutionLimits _limits;
    private readonly StringBuilder _stderr = new();
    private readonly Task _stderrRead;

    private NotebookProcess(ExecutionLimits limits)
    {
        _limits = limits;
        _process = Process.Start(StartInfo(limits)) ?? throw new InvalidOperationException("Could not start the notebook's process.");
        _stderrRead = Task.Run(async () =>
        {
            char[] buffer = new char[4096];
            int read;
            while ((read = await _process.StandardError.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                lock (_stderr) _stderr.Append(buffer, 0, read);
            }
        });
    }

    /// <summary>Starts a process that warms up its kernel and waits for <see cref="ExecuteAsync(Notebook, Action{int, int}?, Action{string}?, CancellationToken)"/>.</summary>
    public static NotebookProcess Start(ExecutionLimits limits) => new(limits);

    /// <summary>Runs <paramref name="notebook"/> in a new process (see <see cref="Start"/> to start it ahead).</summary>
    public static async Task<NotebookExecution> ExecuteAsync(
        Notebook notebook, ExecutionLimits limits, Action<int, int>? onCell = null, Action<string>? onTextUpdate = null, CancellationToken cancellationToken = default)
    {
        using NotebookProcess process = Start(limits);
        return await process.ExecuteAsync(notebook, onCell, onTextUpdate, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="notebook"/> in this process (once); <paramref name="onCell"/> is told (code cell index,
    /// code cell count) before each cell, <paramref name="onTextUpdate"/> every text value a display is updated to.</summary>
    public async Task<NotebookExecution> ExecuteAsync(
        Notebook notebook, Action<int, int>? onCell = null, Action<string>? onTextUpdate = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var codeCells = notebook.Cells.Select((cell, index) => (cell, number: index + 1)).Where(c => c.cell.IsCode).ToList();
        foreach ((NotebookCell cell, _) in codeCells)
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
        }

        if (codeCells.Count == 0) return new NotebookExecution(notebook, null, 0, 0, clock.Elapsed, 0);

        var run = new Run(notebook, codeCells.Count, onCell, onTextUpdate, clock);
        Task stdout = Task.Run(async () =>
        {
            while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (ChildProtocol.Parse(line) is { } message) run.Handle(message);
            }
        });
        try
        {
            await _process.StandardInput.WriteLineAsync(notebook.Path).ConfigureAwait(false);
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process already ended; reported below like any early end.
        }

        (FailureKind Kind, string Message)? stop = null;
        while (!stdout.IsCompleted && stop is null)
        {
            await Task.WhenAny(stdout, Task.Delay(Poll, CancellationToken.None)).ConfigureAwait(false);
            stop = run.Exceeded(_limits, cancellationToken, _process);
        }

        if (stop is not null) _process.Kill(entireProcessTree: true);
        await Task.WhenAll(stdout, _stderrRead).ConfigureAwait(false);
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        if (stop is null && !run.Done && cancellationToken.IsCancellationRequested) stop = (FailureKind.Interrupted, "the run was interrupted (Ctrl-C)");
        if (stop is null && !run.Done)
        {
            stop = (FailureKind.ProcessEnded, $"the notebook's process ended (exit code {_process.ExitCode}) before the cell finished{Head(_stderr)}");
        }

        if (stop is { } s) run.Fail(s.Kind, s.Message);
        return new NotebookExecution(notebook, run.Failure, run.Executed, codeCells.Count, clock.Elapsed, run.PeakMemory);
    }

    /// <summary>Kills the process if it is still running (a process started ahead and never used, or after an error).</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    /// <summary>The runner itself, started as a notebook's process: stdin gives it the notebook's path, and the GC heap
    /// is capped at the memory limit.</summary>
    private static ProcessStartInfo StartInfo(ExecutionLimits limits)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (string argument in new[] { typeof(NotebookProcess).Assembly.Location, ChildProtocol.Flag, limits.MemoryBytes.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + limits.MemoryBytes.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return start;
    }

    /// <summary>The <c>dotnet</c> host running this process, else the one beside the shared runtime, else <c>dotnet</c> on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string beside = Path.Combine(runtime, "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(beside) ? Path.GetFullPath(beside) : "dotnet";
    }

    private static string Head(StringBuilder stderr)
    {
        string text;
        lock (stderr) text = stderr.ToString();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "" : ": " + string.Join(" | ", lines.Take(3));
    }

    /// <summary>What the notebook's process has reported so far.</summary>
    private sealed class Run(Notebook notebook, int codeCells, Action<int, int>? onCell, Action<string>? onTextUpdate, Stopwatch clock)
    {
        private readonly Lock _gate = new();
        private int _running = -1;
        private int _lastFinished;
        private TimeSpan _cellStarted;

        public int Executed { get; private set; }

        public bool Done { get; private set; }

        public long PeakMemory { get; private set; }

        public CellFailure? Failure { get; private set; }

        public void Handle(JsonObject message)
        {
            lock (_gate)
            {
                switch (message["kind"]!.GetValue<string>())
                {
                    case "start":
                        _running = message["cell"]!.GetValue<int>();
                        _cellStarted = clock.Elapsed;
                        onCell?.Invoke(Executed++, codeCells);
                        notebook.Cells[_running - 1].ExecutionCount = Executed;
                        break;
                    case "cell":
                        NotebookCell cell = notebook.Cells[message["cell"]!.GetValue<int>() - 1];
                        cell.Outputs.AddRange(message["outputs"]!.AsArray().Select(o => o!.AsObject().DeepClone().AsObject()));
                        if (message["failure"] is JsonObject f)
                        {
                            Failure = new CellFailure(message["cell"]!.GetValue<int>(), f["line"]?.GetValue<int>(),
                                Enum.Parse<FailureKind>(f["kind"]!.GetValue<string>()), f["message"]!.GetValue<string>());
                        }

                        _lastFinished = message["cell"]!.GetValue<int>();
                        _running = -1;
                        break;
                    case "update":
                        notebook.Cells[message["cell"]!.GetValue<int>() - 1].Outputs[message["output"]!.GetValue<int>()]["data"] = message["data"]!.DeepClone();
                        break;
                    case "progress":
                        onTextUpdate?.Invoke(message["text"]!.GetValue<string>());
                        break;
                    case "done":
                        PeakMemory = message["peakMemory"]!.GetValue<long>();
                        Done = true;
                        break;
                }
            }
        }

        /// <summary>The limit the process broke, if any.</summary>
        public (FailureKind, string)? Exceeded(ExecutionLimits limits, CancellationToken cancellationToken, Process process)
        {
            lock (_gate)
            {
                if (cancellationToken.IsCancellationRequested) return (FailureKind.Interrupted, "the run was interrupted (Ctrl-C)");
                if (_running > 0 && clock.Elapsed - _cellStarted > limits.Cell) return (FailureKind.Timeout, TimeoutMessage(limits.Cell, "cell time limit"));
                if (clock.Elapsed > limits.Notebook) return (FailureKind.Timeout, TimeoutMessage(limits.Notebook, "notebook time limit"));
            }

            process.Refresh();
            return !process.HasExited && process.WorkingSet64 > limits.MemoryBytes ? (FailureKind.MemoryLimit, CellErrors.MemoryLimitMessage(limits.MemoryBytes)) : null;
        }

        /// <summary>Records a failure of the running cell (or, before any cell ran, of the first code cell).</summary>
        public void Fail(FailureKind kind, string message)
        {
            lock (_gate)
            {
                if (Failure is not null && _running < 0) return;
                var code = notebook.Cells.Select((c, i) => (c, number: i + 1)).Where(x => x.c.IsCode).Select(x => x.number).ToList();
                int number = _running > 0 ? _running : code.FirstOrDefault(n => n > _lastFinished, code[^1]);
                if (_running < 0) Executed++;
                (Failure, JsonObject output) = CellErrors.Stopped(number, kind, message);
                notebook.Cells[number - 1].Outputs.Add(output);
                notebook.Cells[number - 1].ExecutionCount ??= Executed;
            }
        }

        private static string TimeoutMessage(TimeSpan limit, string name) =>
            $"the cell did not finish within the {name} of {limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s; the notebook's process was killed";
    }
}
