using RlNotebooks.Charts;

namespace RlNotebooks.Tests.Charts;

/// <summary>
/// The band is mean ± the POPULATION standard deviation (ddof = 0), as the doc comment of <see cref="Chart.Band(double[,], IReadOnlyList{double}?, string?)"/>
/// states: s_t = √((1/R) Σᵢ (runs[i][t] − m_t)²).
/// </summary>
public class BandTests
{
    // Three seeds, two steps.
    // t = 0: runs 1, 2, 6 → m = 9/3 = 3; squares (−2)² + (−1)² + 3² = 14; s = √(14/3) = 2.160246899…
    //        (the sample std √(14/2) = √7 = 2.645751… would be wrong).
    // t = 1: runs 4, 4, 4 → m = 4, s = 0.
    private static readonly double[][] Runs = [[1, 4], [2, 4], [6, 4]];
    private static readonly double S0 = Math.Sqrt(14.0 / 3.0);

    [Fact]
    public void Mean_line_and_polygon_follow_mean_plus_and_minus_population_std()
    {
        var figure = Figure.Of(Chart.Band(Runs, [10.0, 20.0], "PPO"));
        Assert.Equal(2, figure.Data.Length);
        var fill = figure.Data[0];
        var mean = figure.Data[1];

        Assert.Equal("scatter", Figure.Text(mean, "type"));
        Assert.Equal("lines", Figure.Text(mean, "mode"));
        Assert.Equal("PPO", Figure.Text(mean, "name"));
        Assert.Equal([10.0, 20.0], Figure.Numbers(mean, "x"));
        Assert.Equal([3.0, 4.0], Figure.Numbers(mean, "y"));

        Assert.Equal("toself", Figure.Text(fill, "fill"));
        Assert.False(fill.GetProperty("showlegend").GetBoolean());
        Assert.Equal("PPO ± std", Figure.Text(fill, "name"));
        // Closed polygon: upper edge left → right, then lower edge right → left.
        Assert.Equal([10.0, 20.0, 20.0, 10.0], Figure.Numbers(fill, "x"));
        double[] y = Figure.Numbers(fill, "y");
        Assert.Equal(4, y.Length);
        Assert.Equal(3 + 2.160246899469287, y[0], 12);
        Assert.Equal(3 + S0, y[0], 14);
        Assert.Equal(4.0, y[1], 14);
        Assert.Equal(4.0, y[2], 14);
        Assert.Equal(3 - S0, y[3], 14);
        Assert.NotEqual(3 + Math.Sqrt(7), y[0], 6);
    }

    [Fact]
    public void Fill_and_mean_share_colour_and_legend_group()
    {
        var figure = Figure.Of(Chart.Band(Runs, name: "PPO"));
        var fill = figure.Data[0];
        var mean = figure.Data[1];
        Assert.Equal(Figure.Text(fill, "legendgroup"), Figure.Text(mean, "legendgroup"));
        Assert.Equal("rgba(31,119,180,0.2)", Figure.Text(fill, "fillcolor"));
        Assert.Equal("#1f77b4", mean.GetProperty("line").GetProperty("color").GetString());
        Assert.Equal([0.0, 1.0], Figure.Numbers(mean, "x"));
    }

    [Fact]
    public void Matrix_overload_equals_the_jagged_one()
    {
        var matrix = new double[,] { { 1, 4 }, { 2, 4 }, { 6, 4 } };
        Assert.Equal(Chart.Band(Runs, name: "a").ToJson(), Chart.Band(matrix, name: "a").ToJson());
    }

    [Fact]
    public void A_single_run_gives_a_zero_width_band()
    {
        var fill = Figure.Of(Chart.Band([[1.0, 2.0]])).Data[0];
        Assert.Equal([1.0, 2.0, 2.0, 1.0], Figure.Numbers(fill, "y"));
    }

    [Fact]
    public void Band_matches_the_population_std_of_each_step_for_random_runs()
    {
        var random = new Random(7);
        double[][] runs = [.. Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, 8).Select(_ => random.NextDouble() * 10).ToArray())];
        double[] upper = Figure.Numbers(Figure.Of(Chart.Band(runs)).Data[0], "y");
        for (int t = 0; t < 8; t++)
        {
            double m = runs.Average(r => r[t]);
            double s = Math.Sqrt(runs.Sum(r => (r[t] - m) * (r[t] - m)) / runs.Length);
            Assert.Equal(m + s, upper[t], 12);
            Assert.Equal(m - s, upper[^(t + 1)], 12);
        }
    }
}
