using RlNotebooks.Charts;

namespace RlNotebooks.Tests.Charts;

public class ImmutabilityTests
{
    [Fact]
    public void With_calls_return_new_charts_and_leave_the_original_unchanged()
    {
        var original = Chart.Line([1.0, 10, 100], "a");
        string before = original.ToJson();
        var changed = original.WithTitle("t").WithXLabel("x").WithYLabel("y").WithLogX().WithLogY().WithSize(500, 300);
        Assert.Equal(before, original.ToJson());
        Assert.NotSame(original, changed);
        Assert.NotEqual(before, changed.ToJson());
        foreach (var copy in new[] { original.WithTitle("t"), original.WithXLabel("x"), original.WithYLabel("y"), original.WithLogX(), original.WithLogY(), original.WithSize(500, 300) })
        {
            Assert.NotEqual(before, copy.ToJson());
        }

        Assert.Equal(before, original.ToJson());
    }

    [Fact]
    public void Combinators_leave_their_inputs_unchanged()
    {
        var a = Chart.Line([1.0, 2], "a").WithTitle("A");
        var b = Chart.Heatmap(new double[,] { { 1, 2 } });
        string aBefore = a.ToJson(), bBefore = b.ToJson();
        _ = Chart.Grid(1, 2, a, b).WithTitle("grid").WithXLabel("x");
        _ = Chart.Combine(a, Chart.Line([3.0], "c")).WithLogY();
        Assert.Equal(aBefore, a.ToJson());
        Assert.Equal(bBefore, b.ToJson());
    }

    [Fact]
    public void Factories_copy_their_inputs()
    {
        double[] ys = [1, 2];
        var z = new double[,] { { 1 } };
        var text = new string[,] { { "→" } };
        var line = Chart.Line(ys);
        var heatmap = Chart.Heatmap(z, text);
        string lineBefore = line.ToJson(), heatmapBefore = heatmap.ToJson();
        ys[0] = 99;
        z[0, 0] = 99;
        text[0, 0] = "←";
        Assert.Equal(lineBefore, line.ToJson());
        Assert.Equal(heatmapBefore, heatmap.ToJson());
    }
}
