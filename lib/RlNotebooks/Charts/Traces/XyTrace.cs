using System.Text.Json;

namespace RlNotebooks.Charts.Traces;

/// <summary>A line, marker, bar or filled-band trace over x/y data; x is numeric or categorical.</summary>
internal sealed class XyTrace(XyKind kind, double[]? x, string[]? categories, double[] y, string? name) : Trace
{
    /// <summary>Opacity of a band's fill.</summary>
    internal const double BandAlpha = 0.2;

    internal override string? Name => name;

    internal override string? LegendName => kind == XyKind.BandFill ? null : name;

    internal override void Write(Utf8JsonWriter writer, in TraceContext context)
    {
        writer.WriteStartObject();
        writer.WriteString("type", kind == XyKind.Bar ? "bar" : "scatter");
        if (kind != XyKind.Bar)
        {
            writer.WriteString("mode", kind == XyKind.Markers ? "markers" : "lines");
        }

        if (categories is not null)
        {
            WriteStrings(writer, "x", categories);
        }
        else if (x is not null)
        {
            WriteNumbers(writer, "x", x);
        }

        WriteNumbers(writer, "y", y);
        if (name is not null)
        {
            writer.WriteString("name", name);
        }

        writer.WriteString("legendgroup", context.LegendGroup);
        if (!context.ShowLegend && kind != XyKind.BandFill)
        {
            writer.WriteBoolean("showlegend", false);
        }

        WriteAxes(writer, context);
        string color = Palette.Solid(context.Rgb);
        switch (kind)
        {
            case XyKind.BandFill:
                writer.WriteString("fill", "toself");
                writer.WriteString("fillcolor", Palette.Translucent(context.Rgb, BandAlpha));
                writer.WriteStartObject("line");
                writer.WriteNumber("width", 0);
                writer.WriteString("color", Palette.Translucent(context.Rgb, 0));
                writer.WriteEndObject();
                writer.WriteBoolean("showlegend", false);
                writer.WriteString("hoverinfo", "skip");
                break;
            case XyKind.Line:
                writer.WriteStartObject("line");
                writer.WriteString("color", color);
                writer.WriteNumber("width", 2);
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStartObject("marker");
                writer.WriteString("color", color);
                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
    }
}
