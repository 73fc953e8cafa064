using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.NaturalGradient;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.NaturalGradient;

public class TrustRegionScaleTests
{
    [Fact]
    public void Worked_example_from_the_trpo_step_formula()
    {
        // TRPO (Schulman et al. 2015, App. C) / Spinning Up: α = √(2δ / xᵀFx).
        // F = diag(2, 8), x = (1, 0.5): xᵀFx = 2 + 2 = 4; δ = 0.02 → α = √(0.04 / 4) = 0.1.
        double alpha = TrustRegionScale.StepScale([1.0, 0.5], [2.0, 4.0], 0.02);

        Assert.Equal(0.1, alpha, 15);
    }

    [Fact]
    public void Scaled_step_lies_exactly_on_the_quadratic_kl_boundary()
    {
        var gen =
            from system in Dense.SpdSystem(12)
            from delta in Properties.Between(1e-4, 0.5)
            select (system, delta);

        Properties.Check(gen, c =>
        {
            double[] x = c.system.G;
            double alpha = TrustRegionScale.StepScale(x, Dense.Operator(c.system.M), c.delta);
            double[] step = x.Select(v => alpha * v).ToArray();

            double quadraticKl = 0.5 * Dense.Dot(step, Dense.Multiply(c.system.M, step));
            Assert.Equal(c.delta, quadraticKl, 1e-12 * (1 + c.delta));
        });
    }

    [Fact]
    public void Rejects_bad_input()
    {
        var zero = Assert.ThrowsAny<ArgumentException>(() => TrustRegionScale.StepScale([0.0, 0.0], [0.0, 0.0], 0.01));
        Assert.Equal("fx", zero.ParamName);
        Assert.Contains("xᵀFx = 0", zero.Message);
        var negative = Assert.ThrowsAny<ArgumentException>(() => TrustRegionScale.StepScale([1.0], [-2.0], 0.01));
        Assert.Contains("-2", negative.Message);

        Assert.Equal("maxKl", Assert.ThrowsAny<ArgumentException>(() => TrustRegionScale.StepScale([1.0], [1.0], 0.0)).ParamName);
        Assert.Equal("maxKl", Assert.ThrowsAny<ArgumentException>(() => TrustRegionScale.StepScale([1.0], [1.0], -0.01)).ParamName);
        Assert.Equal("fx", Assert.ThrowsAny<ArgumentException>(() => TrustRegionScale.StepScale([1.0, 2.0], [1.0], 0.01)).ParamName);
        Assert.Equal("x", Assert.ThrowsAny<ArgumentException>(() => TrustRegionScale.StepScale([], [], 0.01)).ParamName);
        var nan = Assert.ThrowsAny<ArgumentException>(() => TrustRegionScale.StepScale([1.0, double.NaN], [1.0, 1.0], 0.01));
        Assert.Equal("x", nan.ParamName);
        Assert.Contains("x[1]", nan.Message);
    }
}
