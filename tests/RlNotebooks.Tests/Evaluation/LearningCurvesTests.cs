using RlNotebooks.Evaluation;

namespace RlNotebooks.Tests.Evaluation;

public class LearningCurvesTests
{
    [Fact]
    public void Rolling_mean_averages_the_last_w_returns_and_fewer_at_the_start()
    {
        // w = 2: [1, (1+3)/2, (3+5)/2, (5+7)/2]
        Assert.Equal([1.0, 2.0, 4.0, 6.0], LearningCurves.RollingMean([1.0, 3.0, 5.0, 7.0], 2));
    }

    [Fact]
    public void Steps_to_threshold_counts_only_full_windows()
    {
        long[] steps = [10, 30, 60, 100];
        double[] returns = [500, 100, 500, 500];
        // w = 2: full windows end at episodes 1, 2, 3 with means 300, 300, 500 → first ≥ 475 at episode 3 (step 100);
        // episode 0's lone 500 is not a full window.
        Assert.Equal(100L, LearningCurves.StepsToThreshold(steps, returns, 2, 475));
        Assert.Null(LearningCurves.StepsToThreshold(steps, returns, 2, 501));
        Assert.Null(LearningCurves.StepsToThreshold(steps, returns, 5, 0));
    }

    [Fact]
    public void Explained_variance_is_one_for_perfect_zero_for_the_mean_and_nan_for_constant_targets()
    {
        double[] y = [1, 2, 3, 4];
        Assert.Equal(1.0, LearningCurves.ExplainedVariance(y, y), 12);
        Assert.Equal(0.0, LearningCurves.ExplainedVariance([2.5, 2.5, 2.5, 2.5], y), 12);
        // residual y − ŷ = [1, 0, 0, −1]: Var = 0.5 against Var[y] = 1.25 → 1 − 0.4 = 0.6
        Assert.Equal(0.6, LearningCurves.ExplainedVariance([0, 2, 3, 5], y), 12);
        Assert.True(double.IsNaN(LearningCurves.ExplainedVariance([1, 2], [3, 3])));
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("window", Assert.Throws<ArgumentOutOfRangeException>(() => LearningCurves.RollingMean([1.0], 0)).ParamName);
        Assert.Equal("endSteps", Assert.ThrowsAny<ArgumentException>(() => LearningCurves.StepsToThreshold([1L], [1.0, 2.0], 1, 0)).ParamName);
        Assert.Equal("targets", Assert.ThrowsAny<ArgumentException>(() => LearningCurves.ExplainedVariance([], [])).ParamName);
        Assert.Equal("returns", Assert.ThrowsAny<ArgumentException>(() => LearningCurves.RollingMean([double.NaN], 1)).ParamName);
    }
}
