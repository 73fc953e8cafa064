using RlNotebooks.Validation;

namespace RlNotebooks.Evaluation;

/// <summary>
/// What the lectures read off a training run: the rolling mean of the last w episode returns after each finished episode,
/// and the first environment step at which it reaches a threshold ("solved": CartPole-v1's rolling-20 ≥ 475,
/// Pendulum-v1's ≥ −200).
/// </summary>
public static class LearningCurves
{
    /// <summary>
    /// Rolling mean Ḡₖ = (1/m) Σ_{j=k−m+1..k} Gⱼ with m = min(w, k + 1): element k averages the returns of episodes
    /// k − w + 1 … k (fewer at the start).
    /// </summary>
    /// <param name="returns">Episode returns in the order the episodes finished.</param>
    /// <param name="window">w ≥ 1.</param>
    public static double[] RollingMean(ReadOnlySpan<double> returns, int window)
    {
        Guard.AtLeast(window, 1);
        Guard.AllFinite(returns);
        var rolling = new double[returns.Length];
        double sum = 0.0;
        for (int k = 0; k < returns.Length; k++)
        {
            sum += returns[k];
            if (k >= window)
            {
                sum -= returns[k - window];
            }

            rolling[k] = sum / Math.Min(window, k + 1);
        }

        return rolling;
    }

    /// <summary>
    /// The environment step at which the rolling mean of the last <paramref name="window"/> returns first reaches
    /// <paramref name="threshold"/>, counting only full windows; null when it never does.
    /// </summary>
    /// <param name="endSteps">endSteps[k]: the global environment step at which episode k finished (non-decreasing).</param>
    /// <param name="returns">returns[k]: that episode's return.</param>
    /// <param name="window">w ≥ 1 (20 in the lectures' CartPole and Pendulum outcomes).</param>
    /// <param name="threshold">The score to reach.</param>
    public static long? StepsToThreshold(ReadOnlySpan<long> endSteps, ReadOnlySpan<double> returns, int window, double threshold)
    {
        Guard.SameLength(returns.Length, endSteps.Length, nameof(endSteps), nameof(returns));
        Guard.Finite(threshold);
        double[] rolling = RollingMean(returns, window);
        for (int k = window - 1; k < rolling.Length; k++)
        {
            if (rolling[k] >= threshold)
            {
                return endSteps[k];
            }
        }

        return null;
    }

    /// <summary>
    /// Explained variance 1 − Var[y − ŷ] / Var[y] of value predictions ŷ against targets y (1 = perfect, 0 = no better than
    /// predicting the mean, negative = worse); NaN when the targets have zero variance.
    /// </summary>
    public static double ExplainedVariance(ReadOnlySpan<double> predictions, ReadOnlySpan<double> targets)
    {
        Guard.SameLength(targets.Length, predictions.Length, nameof(predictions), nameof(targets));
        Guard.NotEmpty(targets.Length, nameof(targets));
        Guard.AllFinite(predictions);
        Guard.AllFinite(targets);
        double meanY = 0.0, meanResidual = 0.0;
        for (int i = 0; i < targets.Length; i++)
        {
            meanY += targets[i];
            meanResidual += targets[i] - predictions[i];
        }

        meanY /= targets.Length;
        meanResidual /= targets.Length;
        double varY = 0.0, varResidual = 0.0;
        for (int i = 0; i < targets.Length; i++)
        {
            varY += (targets[i] - meanY) * (targets[i] - meanY);
            double residual = targets[i] - predictions[i] - meanResidual;
            varResidual += residual * residual;
        }

        return varY == 0.0 ? double.NaN : 1.0 - varResidual / varY;
    }
}
