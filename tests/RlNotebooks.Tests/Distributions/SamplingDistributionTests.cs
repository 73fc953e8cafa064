using RlNotebooks.Distributions;

namespace RlNotebooks.Tests.Distributions;

public class SamplingDistributionTests
{
    [Fact]
    public void Categorical_never_returns_a_zero_probability_index()
    {
        var random = new Random(1);
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(1, Categorical.SampleFromProbabilities([0.0, 1.0, 0.0], random));
        }
    }

    [Fact]
    public void Standard_normal_has_mean_zero_and_unit_variance()
    {
        // N = 10⁵: sd(mean) ≈ 0.0032, sd(variance) ≈ 0.0045; allow 4 sd.
        var random = new Random(9);
        const int n = 100_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            double z = StandardNormal.Sample(random);
            sum += z;
            sumSq += z * z;
        }

        Assert.InRange(sum / n, -0.013, 0.013);
        Assert.InRange(sumSq / n - (sum / n) * (sum / n), 1 - 0.018, 1 + 0.018);
    }

    [Fact]
    public void Categorical_rejects_bad_probabilities()
    {
        var random = new Random(0);
        var negative = Assert.Throws<ArgumentException>(() => Categorical.SampleFromProbabilities([0.5, -0.1], random));
        Assert.Equal("probabilities", negative.ParamName);
        Assert.Contains("probabilities[1]", negative.Message);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => Categorical.SampleFromProbabilities([], random)).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => Categorical.SampleFromProbabilities([0.0, 0.0], random)).ParamName);
    }
}
