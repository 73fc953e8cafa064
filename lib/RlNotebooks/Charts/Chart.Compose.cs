using System.Collections.Immutable;

namespace RlNotebooks.Charts;

public sealed partial class Chart
{
    /// <summary>
    /// Overlays the traces of single-panel charts in one panel (e.g. the learning curves of several algorithms).
    /// Series keep their order and take successive palette colours (series with the same name are one series: one
    /// colour, one legend entry); the title, axis labels and size are the first
    /// ones set, in argument order; an axis is logarithmic if it is in any input.
    /// </summary>
    /// <exception cref="ArgumentException">No charts, or one of them is a grid (names its index).</exception>
    public static Chart Combine(params Chart[] charts)
    {
        CheckSinglePanels(charts, nameof(charts));
        var series = ImmutableArray.CreateBuilder<Series>();
        Axis x = charts[0]._panels[0].X, y = charts[0]._panels[0].Y;
        for (int i = 0; i < charts.Length; i++)
        {
            var panel = charts[i]._panels[0];
            series.AddRange(panel.Series);
            if (i > 0)
            {
                x = Merge(x, panel.X);
                y = Merge(y, panel.Y);
            }
        }

        return new([new Panel(series.ToImmutable(), x, y, null)], 1, 1,
            charts.Select(c => c._title).FirstOrDefault(t => t is not null),
            charts.Select(c => c._width).FirstOrDefault(w => w is not null),
            charts.Select(c => c._height).FirstOrDefault(h => h is not null));
    }

    /// <summary>
    /// Lays single-panel charts out as subplots, row by row, in a grid of <paramref name="rows"/> × <paramref name="columns"/>
    /// cells. Each panel keeps its axes (own <c>xaxisK</c>/<c>yaxisK</c> anchored to each other) and its title
    /// becomes the subplot title; use <see cref="WithTitle"/> on the result for an overall title.
    /// </summary>
    /// <exception cref="ArgumentException">rows or columns &lt; 1, no charts, more charts than cells, or a chart that is itself a grid.</exception>
    public static Chart Grid(int rows, int columns, params Chart[] charts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        CheckSinglePanels(charts, nameof(charts));
        if (charts.Length > rows * columns)
        {
            throw new ArgumentException(
                $"charts has {charts.Length} charts but a {rows}×{columns} grid has only {rows * columns} cells.", nameof(charts));
        }

        var panels = charts.Select(c => c._panels[0] with { Title = c._title }).ToImmutableArray();
        return new(panels, rows, columns, null, null, null);
    }

    private static void CheckSinglePanels(Chart[] charts, string paramName)
    {
        ArgumentNullException.ThrowIfNull(charts, paramName);
        if (charts.Length == 0)
        {
            throw new ArgumentException($"{paramName} must not be empty.", paramName);
        }

        for (int i = 0; i < charts.Length; i++)
        {
            if (charts[i] is null)
            {
                throw new ArgumentException($"{paramName}[{i}] must not be null.", paramName);
            }

            if (charts[i].IsGrid)
            {
                throw new ArgumentException($"{paramName}[{i}] is a grid; only single-panel charts can be combined or laid out.", paramName);
            }
        }
    }

    private static Axis Merge(Axis first, Axis second) => new(
        first.Label ?? second.Label,
        first.Log || second.Log,
        first.Reversed || second.Reversed,
        first.CellIndex && second.CellIndex,
        first.SquareCells || second.SquareCells,
        first.TickText ?? second.TickText);
}
