using RlNotebooks.ImportanceSampling;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.ImportanceSampling;

public class EffectiveSampleSizeTests
{
    [Fact]
    public void Worked_examples()
    {
        // w = [1, 1, 2]: (1 + 1 + 2)² / (1 + 1 + 4) = 16/6 = 8/3.
        Assert.Equal(8.0 / 3.0, EffectiveSampleSize.Compute([1.0, 1.0, 2.0]), 12);
        Assert.Equal(4.0, EffectiveSampleSize.Compute([0.3, 0.3, 0.3, 0.3]), 12);
        Assert.Equal(1.0, EffectiveSampleSize.Compute([0.0, 5.0, 0.0]), 12);
    }

    [Fact]
    public void Ess_lies_between_one_and_n()
    {
        var gen = Properties.ArrayOf(Properties.Between(0, 1000));
        Properties.Check(gen, weights =>
        {
            if (weights.All(w => w == 0.0))
            {
                return true;
            }

            double ess = EffectiveSampleSize.Compute(weights);
            return ess >= 1.0 && ess <= weights.Length;
        });
    }

    [Fact]
    public void Bad_inputs_name_the_parameter_and_index()
    {
        var negative = Assert.ThrowsAny<ArgumentException>(() => EffectiveSampleSize.Compute([1.0, -1.0]));
        Assert.Equal("weights", negative.ParamName);
        Assert.Contains("[1]", negative.Message);
        Assert.Contains("-1", negative.Message);
        Assert.Equal("weights", Assert.ThrowsAny<ArgumentException>(() => EffectiveSampleSize.Compute([0.0, 0.0])).ParamName);
        Assert.Equal("weights", Assert.ThrowsAny<ArgumentException>(() => EffectiveSampleSize.Compute([])).ParamName);
        Assert.Equal("weights", Assert.ThrowsAny<ArgumentException>(() => EffectiveSampleSize.Compute([double.PositiveInfinity])).ParamName);
    }
}
