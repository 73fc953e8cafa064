using RlNotebooks.Charts;

namespace RlNotebooks.Tests.Charts;

public class ChartBadInputTests
{
    private static void AssertRejects(string paramName, string expectedInMessage, Action act)
    {
        var e = Assert.ThrowsAny<ArgumentException>(act);
        Assert.Equal(paramName, e.ParamName);
        Assert.Contains(expectedInMessage, e.Message);
    }

    [Fact]
    public void Non_finite_values_are_rejected_with_parameter_and_index()
    {
        AssertRejects("ys", "ys[2]", () => Chart.Line([1.0, 2, double.NaN]));
        AssertRejects("xs", "xs[1]", () => Chart.Line([0.0, double.PositiveInfinity], [1.0, 2]));
        AssertRejects("ys", "ys[0]", () => Chart.Line([0.0, 1], [double.NegativeInfinity, 2]));
        AssertRejects("ys", "ys[1]", () => Chart.Scatter([0.0, 1], [1.0, double.NaN]));
        AssertRejects("values", "values[0]", () => Chart.Bar([double.NaN]));
        AssertRejects("values", "values[1]", () => Chart.Bar(["a", "b"], [1.0, double.PositiveInfinity]));
        AssertRejects("values", "values[3]", () => Chart.Histogram([1.0, 2, 3, double.NaN]));
        AssertRejects("z", "z[1, 0]", () => Chart.Heatmap(new double[,] { { 1, 2 }, { double.NaN, 3 } }));
        AssertRejects("runs", "runs[1][2]", () => Chart.Band([[1.0, 2, 3], [1.0, 2, double.NaN]]));
        AssertRejects("runs", "runs[0][1]", () => Chart.Band(new double[,] { { 1, double.PositiveInfinity } }));
        AssertRejects("xs", "xs[0]", () => Chart.Band([[1.0]], [double.NaN]));
        AssertRejects("zMin", "zMin", () => Chart.Heatmap(new double[,] { { 1 } }, zMin: double.NaN));
    }

    [Fact]
    public void Empty_and_mismatched_inputs_are_rejected()
    {
        AssertRejects("ys", "empty", () => Chart.Line([]));
        AssertRejects("ys", "ys", () => Chart.Line([1.0, 2], [1.0]));
        AssertRejects("values", "values", () => Chart.Bar(["a"], [1.0, 2]));
        AssertRejects("categories", "categories[1]", () => Chart.Bar(["a", null!], [1.0, 2]));
        AssertRejects("bins", "bins", () => Chart.Histogram([1.0], bins: 0));
        AssertRejects("z", "empty", () => Chart.Heatmap(new double[0, 3]));
        AssertRejects("cellText", "2×1", () => Chart.Heatmap(new double[,] { { 1, 2 } }, new string[2, 1]));
        AssertRejects("xLabels", "xLabels", () => Chart.Heatmap(new double[,] { { 1, 2 } }, xLabels: ["a"]));
        AssertRejects("yLabels", "yLabels", () => Chart.Heatmap(new double[,] { { 1, 2 } }, yLabels: ["a", "b"]));
        AssertRejects("zMax", "zMax", () => Chart.Heatmap(new double[,] { { 1 } }, zMin: 1, zMax: 1));
        AssertRejects("valueFormat", "\"X\"", () => Chart.Heatmap(new double[,] { { 1 } }, valueFormat: "X"));
        AssertRejects("runs", "runs[1]", () => Chart.Band([[1.0, 2], [1.0]]));
        AssertRejects("xs", "xs", () => Chart.Band([[1.0, 2]], [0.0]));
    }

    [Fact]
    public void Combinators_reject_empty_grids_and_too_many_panels()
    {
        var line = Chart.Line([1.0]);
        var grid = Chart.Grid(1, 2, line, line);
        AssertRejects("charts", "empty", () => Chart.Combine());
        AssertRejects("charts", "charts[1]", () => Chart.Combine(line, grid));
        AssertRejects("charts", "charts[0]", () => Chart.Grid(2, 2, grid));
        AssertRejects("charts", "3 charts", () => Chart.Grid(1, 2, line, line, line));
        AssertRejects("rows", "rows", () => Chart.Grid(0, 1, line));
        AssertRejects("width", "width", () => line.WithSize(50, 400));
    }
}
