using FsCheck.Fluent;
using RlNotebooks.Distributions;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Distributions;

public class SoftmaxTests
{
    [Fact]
    public void Worked_examples_with_temperature()
    {
        // softmax([0, ln 3]) = [1/4, 3/4]; with τ = 2, softmax([0, ln 9]/2) = softmax([0, ln 3]) = [1/4, 3/4].
        var p = Softmax.Probabilities([0.0, Math.Log(3)]);
        Assert.Equal(0.25, p[0], 12);
        Assert.Equal(0.75, p[1], 12);
        var tempered = Softmax.Probabilities([0.0, Math.Log(9)], temperature: 2.0);
        Assert.Equal(0.25, tempered[0], 12);
        var logP = Softmax.LogProbabilities([0.0, Math.Log(3)]);
        Assert.Equal(Math.Log(0.25), logP[0], 12);
        Assert.Equal(Math.Log(0.75), logP[1], 12);
    }

    [Fact]
    public void Shifting_by_the_maximum_keeps_large_logits_finite()
    {
        // exp(1000) overflows, but the shifted exponents 0 and −1 do not: softmax(1000, 999) = (1, e⁻¹)/(1 + e⁻¹).
        var p = Softmax.Probabilities([1000.0, 999.0]);
        Assert.Equal(1.0 / (1.0 + Math.Exp(-1.0)), p[0], 15);
        Assert.Equal([0.5, 0.5], Softmax.Probabilities([1000.0, 1000.0], temperature: 1e-3));
        var logP = Softmax.LogProbabilities([1000.0, 999.0]);
        Assert.Equal(-Math.Log(1.0 + Math.Exp(-1.0)), logP[0], 15);
    }

    [Fact]
    public void A_log_probability_beyond_the_double_range_is_an_overflow_error()
    {
        // (x₁ − max)/τ = −1/1e-310 = −∞: not a representable log-probability.
        var e = Assert.ThrowsAny<ArgumentException>(() => Softmax.LogProbabilities([1.0, 0.0], temperature: 1e-310));
        Assert.Equal("logits", e.ParamName);
        Assert.Contains("overflowed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probabilities_sum_to_one_and_are_finite_for_any_finite_logits()
    {
        var logit = Gen.OneOf(Properties.Finite(50), Gen.Elements(1000.0, -1000.0, 1e4, -1e4));
        var gen = from logits in Properties.ArrayOf(logit, 1, 10)
                  from temperature in Properties.Between(0.01, 100)
                  select (logits, temperature);
        Properties.Check(gen, x =>
        {
            var p = Softmax.Probabilities(x.logits, x.temperature);
            var logP = Softmax.LogProbabilities(x.logits, x.temperature);
            return Math.Abs(p.Sum() - 1.0) < 1e-12 && p.All(v => v >= 0 && double.IsFinite(v)) && logP.All(double.IsFinite);
        });
    }

    [Fact]
    public void Bad_inputs_name_the_parameter_index_and_value()
    {
        var temperature = Assert.ThrowsAny<ArgumentException>(() => Softmax.Probabilities([0.0], temperature: 0.0));
        Assert.Equal("temperature", temperature.ParamName);
        Assert.Contains("0", temperature.Message);
        var nan = Assert.ThrowsAny<ArgumentException>(() => Softmax.LogProbabilities([0.0, double.NaN]));
        Assert.Equal("logits", nan.ParamName);
        Assert.Contains("[1]", nan.Message);
        Assert.Contains("NaN", nan.Message);
        Assert.Equal("logits", Assert.ThrowsAny<ArgumentException>(() => Softmax.Probabilities([])).ParamName);
        Assert.Equal("destination", Assert.ThrowsAny<ArgumentException>(() => Softmax.ProbabilitiesInto([0.0], new double[2])).ParamName);
    }
}
