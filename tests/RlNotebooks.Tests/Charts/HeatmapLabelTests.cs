using RlNotebooks.Charts;

namespace RlNotebooks.Tests.Charts;

/// <summary>
/// Defect: with xLabels/yLabels the labels were the heatmap's x/y data and the annotations' x/y. plotly.js then
/// auto-typed the axes from the labels: numeric-looking labels ("0.1", "0.5", "1") made a LINEAR axis with cells of
/// unequal width, and repeated labels collapsed into one category so several cells and their annotations landed on
/// top of each other. Cells must sit at index positions with the labels as tick text only.
/// </summary>
public class HeatmapLabelTests
{
    private static readonly double[,] Z = { { 1, 2, 3 }, { 4, 5, 6 } };

    [Fact]
    public void Labelled_cells_sit_at_index_positions_with_labels_as_tick_text()
    {
        var figure = Figure.Of(Chart.Heatmap(Z, valueFormat: "0", xLabels: ["0.1", "0.5", "1"], yLabels: ["ε=0.1", "ε=0.2"]));
        var trace = figure.Data[0];
        Assert.Equal([0.0, 1, 2], Figure.Numbers(trace, "x"));
        Assert.Equal([0.0, 1], Figure.Numbers(trace, "y"));

        var xaxis = figure.Layout.GetProperty("xaxis");
        Assert.Equal("array", Figure.Text(xaxis, "tickmode"));
        Assert.Equal([0.0, 1, 2], Figure.Numbers(xaxis, "tickvals"));
        Assert.Equal(["0.1", "0.5", "1"], Figure.Strings(xaxis, "ticktext"));
        var yaxis = figure.Layout.GetProperty("yaxis");
        Assert.Equal([0.0, 1], Figure.Numbers(yaxis, "tickvals"));
        Assert.Equal(["ε=0.1", "ε=0.2"], Figure.Strings(yaxis, "ticktext"));
        Assert.Equal("reversed", Figure.Text(yaxis, "autorange"));
    }

    [Fact]
    public void Every_cell_keeps_its_own_annotation_even_with_repeated_labels()
    {
        var figure = Figure.Of(Chart.Heatmap(Z, valueFormat: "0", xLabels: ["a", "a", "b"], yLabels: ["r", "r"]));
        var annotations = figure.Annotations;
        Assert.Equal(6, annotations.Length);
        var positions = annotations.Select(a => (a.GetProperty("x").GetDouble(), a.GetProperty("y").GetDouble())).ToArray();
        Assert.Equal([(0.0, 0.0), (1.0, 0.0), (2.0, 0.0), (0.0, 1.0), (1.0, 1.0), (2.0, 1.0)], positions);
        Assert.Equal(["1", "2", "3", "4", "5", "6"], annotations.Select(a => Figure.Text(a, "text")!).ToArray());
    }

    [Fact]
    public void Labelled_and_unlabelled_heatmaps_draw_the_same_cells()
    {
        var plain = Figure.Of(Chart.Heatmap(Z));
        var labelled = Figure.Of(Chart.Heatmap(Z, xLabels: ["x0", "x1", "x2"], yLabels: ["y0", "y1"]));
        Assert.Equal(Figure.Numbers(plain.Data[0], "x"), Figure.Numbers(labelled.Data[0], "x"));
        Assert.Equal(Figure.Numbers(plain.Data[0], "y"), Figure.Numbers(labelled.Data[0], "y"));
        Assert.Equal(
            plain.Annotations.Select(a => a.GetRawText()).ToArray(),
            labelled.Annotations.Select(a => a.GetRawText()).ToArray());
        Assert.Equal(1, plain.Layout.GetProperty("xaxis").GetProperty("dtick").GetDouble());
    }
}
