using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.Advantages;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Advantages;

public class AdvantageNormalizationTests
{
    [Fact]
    public void Batch_of_one_gives_zero()
    {
        Assert.Equal([0.0], AdvantageNormalization.Normalize([123.456]));
    }

    [Fact]
    public void Constant_batch_gives_exact_zeros_even_when_the_mean_rounds()
    {
        // mean(0.1, 0.1, 0.1) in floating point is 0.10000000000000002, so x − mean ≠ 0; the result must still be 0.
        Assert.All(AdvantageNormalization.Normalize([0.1, 0.1, 0.1]), x => Assert.Equal(0.0, x));
        Assert.All(AdvantageNormalization.Normalize([-7.0, -7.0]), x => Assert.Equal(0.0, x));
    }

    [Fact]
    public void Hand_example()
    {
        // Â = (1, 3): mean 2, population std 1 → (−1, 1)/(1 + ε).
        double[] n = AdvantageNormalization.Normalize([1.0, 3.0], 1e-8);
        Assert.Equal(-1.0 / (1.0 + 1e-8), n[0], 1e-15);
        Assert.Equal(1.0 / (1.0 + 1e-8), n[1], 1e-15);
    }

    [Fact]
    public void Result_has_zero_mean_and_unit_std_and_works_in_place()
    {
        var gen = Properties.ArrayOf(Properties.Finite(100.0), 2, 40).Where(a => a.Max() - a.Min() > 1e-3);
        Properties.Check(gen, a =>
        {
            double[] n = AdvantageNormalization.Normalize(a);
            double mean = n.Average();
            double std = Math.Sqrt(n.Select(x => (x - mean) * (x - mean)).Average());
            Assert.Equal(0.0, mean, 1e-9);
            Assert.Equal(1.0, std, 1e-4);
            double[] copy = (double[])a.Clone();
            AdvantageNormalization.NormalizeInto(copy, 1e-8, copy);
            Assert.Equal(n, copy);
        });
    }

    [Fact]
    public void Tiny_magnitudes_stay_finite()
    {
        Assert.All(AdvantageNormalization.Normalize([double.Epsilon, 0.0, double.Epsilon]), x => Assert.True(double.IsFinite(x)));
    }
}
