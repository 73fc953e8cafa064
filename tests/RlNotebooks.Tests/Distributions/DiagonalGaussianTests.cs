using FsCheck.Fluent;
using RlNotebooks.Distributions;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Distributions;

public class DiagonalGaussianTests
{
    [Fact]
    public void Standard_normal_reference_values()
    {
        // Differential entropy of N(0, 1) = ½ log(2πe) ≈ 1.4189385332046727 nats (Cover & Thomas, Elements of
        // Information Theory, 2nd ed., Example 8.1.2; also scipy.stats.norm().entropy()).
        Assert.Equal(1.4189385332046727, DiagonalGaussian.Entropy([0.0]), 14);
        Assert.Equal(3 * 1.4189385332046727 + Math.Log(2) + Math.Log(0.5), DiagonalGaussian.Entropy([0.0, Math.Log(2), Math.Log(0.5)]), 12);
        // log φ(0) = −½ log 2π ≈ −0.9189385; log N(1; 0, 2²) = −½(1/2)² − ln 2 − ½ ln 2π = −0.125 − 0.6931472 − 0.9189385.
        Assert.Equal(-0.9189385332046727, DiagonalGaussian.LogProb([0.0], [0.0], [0.0]), 14);
        Assert.Equal(-0.125 - Math.Log(2) - 0.9189385332046727, DiagonalGaussian.LogProb([1.0], [0.0], [Math.Log(2)]), 12);
    }

    [Fact]
    public void Kl_worked_example()
    {
        // D_KL(N(0, 1) ‖ N(1, 2²)) = ln(2/1) + (1 + (0 − 1)²)/(2·4) − ½ = ln 2 + 0.25 − 0.5 ≈ 0.4431472.
        Assert.Equal(Math.Log(2) - 0.25, DiagonalGaussian.KlDivergence([0.0], [0.0], [1.0], [Math.Log(2)]), 12);
        // The reverse direction differs: ln(1/2) + (4 + 1)/2 − ½ = 2 − ln 2 ≈ 1.3068528.
        Assert.Equal(2 - Math.Log(2), DiagonalGaussian.KlDivergence([1.0], [Math.Log(2)], [0.0], [0.0]), 12);
    }

    [Fact]
    public void Kl_is_zero_on_itself_and_non_negative()
    {
        var gen = from n in Gen.Choose(1, 6)
                  from m1 in Gen.ArrayOf(Properties.Finite(5), n)
                  from s1 in Gen.ArrayOf(Properties.Finite(3), n)
                  from m2 in Gen.ArrayOf(Properties.Finite(5), n)
                  from s2 in Gen.ArrayOf(Properties.Finite(3), n)
                  select (m1, s1, m2, s2);
        Properties.Check(gen, x =>
            DiagonalGaussian.KlDivergence(x.m1, x.s1, x.m1, x.s1) == 0.0
            && DiagonalGaussian.KlDivergence(x.m1, x.s1, x.m2, x.s2) >= 0.0);
    }

    [Fact]
    public void Log_prob_gradients_match_central_finite_differences()
    {
        var gen = from n in Gen.Choose(1, 6)
                  from x in Gen.ArrayOf(Properties.Finite(3), n)
                  from mean in Gen.ArrayOf(Properties.Finite(3), n)
                  from logStd in Gen.ArrayOf(Properties.Finite(1), n)
                  select (x, mean, logStd);
        Properties.Check(gen, s =>
        {
            var analytic = DiagonalGaussian.LogProbGradient(s.x, s.mean, s.logStd);
            FiniteDifferences.AssertClose(FiniteDifferences.Gradient(m => DiagonalGaussian.LogProb(s.x, m, s.logStd), s.mean), analytic.Mean);
            FiniteDifferences.AssertClose(FiniteDifferences.Gradient(l => DiagonalGaussian.LogProb(s.x, s.mean, l), s.logStd), analytic.LogStd);
        });
    }

    [Fact]
    public void Sampling_is_deterministic_per_seed_with_the_right_moments()
    {
        double[] mean = [1.0, -2.0, 0.5];
        double[] logStd = [0.0, Math.Log(3), Math.Log(0.1)];
        Assert.Equal(DiagonalGaussian.Sample(mean, logStd, new Random(3)), DiagonalGaussian.Sample(mean, logStd, new Random(3)));
        const int draws = 50_000;
        var random = new Random(11);
        var sum = new double[3];
        var sumSquares = new double[3];
        var x = new double[3];
        for (int i = 0; i < draws; i++)
        {
            DiagonalGaussian.SampleInto(mean, logStd, random, x);
            for (int d = 0; d < 3; d++)
            {
                sum[d] += x[d];
                sumSquares[d] += x[d] * x[d];
            }
        }

        for (int d = 0; d < 3; d++)
        {
            double sigma = Math.Exp(logStd[d]);
            double sampleMean = sum[d] / draws;
            double sampleStd = Math.Sqrt(sumSquares[d] / draws - sampleMean * sampleMean);
            // Standard error of the mean σ/√n ≈ 0.0045σ; 5 standard errors for the mean, 3% for the standard deviation.
            Assert.Equal(mean[d], sampleMean, 5 * sigma / Math.Sqrt(draws));
            Assert.Equal(sigma, sampleStd, 0.03 * sigma);
        }
    }

    [Fact]
    public void Bad_inputs_name_the_parameter_index_and_value()
    {
        var length = Assert.ThrowsAny<ArgumentException>(() => DiagonalGaussian.LogProb([0.0, 0.0], [0.0, 0.0], [0.0]));
        Assert.Equal("logStd", length.ParamName);
        var nan = Assert.ThrowsAny<ArgumentException>(() => DiagonalGaussian.Entropy([0.0, double.NaN]));
        Assert.Equal("logStd", nan.ParamName);
        Assert.Contains("[1]", nan.Message);
        var x = Assert.ThrowsAny<ArgumentException>(() => DiagonalGaussian.LogProb([double.PositiveInfinity], [0.0], [0.0]));
        Assert.Equal("x", x.ParamName);
        Assert.Contains("Infinity", x.Message);
        Assert.Equal("mean2", Assert.ThrowsAny<ArgumentException>(
            () => DiagonalGaussian.KlDivergence([0.0], [0.0], [0.0, 1.0], [0.0, 1.0])).ParamName);
        Assert.Equal("destination", Assert.ThrowsAny<ArgumentException>(
            () => DiagonalGaussian.SampleInto([0.0], [0.0], new Random(0), new double[2])).ParamName);
        var huge = Assert.ThrowsAny<ArgumentException>(() => DiagonalGaussian.Sample([0.0, 0.0], [0.0, 800.0], new Random(0)));
        Assert.Equal("logStd", huge.ParamName);
        Assert.Contains("[1]", huge.Message);
        Assert.Contains("800", huge.Message);
    }
}
