using FsCheck.Fluent;
using RlNotebooks.ImportanceSampling;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.ImportanceSampling;

public class ImportanceRatiosTests
{
    [Fact]
    public void Worked_example_from_log_probabilities()
    {
        // π = [0.5, 0.1], μ = [0.25, 0.2] → ρ = [0.5/0.25, 0.1/0.2] = [2, 0.5]; ρ_{0:0} = 2, ρ_{0:1} = 2 · 0.5 = 1.
        double[] target = [Math.Log(0.5), Math.Log(0.1)];
        double[] behaviour = [Math.Log(0.25), Math.Log(0.2)];
        var ratios = ImportanceRatios.Ratios(target, behaviour);
        Assert.Equal(2.0, ratios[0], 12);
        Assert.Equal(0.5, ratios[1], 12);
        var perDecision = ImportanceRatios.PerDecisionRatios(target, behaviour);
        Assert.Equal(2.0, perDecision[0], 12);
        Assert.Equal(1.0, perDecision[1], 12);
        Assert.Equal(1.0, ImportanceRatios.TrajectoryRatio(target, behaviour), 12);
    }

    [Fact]
    public void Long_trajectories_sum_log_ratios_instead_of_multiplying()
    {
        // 1400 steps of log-ratio 0.5 each: the product is e^700 (finite) although the cumulative sum passes through
        // every intermediate power; 1500 steps would be e^750 > double.MaxValue and must be rejected, not returned as ∞.
        var target = Enumerable.Repeat(0.5, 1400).ToArray();
        var behaviour = new double[1400];
        Assert.Equal(700.0, Math.Log(ImportanceRatios.TrajectoryRatio(target, behaviour)), 9);
        var tooLong = Enumerable.Repeat(0.5, 1500).ToArray();
        var ex = Assert.Throws<ArgumentException>(() => ImportanceRatios.TrajectoryRatio(tooLong, new double[1500]));
        Assert.Equal("targetLogProbs", ex.ParamName);
        Assert.Contains("750", ex.Message);
        Assert.Contains("overflowed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Very_negative_log_ratios_underflow_to_zero_not_nan()
    {
        Assert.Equal(0.0, ImportanceRatios.Ratios([-800.0], [0.0])[0]);
    }

    [Fact]
    public void Last_per_decision_ratio_equals_the_trajectory_ratio_and_each_step_multiplies()
    {
        var gen = from n in Gen.Choose(1, 30)
                  from target in Gen.ArrayOf(Properties.Finite(3), n)
                  from behaviour in Gen.ArrayOf(Properties.Finite(3), n)
                  select (target, behaviour);
        Properties.Check(gen, x =>
        {
            var perDecision = ImportanceRatios.PerDecisionRatios(x.target, x.behaviour);
            var ratios = ImportanceRatios.Ratios(x.target, x.behaviour);
            double trajectory = ImportanceRatios.TrajectoryRatio(x.target, x.behaviour);
            Assert.Equal(1.0, perDecision[^1] / trajectory, 9);
            for (int t = 1; t < ratios.Length; t++)
            {
                Assert.Equal(1.0, perDecision[t] / (perDecision[t - 1] * ratios[t]), 9);
            }
        });
    }

    [Fact]
    public void Overflowing_ratio_is_rejected_with_index_and_value()
    {
        var ex = Assert.Throws<ArgumentException>(() => ImportanceRatios.Ratios([0.0, 800.0], [0.0, 0.0]));
        Assert.Equal("targetLogProbs", ex.ParamName);
        Assert.Contains("[1]", ex.Message);
        Assert.Contains("800", ex.Message);
    }

    [Fact]
    public void Bad_inputs_name_the_parameter()
    {
        var nan = Assert.ThrowsAny<ArgumentException>(() => ImportanceRatios.Ratios([0.0], [double.NaN]));
        Assert.Equal("behaviourLogProbs", nan.ParamName);
        Assert.Contains("[0]", nan.Message);
        Assert.Contains("NaN", nan.Message);
        var length = Assert.ThrowsAny<ArgumentException>(() => ImportanceRatios.PerDecisionRatios([0.0, 0.0], [0.0]));
        Assert.Equal("behaviourLogProbs", length.ParamName);
        var empty = Assert.ThrowsAny<ArgumentException>(() => ImportanceRatios.TrajectoryRatio([], []));
        Assert.Equal("targetLogProbs", empty.ParamName);
        var destination = Assert.ThrowsAny<ArgumentException>(() => ImportanceRatios.RatiosInto([0.0], [0.0], new double[2]));
        Assert.Equal("destination", destination.ParamName);
    }
}
