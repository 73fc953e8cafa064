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
    public void Huge_logits_stay_finite()
    {
        var p = Softmax.Probabilities([1e308, -1e308, 1e300]);
        Assert.Equal([1.0, 0.0, 0.0], p);
        var logP = Softmax.LogProbabilities([1e308, -1e308]);
        Assert.Equal(0.0, logP[0]);
        Assert.Equal(-double.MaxValue, logP[1]);
        Assert.Equal([0.5, 0.5], Softmax.Probabilities([1e308, 1e308], temperature: 1e-3));
    }

    [Fact]
    public void Probabilities_sum_to_one_and_are_finite_for_any_finite_logits()
    {
        var logit = Gen.OneOf(Properties.Finite(50), Gen.Elements(1e308, -1e308, 1e300, -1e300, double.MaxValue, -double.MaxValue));
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
