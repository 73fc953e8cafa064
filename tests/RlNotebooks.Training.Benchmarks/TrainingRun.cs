using RlNotebooks.Deep.Algorithms;
using RlNotebooks.Evaluation;

namespace RlNotebooks.Training.Benchmarks;

/// <summary>What every trainer's result has in common, and the figures the benchmark reads off it.</summary>
/// <param name="Episodes">The training episodes in order.</param>
/// <param name="TotalSteps">Environment steps taken.</param>
/// <param name="Seconds">Wall-clock seconds of the run.</param>
public sealed record TrainingRun(IReadOnlyList<EpisodeRecord> Episodes, long TotalSteps, double Seconds)
{
    /// <summary>The rolling window of the outcomes: the mean of the last 20 training-episode returns.</summary>
    public const int Window = 20;

    /// <summary>The step and wall-clock second at which the rolling-20 return first reached <paramref name="threshold"/>, or null.</summary>
    public (long Steps, double Seconds)? ToThreshold(double threshold)
    {
        long[] ends = Episodes.Select(e => e.Step).ToArray();
        double[] returns = Episodes.Select(e => e.Return).ToArray();
        if (LearningCurves.StepsToThreshold(ends, returns, Window, threshold) is not long steps)
        {
            return null;
        }

        // The episode that completed the first window at or above the threshold ended at that step.
        double[] rolling = LearningCurves.RollingMean(returns, Window);
        int k = Enumerable.Range(Window - 1, Math.Max(0, returns.Length - Window + 1)).First(k => rolling[k] >= threshold);
        return (steps, Episodes[k].Seconds);
    }

    /// <summary>The rolling-20 return after the last episode (NaN with no episodes).</summary>
    public double FinalRollingReturn => Episodes.Count == 0
        ? double.NaN
        : LearningCurves.RollingMean(Episodes.Select(e => e.Return).ToArray(), Window)[^1];

    /// <summary>Environment steps per second over the whole run.</summary>
    public double StepsPerSecond => TotalSteps / Seconds;
}
