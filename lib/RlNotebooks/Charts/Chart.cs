using System.Collections.Immutable;

namespace RlNotebooks.Charts;

/// <summary>
/// An immutable Plotly figure: one panel of overlaid traces, or a grid of panels (subplots).
/// Every <c>With…</c> method and every combinator returns a new chart; the original is never changed.
/// <para>
/// Build with the static factories (<see cref="Line(IReadOnlyList{double}, string?)"/>, <see cref="Scatter"/>,
/// <see cref="Bar(IReadOnlyList{double}, string?)"/>, <see cref="Histogram"/>, <see cref="Heatmap"/>,
/// <see cref="Band(IReadOnlyList{IReadOnlyList{double}}, IReadOnlyList{double}?, string?)"/>), overlay with
/// <see cref="Combine"/>, lay out with <see cref="Grid"/>, then show it (a notebook displays it inline through the
/// formatter declared by <see cref="TypeFormatterSourceAttribute"/>), serialise it with <see cref="ToJson"/>, or
/// write a standalone page with <see cref="SaveHtml"/>.
/// </para>
/// </summary>
[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = new[] { "text/html", PlotlyMimeType })]
public sealed partial class Chart
{
    /// <summary>The MIME type of a Plotly figure JSON (<c>{ "data": [...], "layout": {...} }</c>) in notebook outputs.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    private readonly ImmutableArray<Panel> _panels;
    private readonly int _rows;
    private readonly int _columns;
    private readonly string? _title;
    private readonly int? _width;
    private readonly int? _height;

    private Chart(ImmutableArray<Panel> panels, int rows, int columns, string? title, int? width, int? height)
    {
        _panels = panels;
        _rows = rows;
        _columns = columns;
        _title = title;
        _width = width;
        _height = height;
    }

    /// <summary>Number of panels (1 unless the chart was made by <see cref="Grid"/>).</summary>
    public int PanelCount => _panels.Length;

    private bool IsGrid => _rows * _columns > 1;

    private static Chart Single(Series series, Axis? x = null, Axis? y = null) =>
        new([new Panel([series], x ?? new Axis(), y ?? new Axis(), null)], 1, 1, null, null, null);

    private Chart WithPanels(Func<Panel, Panel> change) =>
        new(_panels.Select(change).ToImmutableArray(), _rows, _columns, _title, _width, _height);

    /// <summary>The figure JSON; same as <see cref="ToJson"/>.</summary>
    public override string ToString() => ToJson();
}
