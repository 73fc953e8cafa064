using System.Globalization;
using System.Text.Json;
using RlNotebooks.Charts;

namespace RlNotebooks.Tests.Charts;

public class ChartJsonTests
{
    [Fact]
    public void Line_over_indices_is_a_scatter_trace_in_lines_mode()
    {
        var figure = Figure.Of(Chart.Line([3.0, 1.5, 2.0], "returns"));
        var trace = Assert.Single(figure.Data);
        Assert.Equal("scatter", Figure.Text(trace, "type"));
        Assert.Equal("lines", Figure.Text(trace, "mode"));
        Assert.Equal([0.0, 1, 2], Figure.Numbers(trace, "x"));
        Assert.Equal([3.0, 1.5, 2.0], Figure.Numbers(trace, "y"));
        Assert.Equal("returns", Figure.Text(trace, "name"));
        Assert.False(trace.TryGetProperty("fill", out _));
        Assert.True(figure.Layout.GetProperty("showlegend").GetBoolean());
    }

    [Fact]
    public void Line_with_xs_keeps_the_given_x()
    {
        var trace = Assert.Single(Figure.Of(Chart.Line([10.0, 20, 40], [1.0, 2, 3])).Data);
        Assert.Equal([10.0, 20, 40], Figure.Numbers(trace, "x"));
        Assert.Equal([1.0, 2, 3], Figure.Numbers(trace, "y"));
        Assert.False(trace.TryGetProperty("name", out _));
    }

    [Fact]
    public void Unnamed_traces_hide_the_legend()
    {
        Assert.False(Figure.Of(Chart.Line([1.0, 2])).Layout.GetProperty("showlegend").GetBoolean());
    }

    [Fact]
    public void Scatter_is_markers_only()
    {
        var trace = Assert.Single(Figure.Of(Chart.Scatter([1.0, 2], [0.5, -0.5], "pts")).Data);
        Assert.Equal("scatter", Figure.Text(trace, "type"));
        Assert.Equal("markers", Figure.Text(trace, "mode"));
        Assert.Equal([1.0, 2], Figure.Numbers(trace, "x"));
        Assert.Equal([0.5, -0.5], Figure.Numbers(trace, "y"));
        Assert.Equal("pts", Figure.Text(trace, "name"));
    }

    [Fact]
    public void Bar_over_indices_and_over_categories()
    {
        var numeric = Assert.Single(Figure.Of(Chart.Bar([0.1, 0.9], "π(a|s)")).Data);
        Assert.Equal("bar", Figure.Text(numeric, "type"));
        Assert.False(numeric.TryGetProperty("mode", out _));
        Assert.Equal([0.0, 1], Figure.Numbers(numeric, "x"));
        Assert.Equal([0.1, 0.9], Figure.Numbers(numeric, "y"));
        Assert.Equal("π(a|s)", Figure.Text(numeric, "name"));

        var categorical = Assert.Single(Figure.Of(Chart.Bar(["left", "right"], [0.25, 0.75])).Data);
        Assert.Equal("bar", Figure.Text(categorical, "type"));
        Assert.Equal(["left", "right"], Figure.Strings(categorical, "x"));
        Assert.Equal([0.25, 0.75], Figure.Numbers(categorical, "y"));
    }

    [Fact]
    public void Histogram_passes_raw_samples_and_the_bin_bound()
    {
        var trace = Assert.Single(Figure.Of(Chart.Histogram([1.0, 2, 2, 3], bins: 5, name: "G")).Data);
        Assert.Equal("histogram", Figure.Text(trace, "type"));
        Assert.Equal([1.0, 2, 2, 3], Figure.Numbers(trace, "x"));
        Assert.Equal(5, trace.GetProperty("nbinsx").GetInt32());
        Assert.Equal("G", Figure.Text(trace, "name"));
        Assert.False(Figure.Of(Chart.Histogram([1.0])).Data[0].TryGetProperty("nbinsx", out _));
    }

    [Fact]
    public void Several_histograms_are_overlaid()
    {
        var one = Figure.Of(Chart.Histogram([1.0, 2]));
        Assert.False(one.Layout.TryGetProperty("barmode", out _));
        var two = Figure.Of(Chart.Combine(Chart.Histogram([1.0, 2]), Chart.Histogram([2.0, 3])));
        Assert.Equal("overlay", Figure.Text(two.Layout, "barmode"));
    }

    [Fact]
    public void Heatmap_writes_rows_of_z_reverses_y_and_annotates_every_cell()
    {
        // z = [[1, 2, 3], [4, 5, 6]]: 2 rows × 3 columns → 6 annotations, row 0 at the top (y autorange reversed).
        var z = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } };
        var figure = Figure.Of(Chart.Heatmap(z, valueFormat: "0.0"));
        var trace = Assert.Single(figure.Data);
        Assert.Equal("heatmap", Figure.Text(trace, "type"));
        var rows = trace.GetProperty("z").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        Assert.Equal([[1.0, 2, 3], [4.0, 5, 6]], rows);
        Assert.Equal([0.0, 1, 2], Figure.Numbers(trace, "x"));
        Assert.Equal([0.0, 1], Figure.Numbers(trace, "y"));
        Assert.Equal("reversed", Figure.Text(figure.Layout.GetProperty("yaxis"), "autorange"));
        Assert.False(figure.Layout.GetProperty("xaxis").TryGetProperty("autorange", out _));

        var annotations = figure.Annotations;
        Assert.Equal(6, annotations.Length);
        Assert.Equal(["1.0", "2.0", "3.0", "4.0", "5.0", "6.0"], annotations.Select(a => Figure.Text(a, "text")!).ToArray());
        // The cell (row 1, column 2) is annotated at x = 2, y = 1.
        Assert.Equal(2, annotations[5].GetProperty("x").GetDouble());
        Assert.Equal(1, annotations[5].GetProperty("y").GetDouble());
        Assert.All(annotations, a => Assert.False(a.GetProperty("showarrow").GetBoolean()));
    }

    [Fact]
    public void Heatmap_arrows_go_under_the_value_and_empty_cells_get_no_annotation()
    {
        var z = new double[,] { { 0.5, 0.25 } };
        var arrows = new string[,] { { "→", "" } };
        var withValues = Figure.Of(Chart.Heatmap(z, arrows, "0.00")).Annotations;
        Assert.Equal(["0.50<br>→", "0.25"], withValues.Select(a => Figure.Text(a, "text")!).ToArray());

        var arrowsOnly = Figure.Of(Chart.Heatmap(z, arrows, valueFormat: null)).Annotations;
        Assert.Equal(["→"], arrowsOnly.Select(a => Figure.Text(a, "text")!).ToArray());
    }

    [Fact]
    public void Heatmap_annotation_colour_contrasts_with_the_cell()
    {
        // Greys: low = white → black text; high = black → white text.
        var z = new double[,] { { 0, 1 } };
        var annotations = Figure.Of(Chart.Heatmap(z, colorScale: ColorScale.Greys)).Annotations;
        Assert.Equal("#000000", annotations[0].GetProperty("font").GetProperty("color").GetString());
        Assert.Equal("#ffffff", annotations[1].GetProperty("font").GetProperty("color").GetString());
    }

    [Fact]
    public void Heatmap_scale_bounds_and_colour_stops_are_written()
    {
        var trace = Figure.Of(Chart.Heatmap(new double[,] { { 0.2 } }, zMin: 0, zMax: 1, colorScale: ColorScale.Blues, showScale: false)).Data[0];
        Assert.Equal(0, trace.GetProperty("zmin").GetDouble());
        Assert.Equal(1, trace.GetProperty("zmax").GetDouble());
        Assert.False(trace.GetProperty("showscale").GetBoolean());
        var stops = trace.GetProperty("colorscale").EnumerateArray().ToArray();
        Assert.Equal(0, stops[0][0].GetDouble());
        Assert.Equal("#f7fbff", stops[0][1].GetString());
        Assert.Equal(1, stops[^1][0].GetDouble());
    }

    [Fact]
    public void Log_axes_have_type_log()
    {
        var layout = Figure.Of(Chart.Line([1.0, 10, 100]).WithLogY()).Layout;
        Assert.Equal("log", Figure.Text(layout.GetProperty("yaxis"), "type"));
        Assert.False(layout.GetProperty("xaxis").TryGetProperty("type", out _));
        var both = Figure.Of(Chart.Line([1.0, 10], [1.0, 10]).WithLogX().WithLogY()).Layout;
        Assert.Equal("log", Figure.Text(both.GetProperty("xaxis"), "type"));
        Assert.Equal("log", Figure.Text(both.GetProperty("yaxis"), "type"));
    }

    [Fact]
    public void Title_and_axis_labels_are_text_objects()
    {
        var layout = Figure.Of(Chart.Line([1.0, 2]).WithTitle("Learning curve").WithXLabel("episode").WithYLabel("return Gₜ")).Layout;
        Assert.Equal("Learning curve", Figure.TitleText(layout));
        Assert.Equal("episode", Figure.TitleText(layout.GetProperty("xaxis")));
        Assert.Equal("return Gₜ", Figure.TitleText(layout.GetProperty("yaxis")));
    }

    [Fact]
    public void A_title_wider_than_the_figure_breaks_at_spaces_and_the_top_margin_grows()
    {
        string title = "Learned Q(s, a) against the discounted return obtained (every 10th visited state); above the diagonal = over-estimation";
        var layout = Figure.Of(Chart.Line([1.0, 2]).WithTitle(title)).Layout;
        string[] lines = Figure.TitleText(layout).Split("<br>");
        Assert.True(lines.Length >= 2, Figure.TitleText(layout));
        Assert.All(lines, line => Assert.True(line.Length <= 700 / 9, line));
        Assert.Equal(title, string.Join(" ", lines));
        Assert.Equal(70 + 22 * (lines.Length - 1), layout.GetProperty("margin").GetProperty("t").GetInt32());
    }

    [Fact]
    public void A_wider_figure_keeps_more_of_its_title_on_one_line()
    {
        string title = string.Join(" ", Enumerable.Repeat("word", 30));
        int narrow = Figure.TitleText(Figure.Of(Chart.Line([1.0]).WithTitle(title).WithSize(400, 300)).Layout).Split("<br>").Length;
        int wide = Figure.TitleText(Figure.Of(Chart.Line([1.0]).WithTitle(title).WithSize(1200, 300)).Layout).Split("<br>").Length;
        Assert.True(wide < narrow, $"{wide} lines at 1200 px vs {narrow} at 400 px");
    }

    [Fact]
    public void Size_is_written_in_pixels()
    {
        var layout = Figure.Of(Chart.Line([1.0]).WithSize(640, 480)).Layout;
        Assert.Equal(640, layout.GetProperty("width").GetInt32());
        Assert.Equal(480, layout.GetProperty("height").GetInt32());
    }

    [Fact]
    public void Combine_overlays_series_with_successive_colours_and_merges_axes()
    {
        var chart = Chart.Combine(
            Chart.Line([1.0, 2], "PPO").WithXLabel("step"),
            Chart.Line([2.0, 1], "A2C").WithTitle("both").WithLogY());
        var figure = Figure.Of(chart);
        Assert.Equal(1, chart.PanelCount);
        Assert.Equal(["PPO", "A2C"], figure.Data.Select(t => Figure.Text(t, "name")!).ToArray());
        Assert.Equal(["#1f77b4", "#ff7f0e"], figure.Data.Select(t => t.GetProperty("line").GetProperty("color").GetString()!).ToArray());
        Assert.Equal("both", Figure.TitleText(figure.Layout));
        Assert.Equal("step", Figure.TitleText(figure.Layout.GetProperty("xaxis")));
        Assert.Equal("log", Figure.Text(figure.Layout.GetProperty("yaxis"), "type"));
        Assert.All(figure.Data, t => Assert.False(t.TryGetProperty("xaxis", out _)));
    }

    [Fact]
    public void Grid_gives_each_panel_its_own_anchored_axes_inside_its_domain()
    {
        // 2 × 2 grid, horizontal gap 0.16, vertical gap 0.22: width = (1 − 0.16)/2 = 0.42, height = (1 − 0.22)/2 = 0.39.
        // Panel 1 (top left): x ∈ [0, 0.42], y ∈ [0.61, 1]; panel 2 (top right): x ∈ [0.58, 1];
        // panel 3 (bottom left): y ∈ [0, 0.39].
        var chart = Chart.Grid(2, 2,
            Chart.Line([1.0, 2]).WithTitle("a"), Chart.Line([2.0, 3]).WithTitle("b"), Chart.Line([3.0, 4]).WithTitle("c"));
        var figure = Figure.Of(chart.WithTitle("overall"));
        Assert.Equal(3, chart.PanelCount);
        Assert.Equal("overall", Figure.TitleText(figure.Layout));

        var traces = figure.Data;
        Assert.False(traces[0].TryGetProperty("xaxis", out _));
        Assert.Equal(("x2", "y2"), (Figure.Text(traces[1], "xaxis"), Figure.Text(traces[1], "yaxis")));
        Assert.Equal(("x3", "y3"), (Figure.Text(traces[2], "xaxis"), Figure.Text(traces[2], "yaxis")));

        var layout = figure.Layout;
        Assert.Equal("y", Figure.Text(layout.GetProperty("xaxis"), "anchor"));
        Assert.Equal("x", Figure.Text(layout.GetProperty("yaxis"), "anchor"));
        Assert.Equal("y2", Figure.Text(layout.GetProperty("xaxis2"), "anchor"));
        Assert.Equal("x2", Figure.Text(layout.GetProperty("yaxis2"), "anchor"));
        Assert.Equal("y3", Figure.Text(layout.GetProperty("xaxis3"), "anchor"));
        Assert.Equal([0.0, 0.42], Figure.Numbers(layout.GetProperty("xaxis"), "domain"));
        Assert.Equal([0.61, 1.0], Figure.Numbers(layout.GetProperty("yaxis"), "domain"));
        Assert.Equal([0.58, 1.0], Figure.Numbers(layout.GetProperty("xaxis2"), "domain"));
        Assert.Equal([0.61, 1.0], Figure.Numbers(layout.GetProperty("yaxis2"), "domain"));
        Assert.Equal([0.0, 0.42], Figure.Numbers(layout.GetProperty("xaxis3"), "domain"));
        Assert.Equal([0.0, 0.39], Figure.Numbers(layout.GetProperty("yaxis3"), "domain"));
        Assert.False(layout.TryGetProperty("xaxis4", out _));

        // Subplot titles are paper annotations centred above each panel.
        var titles = figure.Annotations;
        Assert.Equal(["a", "b", "c"], titles.Select(a => Figure.Text(a, "text")!).ToArray());
        Assert.Equal(0.21, titles[0].GetProperty("x").GetDouble(), 9);
        Assert.Equal(1.0, titles[0].GetProperty("y").GetDouble());
        Assert.Equal("paper", Figure.Text(titles[0], "xref"));
        Assert.Equal(0.39, titles[2].GetProperty("y").GetDouble());
    }

    [Fact]
    public void Grid_heatmap_annotations_reference_their_panels_axes()
    {
        var figure = Figure.Of(Chart.Grid(1, 2, Chart.Line([1.0]), Chart.Heatmap(new double[,] { { 1, 2 } })));
        var cells = figure.Annotations;
        Assert.Equal(2, cells.Length);
        Assert.All(cells, a => Assert.Equal(("x2", "y2"), (Figure.Text(a, "xref"), Figure.Text(a, "yref"))));
        Assert.Equal("reversed", Figure.Text(figure.Layout.GetProperty("yaxis2"), "autorange"));
        Assert.Equal("x2", Figure.Text(figure.Layout.GetProperty("yaxis2"), "scaleanchor"));
    }

    [Fact]
    public void Numbers_use_invariant_culture_under_a_comma_decimal_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        var savedUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
            Assert.Equal("0,5", 0.5.ToString(CultureInfo.CurrentCulture));
            string json = Chart.Combine(
                    Chart.Line([0.5, 1.25], [2.5, 3.75]),
                    Chart.Band([[1.5, 2.0], [2.5, 3.0]]))
                .ToJson();
            Assert.Contains("[0.5,1.25]", json);
            Assert.Contains("[2.5,3.75]", json);
            Assert.Contains("rgba(255,127,14,0.2)", json);
            var annotations = Figure.Of(Chart.Heatmap(new double[,] { { 0.5 } }, valueFormat: "0.00")).Annotations;
            Assert.Equal("0.50", Figure.Text(annotations[0], "text"));
            Assert.Equal("return 212.4 ± 31.0", new ProgressMetric("return", 212.4, 31).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }

    [Fact]
    public void Html_unsafe_text_is_escaped_inside_the_json()
    {
        string json = Chart.Line([1.0]).WithTitle("</script><b>&").ToJson();
        Assert.DoesNotContain("</script>", json);
        Assert.DoesNotContain("<b>", json);
        Assert.Equal("</script><b>&", Figure.TitleText(Figure.Of(Chart.Line([1.0]).WithTitle("</script><b>&")).Layout));
    }

    [Fact]
    public void ToString_is_the_figure_json()
    {
        var chart = Chart.Bar([1.0, 2]);
        Assert.Equal(chart.ToJson(), chart.ToString());
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(chart.ToString()).RootElement.GetProperty("data").ValueKind);
    }
}
