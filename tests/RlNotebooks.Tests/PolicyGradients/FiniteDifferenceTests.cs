using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.PolicyGradients;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.PolicyGradients;

public class FiniteDifferenceTests
{
    // f(x) = ½ xᵀAx + bᵀx + c with A symmetric, ∇f = Ax + b.
    private static readonly double[,] A = { { 2.0, 0.5, -1.0 }, { 0.5, 3.0, 0.25 }, { -1.0, 0.25, 1.5 } };
    private static readonly double[] B = [1.0, -2.0, 0.5];

    private static double Quadratic(double[] x)
    {
        double f = 4.0;
        for (int i = 0; i < 3; i++)
        {
            f += B[i] * x[i];
            for (int j = 0; j < 3; j++)
            {
                f += 0.5 * x[i] * A[i, j] * x[j];
            }
        }

        return f;
    }

    private static double GradientComponent(double[] x, int i) =>
        B[i] + A[i, 0] * x[0] + A[i, 1] * x[1] + A[i, 2] * x[2];

    [Fact]
    public void Central_differences_are_exact_on_quadratics_even_for_a_large_step()
    {
        Properties.Check(Gen.ArrayOf(Properties.Finite(5.0), 3), x =>
        {
            double[] g = FiniteDifference.Gradient(Quadratic, x, 0.5);
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(GradientComponent(x, i), g[i], 1e-9);
            }
        });
    }

    [Fact]
    public void Forward_differences_on_quadratics_are_off_by_exactly_half_h_times_the_curvature()
    {
        // (f(x + h eᵢ) − f(x)) / h = ∂ᵢf(x) + (h/2) Aᵢᵢ.
        Properties.Check(Gen.ArrayOf(Properties.Finite(5.0), 3), x =>
        {
            double[] g = FiniteDifference.Gradient(Quadratic, x, 0.25, FiniteDifferenceScheme.Forward);
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(GradientComponent(x, i) + 0.125 * A[i, i], g[i], 1e-9);
            }
        });
    }

    [Fact]
    public void Both_schemes_are_close_on_a_smooth_function()
    {
        // f(x, y) = sin(x)·exp(y/2), ∇f = (cos(x)·exp(y/2), ½ sin(x)·exp(y/2)).
        static double F(double[] p) => Math.Sin(p[0]) * Math.Exp(0.5 * p[1]);
        Properties.Check(Gen.ArrayOf(Properties.Finite(2.0), 2), p =>
        {
            double[] exact = [Math.Cos(p[0]) * Math.Exp(0.5 * p[1]), 0.5 * Math.Sin(p[0]) * Math.Exp(0.5 * p[1])];
            double[] central = FiniteDifference.Gradient(F, p, 1e-5);
            double[] forward = FiniteDifference.Gradient(F, p, 1e-7, FiniteDifferenceScheme.Forward);
            for (int i = 0; i < 2; i++)
            {
                Assert.Equal(exact[i], central[i], 1e-8);
                Assert.Equal(exact[i], forward[i], 1e-5);
            }
        });
    }

    [Fact]
    public void Into_uses_the_workspace_and_counts_evaluations()
    {
        int calls = 0;
        double Count(double[] x)
        {
            calls++;
            return x[0] * x[1];
        }

        double[] theta = [2.0, 3.0];
        var workspace = new double[2];
        var gradient = new double[2];
        FiniteDifference.GradientInto(Count, theta, 0.5, FiniteDifferenceScheme.Central, gradient, workspace);
        Assert.Equal(4, calls);
        Assert.Equal([3.0, 2.0], gradient);
        Assert.Equal(theta, workspace);
        calls = 0;
        FiniteDifference.GradientInto(Count, theta, 0.5, FiniteDifferenceScheme.Forward, gradient, workspace);
        Assert.Equal(3, calls);
        Assert.Equal([2.0, 3.0], theta);
    }
}
