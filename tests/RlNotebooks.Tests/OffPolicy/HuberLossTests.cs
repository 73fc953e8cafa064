using FsCheck.Fluent;
using RlNotebooks.OffPolicy;
using RlNotebooks.Tests.Support;
using Xunit;

namespace RlNotebooks.Tests.OffPolicy;

/// <summary>Huber loss L_δ and its gradient (definition as in rlax <c>huber_loss</c> and Huber 1964).</summary>
public class HuberLossTests
{
    [Fact]
    public void Worked_examples()
    {
        Assert.Equal(0.125, HuberLoss.Value(0.5));            // |x| ≤ δ = 1: ½·0.5² = 0.125
        Assert.Equal(2.5, HuberLoss.Value(-3.0));             // 1·(3 − ½) = 2.5
        Assert.Equal(0.875, HuberLoss.Value(2.0, 0.5));       // 0.5·(2 − 0.25) = 0.875
        Assert.Equal(0.5, HuberLoss.Value(1.0));              // at |x| = δ both pieces give ½δ² = 0.5
        Assert.Equal(0.5, HuberLoss.Gradient(0.5));           // x inside [−δ, δ]
        Assert.Equal(-1.0, HuberLoss.Gradient(-3.0));         // clipped to −δ
        Assert.Equal(0.5, HuberLoss.Gradient(2.0, 0.5));      // clipped to δ
        Assert.Equal((0.125 + 2.5) / 2, HuberLoss.Mean([0.5, -3.0]));
        var gradient = new double[2];
        HuberLoss.MeanGradientInto([0.5, -3.0], 1.0, gradient);
        Assert.Equal([0.25, -0.5], gradient);
    }

    [Fact]
    public void Gradient_matches_central_differences_away_from_the_kinks()
    {
        var cases = from x in Properties.Finite(5.0) from delta in Properties.Between(0.1, 3.0)
                    where Math.Abs(Math.Abs(x) - delta) > 1e-3
                    select (x, delta);
        Properties.Check(cases, c =>
        {
            const double h = 1e-6;
            double numeric = (HuberLoss.Value(c.x + h, c.delta) - HuberLoss.Value(c.x - h, c.delta)) / (2 * h);
            Assert.Equal(numeric, HuberLoss.Gradient(c.x, c.delta), 1e-6);
        });
    }

    [Fact]
    public void Is_half_the_square_inside_and_below_it_outside()
    {
        var cases = from x in Properties.Finite(10.0) from delta in Properties.Between(0.1, 3.0) select (x, delta);
        Properties.Check(cases, c =>
        {
            double value = HuberLoss.Value(c.x, c.delta);
            return Math.Abs(c.x) <= c.delta ? value == 0.5 * c.x * c.x : value < 0.5 * c.x * c.x && value > 0.0;
        });
    }

    [Fact]
    public void Bad_inputs_name_the_parameter_and_value()
    {
        BadInput.Fails(() => HuberLoss.Value(1.0, 0.0), "delta", "0");
        BadInput.Fails(() => HuberLoss.Gradient(double.NaN), "x", "NaN");
        BadInput.Fails(() => HuberLoss.Mean([0.0, double.PositiveInfinity]), "errors", "errors[1]");
        BadInput.Fails(() => HuberLoss.Mean([]), "errors", "empty");
        BadInput.Fails(() => HuberLoss.MeanGradientInto([0.0], 1.0, new double[2]), "destination", "length 2");
    }
}
