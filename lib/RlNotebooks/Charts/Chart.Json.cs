using System.Buffers;
using System.Text;
using System.Text.Json;
using RlNotebooks.Charts.Traces;

namespace RlNotebooks.Charts;

public sealed partial class Chart
{
    private const double HorizontalGap = 0.16;
    private const double VerticalGap = 0.22;

    /// <summary>The width titles are wrapped for when the chart has no fixed size: the headless PNG width (the runner's
    /// <c>PlotlyPage.DefaultWidth</c>); wider notebook cells just show the shorter lines.</summary>
    private const int DefaultWidthPixels = 700;

    /// <summary>
    /// The standard Plotly figure JSON <c>{"data":[…traces],"layout":{…}}</c>: compact, numbers in invariant
    /// round-trip form (never NaN: inputs are validated), titles as <c>{"text": …}</c> objects (plotly.js 2 and 3),
    /// and characters unsafe inside HTML (&lt;, &gt;, &amp;, quotes, non-ASCII) written as \uXXXX escapes so the
    /// string can be embedded in a page's script.
    /// </summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteFigure(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private void WriteFigure(Utf8JsonWriter writer)
    {
        var contexts = Contexts();
        writer.WriteStartObject();
        writer.WriteStartArray("data");
        for (int k = 0; k < _panels.Length; k++)
        {
            var series = _panels[k].Series;
            for (int s = 0; s < series.Length; s++)
            {
                foreach (var trace in series[s].Traces)
                {
                    trace.Write(writer, contexts[k][s]);
                }
            }
        }

        writer.WriteEndArray();
        writer.WriteStartObject("layout");
        WriteLayout(writer, contexts);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private void WriteLayout(Utf8JsonWriter writer, TraceContext[][] contexts)
    {
        var titleLines = _title is null ? [] : TitleWrap.Lines(_title, _width ?? DefaultWidthPixels);
        if (_title is not null)
        {
            writer.WriteStartObject("title");
            writer.WriteString("text", string.Join("<br>", titleLines));
            writer.WriteEndObject();
        }

        var traces = _panels.SelectMany(p => p.Series).SelectMany(s => s.Traces).ToArray();
        writer.WriteBoolean("showlegend", traces.Any(t => t.LegendName is not null));
        if (traces.Count(t => t.IsHistogram) > 1)
        {
            writer.WriteString("barmode", "overlay");
        }

        if (_width is int width)
        {
            writer.WriteNumber("width", width);
        }

        if ((_height ?? (IsGrid ? 340 * _rows + 80 : null)) is int height)
        {
            writer.WriteNumber("height", height);
        }

        writer.WriteStartObject("margin");
        writer.WriteNumber("t", _title is null && !IsGrid ? 30 : 70 + 22 * Math.Max(0, titleLines.Count - 1));
        writer.WriteEndObject();
        for (int k = 0; k < _panels.Length; k++)
        {
            var panel = _panels[k];
            string suffix = k == 0 ? string.Empty : (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            string x = "x" + suffix, y = "y" + suffix;
            var d = Domain(k);
            panel.X.Write(writer, "xaxis" + suffix, IsGrid ? y : null, IsGrid ? (d.X0, d.X1) : null, null);
            panel.Y.Write(writer, "yaxis" + suffix, IsGrid ? x : null, IsGrid ? (d.Y0, d.Y1) : null, x);
        }

        writer.WriteStartArray("annotations");
        for (int k = 0; k < _panels.Length; k++)
        {
            if (IsGrid && _panels[k].Title is string subtitle)
            {
                var d = Domain(k);
                writer.WriteStartObject();
                writer.WriteString("text", subtitle);
                writer.WriteNumber("x", (d.X0 + d.X1) / 2);
                writer.WriteNumber("y", d.Y1);
                writer.WriteString("xref", "paper");
                writer.WriteString("yref", "paper");
                writer.WriteString("xanchor", "center");
                writer.WriteString("yanchor", "bottom");
                writer.WriteBoolean("showarrow", false);
                writer.WriteStartObject("font");
                writer.WriteNumber("size", 14);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            var series = _panels[k].Series;
            for (int s = 0; s < series.Length; s++)
            {
                foreach (var trace in series[s].Traces)
                {
                    trace.WriteAnnotations(writer, contexts[k][s]);
                }
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Colour and legend entry of every series. A named series is one legend entry however many panels it appears in:
    /// every occurrence shares the legend group "series:{name}" and the colour of its first occurrence, and only the
    /// first adds a legend item (clicking it toggles the series in every panel). Unnamed series add no legend item
    /// (plotly.js would list them as "trace N" next to named ones). Colours go to distinct series keys
    /// (the legend name, or "unnamed series at position s" so unnamed single-line panels all start with the first
    /// colour) in order of first appearance, row by row.
    /// </summary>
    private TraceContext[][] Contexts()
    {
        var colours = new Dictionary<string, int>(StringComparer.Ordinal);
        var contexts = new TraceContext[_panels.Length][];
        for (int k = 0; k < _panels.Length; k++)
        {
            string suffix = k == 0 ? string.Empty : (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var series = _panels[k].Series;
            contexts[k] = new TraceContext[series.Length];
            for (int s = 0; s < series.Length; s++)
            {
                string? name = series[s].LegendName;
                string key = name is null ? "\0unnamed:" + s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "series:" + name;
                bool first = colours.TryAdd(key, colours.Count);
                string group = name is null ? $"panel{k + 1}-series{s + 1}" : key;
                contexts[k][s] = new TraceContext("x" + suffix, "y" + suffix, Palette.At(colours[key]), group, first && name is not null, Domain(k), IsGrid);
            }
        }

        return contexts;
    }

    /// <summary>Paper rectangle of panel k (row-major); rows are counted from the top.</summary>
    private PanelDomain Domain(int k)
    {
        if (!IsGrid)
        {
            return PanelDomain.Full;
        }

        int row = k / _columns, column = k % _columns;
        double width = (1.0 - HorizontalGap * (_columns - 1)) / _columns;
        double height = (1.0 - VerticalGap * (_rows - 1)) / _rows;
        double x0 = column * (width + HorizontalGap);
        double y1 = 1.0 - row * (height + VerticalGap);
        return new PanelDomain(Math.Round(x0, 6), Math.Round(x0 + width, 6), Math.Round(y1 - height, 6), Math.Round(y1, 6));
    }
}
