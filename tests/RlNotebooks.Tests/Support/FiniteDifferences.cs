namespace RlNotebooks.Tests.Support;

/// <summary>Central finite differences of a scalar function of a vector, for checking analytic gradients.</summary>
internal static class FiniteDifferences
{
    internal static double[] Gradient(Func<double[], double> f, double[] x, double h = 1e-6)
    {
        var gradient = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            var plus = (double[])x.Clone();
            var minus = (double[])x.Clone();
            plus[i] += h;
            minus[i] -= h;
            gradient[i] = (f(plus) - f(minus)) / (2 * h);
        }

        return gradient;
    }

    internal static void AssertClose(double[] expected, double[] actual, double tolerance = 1e-6)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + Math.Abs(expected[i])),
                $"component {i}: finite difference {expected[i]} vs analytic {actual[i]}");
        }
    }
}
