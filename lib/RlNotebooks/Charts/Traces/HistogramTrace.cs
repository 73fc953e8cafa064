using System.Text.Json;

namespace RlNotebooks.Charts.Traces;

/// <summary>A histogram of raw samples; plotly.js bins them (<c>nbinsx</c> is an upper bound on the bin count).</summary>
internal sealed class HistogramTrace(double[] values, int? bins, string? name) : Trace
{
    internal override string? Name => name;

    internal override bool IsHistogram => true;

    internal override void Write(Utf8JsonWriter writer, in TraceContext context)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "histogram");
        WriteNumbers(writer, "x", values);
        if (bins is int n)
        {
            writer.WriteNumber("nbinsx", n);
        }

        if (name is not null)
        {
            writer.WriteString("name", name);
        }

        writer.WriteString("legendgroup", context.LegendGroup);
        if (!context.ShowLegend)
        {
            writer.WriteBoolean("showlegend", false);
        }

        writer.WriteNumber("opacity", 0.75);
        WriteAxes(writer, context);
        writer.WriteStartObject("marker");
        writer.WriteString("color", Palette.Solid(context.Rgb));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
