using System.Globalization;
using System.Reflection;
using System.Text;

namespace RlNotebooks.Charts;

/// <summary>
/// A one-line training progress display that is updated in place, e.g.
/// <c>PPO  step 3000/100000  return 212.4 ± 31.0  (12.3 s)</c>.
/// <para>
/// Contract (the same in .NET Interactive and in the headless runner): the notebook global <c>display(object)</c>
/// returns a handle with a public <c>Update(object)</c> method; .NET Interactive replaces the displayed output in
/// place, the runner replaces it in the saved notebook and prints the line to the console. In a notebook:
/// <code>
/// var progress = TrainingProgress.Start(x => display(x), totalSteps: 100_000, label: "PPO");
/// progress.Report(step, new ProgressMetric("return", mean, std));
/// </code>
/// Updates are throttled: a report reaches the display only if at least <c>minInterval</c> (0.5 s by default) has
/// passed since the last update, or when <c>step ≥ totalSteps</c> (the final step always shows). Call <see cref="Flush"/>
/// after stopping early so the last reported line is shown.
/// </para>
/// </summary>
public sealed class TrainingProgress
{
    private readonly object _handle;
    private readonly MethodInfo _update;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly TimeSpan _minInterval;
    private long _lastUpdate;
    private string _latest;
    private bool _latestShown;

    private TrainingProgress(object handle, MethodInfo update, int totalSteps, string label, TimeProvider time, TimeSpan minInterval)
    {
        _handle = handle;
        _update = update;
        TotalSteps = totalSteps;
        Label = label;
        _time = time;
        _minInterval = minInterval;
        _start = time.GetTimestamp();
        _lastUpdate = _start;
        _latest = Format(0, [], TimeSpan.Zero);
        _latestShown = true;
    }

    /// <summary>The step count at which training is complete.</summary>
    public int TotalSteps { get; }

    /// <summary>The label that starts every line (e.g. the algorithm's name).</summary>
    public string Label { get; }

    /// <summary>The most recently formatted line (shown or not yet shown).</summary>
    public string LatestLine => _latest;

    /// <summary>
    /// Displays the initial line <c>"{label}  step 0/{totalSteps}"</c> with <paramref name="display"/> and keeps the
    /// returned handle for in-place updates.
    /// </summary>
    /// <param name="display">The notebook's display function, e.g. <c>x =&gt; display(x)</c>; must return a handle with a public <c>Update(object)</c>.</param>
    /// <param name="totalSteps">Steps (or episodes) at which training ends; ≥ 1.</param>
    /// <param name="label">Line prefix, e.g. "PPO".</param>
    /// <param name="time">Clock; <see cref="TimeProvider.System"/> by default (tests pass a fake).</param>
    /// <param name="minInterval">Minimum time between display updates; 0.5 s by default.</param>
    /// <exception cref="ArgumentException">The handle is null or has no public instance <c>Update(object)</c> method.</exception>
    public static TrainingProgress Start(
        Func<object, object?> display, int totalSteps, string label = "training", TimeProvider? time = null, TimeSpan? minInterval = null)
    {
        ArgumentNullException.ThrowIfNull(display);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfLessThan(totalSteps, 1);
        var interval = minInterval ?? TimeSpan.FromSeconds(0.5);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero, nameof(minInterval));
        time ??= TimeProvider.System;
        string first = Format(label, 0, totalSteps, [], TimeSpan.Zero);
        object handle = display(first)
            ?? throw new ArgumentException("display returned null; it must return a handle with a public Update(object) method.", nameof(display));
        var update = handle.GetType().GetMethod("Update", BindingFlags.Public | BindingFlags.Instance, [typeof(object)])
            ?? throw new ArgumentException(
                $"The display handle of type {handle.GetType().FullName} has no public Update(object) method.", nameof(display));
        return new TrainingProgress(handle, update, totalSteps, label, time, interval);
    }

    /// <summary>
    /// Formats the line for <paramref name="step"/> and shows it if the throttle allows (or the step is the last);
    /// returns whether the display was updated.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public bool Report(int step, params ProgressMetric[] metrics)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentNullException.ThrowIfNull(metrics);
        long now = _time.GetTimestamp();
        _latest = Format(step, metrics, _time.GetElapsedTime(_start, now));
        _latestShown = false;
        if (step >= TotalSteps || _time.GetElapsedTime(_lastUpdate, now) >= _minInterval)
        {
            Show(now);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Reports <c>return mean ± std</c> of <paramref name="episodeReturns"/> (population std, ddof = 0); with no
    /// returns yet, reports the step alone.
    /// </summary>
    public bool Report(int step, ReadOnlySpan<double> episodeReturns)
    {
        if (episodeReturns.IsEmpty)
        {
            return Report(step);
        }

        double mean = 0.0;
        foreach (double g in episodeReturns)
        {
            mean += g;
        }

        mean /= episodeReturns.Length;
        double squares = 0.0;
        foreach (double g in episodeReturns)
        {
            squares += (g - mean) * (g - mean);
        }

        return Report(step, new ProgressMetric("return", mean, Math.Sqrt(squares / episodeReturns.Length)));
    }

    /// <summary>Shows the latest reported line if the throttle held it back; returns whether the display was updated.</summary>
    public bool Flush()
    {
        if (_latestShown)
        {
            return false;
        }

        Show(_time.GetTimestamp());
        return true;
    }

    private void Show(long now)
    {
        _update.Invoke(_handle, [_latest]);
        _lastUpdate = now;
        _latestShown = true;
    }

    private string Format(int step, ProgressMetric[] metrics, TimeSpan elapsed) => Format(Label, step, TotalSteps, metrics, elapsed);

    private static string Format(string label, int step, int totalSteps, ProgressMetric[] metrics, TimeSpan elapsed)
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"{label}  step {step}/{totalSteps}");
        foreach (var metric in metrics)
        {
            line.Append("  ").Append(metric.ToString());
        }

        if (elapsed > TimeSpan.Zero)
        {
            line.Append(CultureInfo.InvariantCulture, $"  ({elapsed.TotalSeconds:0.0} s)");
        }

        return line.ToString();
    }
}
