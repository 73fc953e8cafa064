using System.Globalization;
using RlNotebooks.Charts.Traces;
using RlNotebooks.Validation;

namespace RlNotebooks.Charts;

public sealed partial class Chart
{
    /// <summary>A line through (t, ys[t]) for t = 0, 1, …, n−1 (e.g. a learning curve indexed by episode).</summary>
    /// <exception cref="ArgumentException"><paramref name="ys"/> is empty or holds NaN/∞ (the message names the index).</exception>
    public static Chart Line(IReadOnlyList<double> ys, string? name = null)
    {
        double[] y = Finite(ys, nameof(ys));
        return Single(new Series(new XyTrace(XyKind.Line, Indices(y.Length), null, y, name)));
    }

    /// <summary>A line through (xs[i], ys[i]).</summary>
    /// <exception cref="ArgumentException">Empty input, different lengths, or NaN/∞ (the message names parameter and index).</exception>
    public static Chart Line(IReadOnlyList<double> xs, IReadOnlyList<double> ys, string? name = null)
    {
        var (x, y) = Pairs(xs, ys);
        return Single(new Series(new XyTrace(XyKind.Line, x, null, y, name)));
    }

    /// <summary>Unconnected markers at (xs[i], ys[i]).</summary>
    /// <exception cref="ArgumentException">Empty input, different lengths, or NaN/∞ (the message names parameter and index).</exception>
    public static Chart Scatter(IReadOnlyList<double> xs, IReadOnlyList<double> ys, string? name = null)
    {
        var (x, y) = Pairs(xs, ys);
        return Single(new Series(new XyTrace(XyKind.Markers, x, null, y, name)));
    }

    /// <summary>Bars of height values[i] at x = i (e.g. π(a|s) or Q(s, a) over actions a = 0..n−1).</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds NaN/∞.</exception>
    public static Chart Bar(IReadOnlyList<double> values, string? name = null)
    {
        double[] y = Finite(values, nameof(values));
        return Single(new Series(new XyTrace(XyKind.Bar, Indices(y.Length), null, y, name)));
    }

    /// <summary>Bars of height values[i] above the category label categories[i].</summary>
    /// <exception cref="ArgumentException">Empty input, different lengths, a null label, or NaN/∞.</exception>
    public static Chart Bar(IReadOnlyList<string> categories, IReadOnlyList<double> values, string? name = null)
    {
        string[] labels = Labels(categories, nameof(categories));
        double[] y = Finite(values, nameof(values));
        Guard.SameLength(labels.Length, y.Length, nameof(values), nameof(categories));
        return Single(new Series(new XyTrace(XyKind.Bar, null, labels, y, name)));
    }

    /// <summary>A histogram of the samples; plotly.js chooses the bins (at most <paramref name="bins"/> when given).</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds NaN/∞, or bins &lt; 1.</exception>
    public static Chart Histogram(IReadOnlyList<double> values, int? bins = null, string? name = null)
    {
        double[] x = Finite(values, nameof(values));
        if (bins is int n)
        {
            Guard.AtLeast(n, 1, nameof(bins));
        }

        return Single(new Series(new HistogramTrace(x, bins, name)));
    }

    /// <summary>
    /// A heatmap of z[row, column] for grids such as V(s) or max_a Q(s, a) over a gridworld: row 0 is drawn at the top,
    /// cells are square, and each cell is annotated with its value formatted by <paramref name="valueFormat"/>
    /// (a .NET numeric format, invariant culture; null for none) and/or <paramref name="cellText"/>[row, column]
    /// (e.g. a greedy-policy arrow "←", "↓", "→", "↑"; null or "" for none). With both, the text goes under the value.
    /// Annotation text is black on light cells and white on dark ones.
    /// </summary>
    /// <param name="z">Values, rows × columns, all finite.</param>
    /// <param name="cellText">Optional free text per cell; same shape as <paramref name="z"/>.</param>
    /// <param name="valueFormat">Numeric format of the cell values, e.g. "0.00" or "0.0"; null hides the values.</param>
    /// <param name="colorScale">Colour scale; <see cref="ColorScale.Viridis"/> by default.</param>
    /// <param name="xLabels">Optional column labels (length = columns), shown as the tick text of columns 0..columns−1; otherwise the ticks are the indices.</param>
    /// <param name="yLabels">Optional row labels (length = rows), shown as the tick text of rows 0..rows−1; otherwise the ticks are the indices.</param>
    /// <param name="zMin">Value mapped to the low end of the scale (default: min z).</param>
    /// <param name="zMax">Value mapped to the high end of the scale (default: max z).</param>
    /// <param name="showScale">Whether to draw the colour bar.</param>
    /// <param name="name">Trace name shown on hover.</param>
    /// <exception cref="ArgumentException">Empty or non-finite z (names [row, column]), mismatched shapes, zMin ≥ zMax, or an invalid format.</exception>
    public static Chart Heatmap(
        double[,] z, string[,]? cellText = null, string? valueFormat = "0.00", ColorScale? colorScale = null,
        IReadOnlyList<string>? xLabels = null, IReadOnlyList<string>? yLabels = null,
        double? zMin = null, double? zMax = null, bool showScale = true, string? name = null)
    {
        ChartChecks.AllFinite(z, nameof(z));
        int rows = z.GetLength(0), columns = z.GetLength(1);
        Guard.NotEmpty(rows * columns, nameof(z));
        if (cellText is not null && (cellText.GetLength(0) != rows || cellText.GetLength(1) != columns))
        {
            throw new ArgumentException(
                $"cellText is {cellText.GetLength(0)}×{cellText.GetLength(1)} but z is {rows}×{columns}; they must match.", nameof(cellText));
        }

        string[]? xs = xLabels is null ? null : Labels(xLabels, nameof(xLabels));
        string[]? ys = yLabels is null ? null : Labels(yLabels, nameof(yLabels));
        if (xs is not null)
        {
            Guard.SameLength(columns, xs.Length, nameof(xLabels), "the column count of z");
        }

        if (ys is not null)
        {
            Guard.SameLength(rows, ys.Length, nameof(yLabels), "the row count of z");
        }

        if (zMin is double lo)
        {
            Guard.Finite(lo, nameof(zMin));
        }

        if (zMax is double hi)
        {
            Guard.Finite(hi, nameof(zMax));
            if (zMin >= hi)
            {
                throw new ArgumentOutOfRangeException(nameof(zMax), hi, $"zMax must exceed zMin = {zMin} but was {hi}.");
            }
        }

        if (valueFormat is not null)
        {
            CheckFormat(valueFormat);
        }

        var trace = new HeatmapTrace((double[,])z.Clone(), colorScale ?? ColorScale.Viridis, zMin, zMax,
            valueFormat, (string[,]?)cellText?.Clone(), name, showScale);
        return Single(new Series(trace),
            new Axis(CellIndex: true, SquareCells: true, TickText: xs is null ? null : [.. xs]),
            new Axis(Reversed: true, CellIndex: true, SquareCells: true, TickText: ys is null ? null : [.. ys]));
    }

    /// <summary>
    /// Mean ± standard deviation over seeds: a mean line m_t = (1/R) Σᵢ runs[i][t] and a semi-transparent band
    /// between m_t − s_t and m_t + s_t, where s_t = √((1/R) Σᵢ (runs[i][t] − m_t)²) is the population standard deviation
    /// over the R runs (numpy's default <c>std</c>, ddof = 0; a single run gives a zero-width band).
    /// The band is one closed polygon (<c>fill: "toself"</c>) in the mean line's colour; both share one legend entry.
    /// </summary>
    /// <param name="runs">R runs × T steps (e.g. episode return per evaluation point, one row per seed); all rows equally long.</param>
    /// <param name="xs">Optional x for each step (e.g. environment steps); 0..T−1 by default.</param>
    /// <param name="name">Legend name of the mean line.</param>
    /// <exception cref="ArgumentException">No runs, ragged runs, NaN/∞ (names run and step), or xs of the wrong length.</exception>
    public static Chart Band(IReadOnlyList<IReadOnlyList<double>> runs, IReadOnlyList<double>? xs = null, string? name = null)
    {
        ChartChecks.FiniteRectangular(runs, nameof(runs));
        int count = runs.Count, steps = runs[0].Count;
        double[] x = xs is null ? Indices(steps) : Finite(xs, nameof(xs));
        Guard.SameLength(steps, x.Length, nameof(xs), "each run");
        var mean = new double[steps];
        var std = new double[steps];
        for (int t = 0; t < steps; t++)
        {
            double sum = 0.0;
            for (int i = 0; i < count; i++)
            {
                sum += runs[i][t];
            }

            double m = sum / count, squares = 0.0;
            for (int i = 0; i < count; i++)
            {
                double d = runs[i][t] - m;
                squares += d * d;
            }

            mean[t] = m;
            std[t] = Math.Sqrt(squares / count);
        }

        var polygonX = new double[2 * steps];
        var polygonY = new double[2 * steps];
        for (int t = 0; t < steps; t++)
        {
            polygonX[t] = x[t];
            polygonY[t] = mean[t] + std[t];
            polygonX[2 * steps - 1 - t] = x[t];
            polygonY[2 * steps - 1 - t] = mean[t] - std[t];
        }

        return Single(new Series([
            new XyTrace(XyKind.BandFill, polygonX, null, polygonY, name is null ? null : name + " ± std"),
            new XyTrace(XyKind.Line, x, null, mean, name),
        ]));
    }

    /// <summary>Mean ± std band over seeds from a runs × steps matrix; see <see cref="Band(IReadOnlyList{IReadOnlyList{double}}, IReadOnlyList{double}?, string?)"/>.</summary>
    public static Chart Band(double[,] runs, IReadOnlyList<double>? xs = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var rows = new double[runs.GetLength(0)][];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new double[runs.GetLength(1)];
            for (int t = 0; t < rows[i].Length; t++)
            {
                rows[i][t] = runs[i, t];
            }
        }

        return Band(rows, xs, name);
    }

    private static (double[] X, double[] Y) Pairs(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        double[] x = Finite(xs, nameof(xs));
        double[] y = Finite(ys, nameof(ys));
        Guard.SameLength(x.Length, y.Length, nameof(ys), nameof(xs));
        return (x, y);
    }

    private static double[] Finite(IReadOnlyList<double> values, string paramName)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        double[] copy = [.. values];
        Guard.NotEmpty(copy.Length, paramName);
        Guard.AllFinite(copy, paramName);
        return copy;
    }

    private static string[] Labels(IReadOnlyList<string> labels, string paramName)
    {
        ArgumentNullException.ThrowIfNull(labels, paramName);
        string[] copy = [.. labels];
        Guard.NotEmpty(copy.Length, paramName);
        int bad = Array.IndexOf(copy, null);
        if (bad >= 0)
        {
            throw new ArgumentException($"{paramName}[{bad}] must not be null.", paramName);
        }

        return copy;
    }

    private static double[] Indices(int count)
    {
        var indices = new double[count];
        for (int i = 0; i < count; i++)
        {
            indices[i] = i;
        }

        return indices;
    }

    private static void CheckFormat(string valueFormat)
    {
        try
        {
            _ = 1.5.ToString(valueFormat, CultureInfo.InvariantCulture);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"valueFormat \"{valueFormat}\" is not a valid .NET numeric format.", nameof(valueFormat), e);
        }
    }
}
