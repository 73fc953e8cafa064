namespace RlNotebooks.Tests.Support;

/// <summary>Element-wise comparison with a relative tolerance (the hot loops pair steps, so rounding depends on alignment).</summary>
public static class Approx
{
    public static void Equal(double[] expected, double[] actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int t = 0; t < expected.Length; t++)
        {
            double scale = Math.Max(1.0, Math.Abs(expected[t]));
            Assert.True(Math.Abs(expected[t] - actual[t]) <= tolerance * scale, $"index {t}: expected {expected[t]}, actual {actual[t]}");
        }
    }
}
