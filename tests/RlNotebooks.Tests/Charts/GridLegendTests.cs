using System.Text.Json;
using RlNotebooks.Charts;

namespace RlNotebooks.Tests.Charts;

/// <summary>
/// Defect: Chart.Grid gave every panel's series its own legend group and a colour by position within the panel, so a
/// series drawn in several panels was listed once per panel, possibly in different colours. A named series must be
/// one legend entry (shared legendgroup; showlegend false on repeats) with one colour in every panel.
/// </summary>
public class GridLegendTests
{
    private static JsonElement[] Named(Figure figure, string name) =>
        [.. figure.Data.Where(t => Figure.Text(t, "name") == name)];

    private static string Colour(JsonElement trace) => trace.GetProperty("line").GetProperty("color").GetString()!;

    private static bool ShowsLegend(JsonElement trace) => !trace.TryGetProperty("showlegend", out var show) || show.GetBoolean();

    [Fact]
    public void A_series_in_several_panels_is_one_legend_entry_with_one_colour()
    {
        var ppo = Chart.Line([1.0, 2], "PPO");
        var a2c = Chart.Line([2.0, 1], "A2C");
        var dqn = Chart.Line([1.5, 1.5], "DQN");
        var figure = Figure.Of(Chart.Grid(1, 3, Chart.Combine(ppo, a2c), Chart.Combine(ppo, a2c), Chart.Combine(a2c, dqn)));

        var a2cTraces = Named(figure, "A2C");
        Assert.Equal(3, a2cTraces.Length);
        Assert.Single(a2cTraces, ShowsLegend);
        Assert.True(ShowsLegend(a2cTraces[0]));
        Assert.Single(a2cTraces.Select(t => Figure.Text(t, "legendgroup")).Distinct());
        Assert.Single(a2cTraces.Select(Colour).Distinct());

        var ppoTraces = Named(figure, "PPO");
        Assert.Single(ppoTraces, ShowsLegend);
        Assert.Single(ppoTraces.Select(Colour).Distinct());
        Assert.NotEqual(Colour(ppoTraces[0]), Colour(a2cTraces[0]));

        // Legend entries: PPO, A2C, DQN, each once, in three distinct colours.
        var shown = figure.Data.Where(ShowsLegend).ToArray();
        Assert.Equal(["PPO", "A2C", "DQN"], shown.Select(t => Figure.Text(t, "name")!).ToArray());
        Assert.Equal(3, shown.Select(Colour).Distinct().Count());
    }

    [Fact]
    public void Bands_repeated_across_panels_share_group_colour_and_one_entry()
    {
        double[][] runs = [[1, 2], [3, 4]];
        var figure = Figure.Of(Chart.Grid(2, 1, Chart.Band(runs, name: "PPO"), Chart.Band(runs, name: "PPO")));
        Assert.Equal(4, figure.Data.Length);
        Assert.Single(figure.Data.Select(t => Figure.Text(t, "legendgroup")).Distinct());
        Assert.Single(figure.Data.Select(t => Figure.Text(t, "fillcolor")).Where(c => c is not null).Distinct());
        Assert.Equal(["PPO"], figure.Data.Where(ShowsLegend).Select(t => Figure.Text(t, "name")!).ToArray());
    }

    [Fact]
    public void Unnamed_panels_keep_the_first_colour_and_distinct_series_still_get_distinct_colours()
    {
        var unnamed = Figure.Of(Chart.Grid(1, 2, Chart.Line([1.0]), Chart.Line([2.0])));
        Assert.Equal(["#1f77b4", "#1f77b4"], unnamed.Data.Select(Colour).ToArray());

        var single = Figure.Of(Chart.Combine(Chart.Line([1.0]), Chart.Line([2.0], "named"), Chart.Line([3.0])));
        Assert.Equal(3, single.Data.Select(Colour).Distinct().Count());
    }

    [Fact]
    public void Unnamed_series_next_to_named_ones_add_no_trace_N_legend_entry()
    {
        var figure = Figure.Of(Chart.Combine(Chart.Line([1.0]), Chart.Line([2.0], "named")));
        Assert.True(figure.Layout.GetProperty("showlegend").GetBoolean());
        Assert.False(ShowsLegend(figure.Data[0]));
        Assert.True(ShowsLegend(figure.Data[1]));
    }

    [Fact]
    public void A_named_heatmap_alone_shows_no_empty_legend()
    {
        var figure = Figure.Of(Chart.Heatmap(new double[,] { { 1 } }, name: "Q"));
        Assert.False(figure.Layout.GetProperty("showlegend").GetBoolean());
    }
}
