using RlNotebooks.Distributions;

namespace RlNotebooks.Tests.Distributions;

public class SamplingPrimitivesTests
{
    [Fact]
    public void Standard_normal_sample_is_the_first_draw_of_FillInto()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            var filled = new double[1];
            StandardNormal.FillInto(new Random(seed), filled);
            double z = StandardNormal.Sample(new Random(seed));
            Assert.Equal(filled[0], z);
        }
    }

    [Fact]
    public void Sample_from_probabilities_matches_the_frequencies()
    {
        // N = 10⁵ draws of p = [0.2, 0, 0.5, 0.3]: sd of each frequency ≤ √(0.25/10⁵) ≈ 0.0016; allow 4 sd = 0.0064.
        double[] p = [0.2, 0.0, 0.5, 0.3];
        var random = new Random(3);
        var counts = new int[p.Length];
        const int n = 100_000;
        for (int i = 0; i < n; i++)
        {
            int a = Categorical.SampleFromProbabilities(p, random);
            counts[a]++;
        }

        Assert.Equal(0, counts[1]);
        for (int a = 0; a < p.Length; a++)
        {
            Assert.InRange((double)counts[a] / n, p[a] - 0.0064, p[a] + 0.0064);
        }
    }

    [Fact]
    public void Sample_from_probabilities_rejects_bad_input()
    {
        var random = new Random(0);
        var nan = Assert.Throws<ArgumentException>(() => Categorical.SampleFromProbabilities([double.NaN, 1.0], random));
        Assert.Equal("probabilities", nan.ParamName);
        Assert.Contains("probabilities[0]", nan.Message);
        Assert.Contains("NaN", nan.Message);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => Categorical.SampleFromProbabilities([], random)).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => Categorical.SampleFromProbabilities([0.0], random)).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => Categorical.SampleFromProbabilities([1.0], null!)).ParamName);
    }
}
