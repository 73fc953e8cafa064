using FsCheck.Fluent;
using RlNotebooks.Distributions;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Distributions;

public class TanhGaussianTests
{
    [Fact]
    public void Stable_log_jacobian_matches_the_naive_formula_where_that_is_accurate()
    {
        Properties.Check(Properties.Finite(5), u =>
        {
            double tanh = Math.Tanh(u);
            Assert.Equal(Math.Log(1 - tanh * tanh), TanhGaussian.LogOneMinusTanhSquared(u), 9);
        });
    }

    [Fact]
    public void Stable_log_jacobian_is_finite_where_the_naive_formula_gives_minus_infinity()
    {
        // For large |u|, 1 − tanh² u = sech² u ≈ 4e^{−2|u|}, so log(1 − tanh² u) ≈ 2 ln 2 − 2|u|.
        Assert.Equal(double.NegativeInfinity, Math.Log(1 - Math.Tanh(50) * Math.Tanh(50)));
        Assert.Equal(2 * Math.Log(2) - 100, TanhGaussian.LogOneMinusTanhSquared(50), 9);
        Assert.Equal(2 * Math.Log(2) - 100, TanhGaussian.LogOneMinusTanhSquared(-50), 9);
        Assert.Equal(0.0, TanhGaussian.LogOneMinusTanhSquared(0), 15);
    }

    [Fact]
    public void Worked_example_of_the_change_of_variables()
    {
        // u = 0, μ = 0, σ = 1, bounds [−2, 4]: c = 1, h = 3, a = 1; tanh'(0) = 1, so
        // log π(a) = log φ(0) − log 1 − log 3 = −0.9189385 − 1.0986123.
        double logProb = TanhGaussian.LogProb([0.0], [0.0], [0.0], [-2.0], [4.0]);
        Assert.Equal(-0.9189385332046727 - Math.Log(3), logProb, 12);
        Assert.Equal([1.0], TanhGaussian.Squash([0.0], [-2.0], [4.0]));
    }

    [Fact]
    public void Density_of_the_rescaled_action_integrates_to_one()
    {
        // Midpoint rule over a ∈ [low, high] with u = atanh((a − c)/h): ∫ π(a) da = 1 checks both Jacobian terms.
        double low = -2, high = 4, c = 1, h = 3;
        const int cells = 200_000;
        double width = (high - low) / cells, integral = 0;
        for (int k = 0; k < cells; k++)
        {
            double a = low + (k + 0.5) * width;
            double u = Math.Atanh((a - c) / h);
            integral += Math.Exp(TanhGaussian.LogProb([u], [0.3], [Math.Log(0.8)], [low], [high])) * width;
        }

        Assert.Equal(1.0, integral, 4);
    }

    [Fact]
    public void Sampling_is_deterministic_stays_in_bounds_and_reports_its_log_prob()
    {
        double[] mean = [0.0, 3.0];
        double[] logStd = [Math.Log(2), 0.0];
        double[] low = [-1.0, 0.0];
        double[] high = [1.0, 10.0];
        var a = TanhGaussian.Sample(mean, logStd, low, high, new Random(5));
        var b = TanhGaussian.Sample(mean, logStd, low, high, new Random(5));
        Assert.Equal(a.Action, b.Action);
        Assert.Equal(a.LogProb, b.LogProb);
        var random = new Random(9);
        for (int i = 0; i < 2000; i++)
        {
            var s = TanhGaussian.Sample(mean, logStd, low, high, random);
            Assert.InRange(s.Action[0], -1.0, 1.0);
            Assert.InRange(s.Action[1], 0.0, 10.0);
            Assert.Equal(TanhGaussian.LogProb(s.PreTanh, mean, logStd, low, high), s.LogProb);
            Assert.True(double.IsFinite(s.LogProb));
        }
    }

    [Fact]
    public void Bad_inputs_name_the_parameter_index_and_value()
    {
        var bounds = Assert.ThrowsAny<ArgumentException>(() => TanhGaussian.Squash([0.0, 0.0], [-1.0, 2.0], [1.0, 2.0]));
        Assert.Equal("high", bounds.ParamName);
        Assert.Contains("[1]", bounds.Message);
        Assert.Contains("2", bounds.Message);
        Assert.Equal("high", Assert.ThrowsAny<ArgumentException>(() => TanhGaussian.Squash([0.0], [-1.0], [1.0, 2.0])).ParamName);
        var nan = Assert.ThrowsAny<ArgumentException>(() => TanhGaussian.LogProb([double.NaN], [0.0], [0.0], [-1.0], [1.0]));
        Assert.Equal("preTanh", nan.ParamName);
        Assert.Contains("[0]", nan.Message);
        Assert.Equal("low", Assert.ThrowsAny<ArgumentException>(
            () => TanhGaussian.LogProb([0.0], [0.0], [0.0], [-1.0, -1.0], [1.0, 1.0])).ParamName);
        Assert.ThrowsAny<ArgumentNullException>(() => TanhGaussian.Sample([0.0], [0.0], [-1.0], [1.0], null!));
    }
}
