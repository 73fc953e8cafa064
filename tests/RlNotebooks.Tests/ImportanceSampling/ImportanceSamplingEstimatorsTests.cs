using FsCheck.Fluent;
using RlNotebooks.ImportanceSampling;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.ImportanceSampling;

public class ImportanceSamplingEstimatorsTests
{
    [Fact]
    public void Worked_example_ordinary_and_weighted()
    {
        // ρ = [2, 0.5, 1], G = [1, 4, 3]: Σ ρG = 2 + 2 + 3 = 7; ordinary = 7/3; weighted = 7 / (2 + 0.5 + 1) = 2.
        double[] ratios = [2.0, 0.5, 1.0];
        double[] returns = [1.0, 4.0, 3.0];
        Assert.Equal(7.0 / 3.0, ImportanceSamplingEstimators.Ordinary(ratios, returns), 12);
        Assert.Equal(2.0, ImportanceSamplingEstimators.Weighted(ratios, returns), 12);
    }

    [Fact]
    public void Weighted_estimate_is_zero_when_all_ratios_vanish_as_in_sutton_barto_5_5()
    {
        Assert.Equal(0.0, ImportanceSamplingEstimators.Weighted([0.0, 0.0], [3.0, -7.0]));
    }

    [Fact]
    public void Weighted_estimate_with_a_single_return_is_that_return_whatever_the_ratio()
    {
        // Sutton & Barto §5.5: with one return, the weighted estimate is G itself (the ratio cancels).
        Assert.Equal(5.0, ImportanceSamplingEstimators.Weighted([1e200], [5.0]), 12);
    }

    [Fact]
    public void On_policy_data_gives_the_sample_mean()
    {
        Properties.Check(Properties.ArrayOf(Properties.Finite(100)), returns =>
        {
            var ones = Enumerable.Repeat(1.0, returns.Length).ToArray();
            double mean = returns.Average();
            Assert.Equal(mean, ImportanceSamplingEstimators.Weighted(ones, returns), 9);
            Assert.Equal(mean, ImportanceSamplingEstimators.Ordinary(ones, returns), 9);
        });
    }

    [Fact]
    public void Weighted_estimate_lies_between_the_smallest_and_largest_return()
    {
        var gen = from n in Gen.Choose(1, 20)
                  from ratios in Gen.ArrayOf(Properties.Between(0.01, 50), n)
                  from returns in Gen.ArrayOf(Properties.Finite(100), n)
                  select (ratios, returns);
        Properties.Check(gen, x =>
        {
            double v = ImportanceSamplingEstimators.Weighted(x.ratios, x.returns);
            return v >= x.returns.Min() - 1e-9 && v <= x.returns.Max() + 1e-9;
        });
    }

    [Fact]
    public void Bad_inputs_name_the_parameter_and_index()
    {
        var negative = Assert.ThrowsAny<ArgumentException>(() => ImportanceSamplingEstimators.Ordinary([1.0, -0.5], [1.0, 1.0]));
        Assert.Equal("ratios", negative.ParamName);
        Assert.Contains("[1]", negative.Message);
        Assert.Contains("-0.5", negative.Message);
        var nan = Assert.ThrowsAny<ArgumentException>(() => ImportanceSamplingEstimators.Weighted([1.0], [double.NaN]));
        Assert.Equal("returns", nan.ParamName);
        var length = Assert.ThrowsAny<ArgumentException>(() => ImportanceSamplingEstimators.Weighted([1.0], [1.0, 2.0]));
        Assert.Equal("returns", length.ParamName);
        var overflow = Assert.ThrowsAny<ArgumentException>(() => ImportanceSamplingEstimators.Ordinary([1e300], [1e300]));
        Assert.Equal("ratios", overflow.ParamName);
    }
}
