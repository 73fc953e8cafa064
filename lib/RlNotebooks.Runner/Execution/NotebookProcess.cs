using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
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
internal sealed class NotebookProcess : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly Process _process;
    private readonly RunnerOptions _limits;
    private readonly List<string> _stderrHead = []; // the first lines of its stderr, complete once it has exited
    private readonly Stopwatch _clock = new();
    private Notebook _notebook = null!;
    private IRunObserver? _observer;
    private List<int> _codeCells = [];
    private int _running, _executed; // _running: the cell number (1-based among all cells) or 0 for none
    private TimeSpan _cellStarted;
    private CellFailure? _failure;
    private long? _peakMemory; // reported with "done", after the last cell

    /// <summary>Starts the process; it warms up its kernel while it waits for <see cref="ExecuteAsync"/>.</summary>
    public NotebookProcess(RunnerOptions limits)
    {
        _limits = limits;
        string memory = limits.MemoryLimitBytes.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo(DotnetHost(), [typeof(NotebookProcess).Assembly.Location, ChildProtocol.Flag, memory])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8,
        };
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + limits.MemoryLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the notebook's process.");
        _process.ErrorDataReceived += (_, e) => { if (_stderrHead.Count < 3 && !string.IsNullOrWhiteSpace(e.Data)) _stderrHead.Add(e.Data.Trim()); };
        _process.BeginErrorReadLine();
    }

    /// <summary>Runs <paramref name="notebook"/> in this process (once), filling in its cells' outputs and execution counts.</summary>
    public async Task<NotebookResult> ExecuteAsync(Notebook notebook, string outputPath, IRunObserver? observer, CancellationToken cancellationToken)
    {
        _clock.Start();
        (_notebook, _observer) = (notebook, observer);
        _codeCells = notebook.CodeCellNumbers().ToList();
        if (_codeCells.Count > 0) await RunAsync(cancellationToken).ConfigureAwait(false);
        NotebookStatus status = _failure is null ? NotebookStatus.Passed : _failure.Kind == FailureKind.Interrupted ? NotebookStatus.Interrupted : NotebookStatus.Failed;
        return new NotebookResult(notebook.Path, outputPath, status, _executed, _codeCells.Count, _clock.Elapsed, _failure, null, _peakMemory ?? 0);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _process.StandardInput.WriteLineAsync(_notebook.Path).ConfigureAwait(false);
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process already ended; reported below like any early end.
        }

        // One loop reads the messages and checks the limits, so the state needs no lock; after a kill it reads on to
        // the end, keeping the cells the process reported before it died.
        (FailureKind Kind, string Message)? stop = null;
        Task<string?> line = _process.StandardOutput.ReadLineAsync();
        while (true)
        {
            await Task.WhenAny(line, Task.Delay(Poll, CancellationToken.None)).ConfigureAwait(false);
            if (line.IsCompleted)
            {
                if (await line.ConfigureAwait(false) is not { } text) break;
                if (ChildProtocol.Parse(text) is { } message) Handle(message);
                line = _process.StandardOutput.ReadLineAsync();
            }

            if (stop is null && (stop = Exceeded(cancellationToken)) is not null) _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        if (stop is null && _peakMemory is null)
        {
            stop = cancellationToken.IsCancellationRequested
                ? (FailureKind.Interrupted, Interrupted)
                : (FailureKind.ProcessEnded, $"the notebook's process ended (exit code {_process.ExitCode}) before the cell finished{(_stderrHead.Count == 0 ? "" : ": " + string.Join(" | ", _stderrHead))}");
        }

        if (stop is { } s) Fail(s.Kind, s.Message);
    }

    private const string Interrupted = "the run was interrupted (Ctrl-C)";

    private void Handle(JsonObject message)
    {
        int number = message["cell"]?.GetValue<int>() ?? 0;
        switch (message["kind"]!.GetValue<string>())
        {
            case "start":
                (_running, _cellStarted) = (number, _clock.Elapsed);
                _observer?.CellStarted(_notebook.Path, _executed, _codeCells.Count);
                _notebook.Cells[number - 1].ExecutionCount = ++_executed;
                break;
            case "cell":
                _notebook.Cells[number - 1].Outputs.AddRange(message["outputs"]!.AsArray().Select(o => o!.DeepClone().AsObject()));
                _failure = message["failure"]?.Deserialize<CellFailure>();
                _running = 0;
                break;
            case "update":
                _notebook.Cells[number - 1].Outputs[message["output"]!.GetValue<int>()]["data"] = message["data"]!.DeepClone();
                break;
            case "progress":
                _observer?.DisplayUpdated(_notebook.Path, message["text"]!.GetValue<string>());
                break;
            case "done":
                _peakMemory = message["peakMemory"]!.GetValue<long>();
                break;
        }
    }

    private (FailureKind, string)? Exceeded(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return (FailureKind.Interrupted, Interrupted);
        if (_running > 0 && _clock.Elapsed - _cellStarted > _limits.CellTimeout) return (FailureKind.Timeout, TimeoutMessage(_limits.CellTimeout, "cell"));
        if (_clock.Elapsed > _limits.NotebookTimeout) return (FailureKind.Timeout, TimeoutMessage(_limits.NotebookTimeout, "notebook"));
        _process.Refresh();
        bool overMemory = !_process.HasExited && _process.WorkingSet64 > _limits.MemoryLimitBytes;
        return overMemory ? (FailureKind.MemoryLimit, CellErrors.MemoryLimitMessage(_limits.MemoryLimitBytes)) : null;
    }

    /// <summary>Records a failure of the running cell (or, when none runs, of the next code cell not started).</summary>
    private void Fail(FailureKind kind, string message)
    {
        if (_failure is not null && _running == 0) return;
        int number = _running > 0 ? _running : _codeCells.FirstOrDefault(n => _notebook.Cells[n - 1].ExecutionCount is null, _codeCells[^1]);
        if (_running == 0) _executed++;
        (_failure, JsonObject output) = CellErrors.Stopped(number, kind, message);
        NotebookCell cell = _notebook.Cells[number - 1];
        cell.Outputs.Add(output);
        cell.ExecutionCount ??= _executed;
    }

    private static string TimeoutMessage(TimeSpan limit, string scope) =>
        $"the cell did not finish within the {scope} time limit of {limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s; the notebook's process was killed";

    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string beside = Path.Combine(runtime, "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(beside) ? Path.GetFullPath(beside) : "dotnet";
    }

    /// <summary>Kills the process if it still runs (started ahead and never used, or after an error).</summary>
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
}
