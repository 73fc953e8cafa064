namespace RlNotebooks.Charts;

public sealed partial class Chart
{
    /// <summary>Returns a copy with the figure title (for a single chart) or the overall title above a grid.</summary>
    public Chart WithTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return new(_panels, _rows, _columns, title, _width, _height);
    }

    /// <summary>Returns a copy whose x axis (every panel's, for a grid) is labelled <paramref name="label"/>.</summary>
    public Chart WithXLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return WithPanels(p => p with { X = p.X with { Label = label } });
    }

    /// <summary>Returns a copy whose y axis (every panel's, for a grid) is labelled <paramref name="label"/>.</summary>
    public Chart WithYLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return WithPanels(p => p with { Y = p.Y with { Label = label } });
    }

    /// <summary>
    /// Returns a copy with a logarithmic x axis (<c>type: "log"</c>) in every panel.
    /// plotly.js silently drops points with x ≤ 0 on a log axis.
    /// </summary>
    public Chart WithLogX() => WithPanels(p => p with { X = p.X with { Log = true } });

    /// <summary>
    /// Returns a copy with a logarithmic y axis (<c>type: "log"</c>) in every panel.
    /// plotly.js silently drops points with y ≤ 0 on a log axis.
    /// </summary>
    public Chart WithLogY() => WithPanels(p => p with { Y = p.Y with { Log = true } });

    /// <summary>Returns a copy drawn at a fixed size in pixels (otherwise the width follows the output cell).</summary>
    public Chart WithSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        return new(_panels, _rows, _columns, _title, width, height);
    }
}
