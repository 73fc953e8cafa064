using System.Globalization;
using System.Text.Json;

namespace RlNotebooks.Charts.Traces;

/// <summary>
/// A heatmap of z[row, column] with one layout annotation per cell (formatted value and/or free text such as a
/// policy arrow). Cell (r, c) is drawn at x = c, y = r on numeric axes (row and column labels are the axes' tick text,
/// see <see cref="Axis"/>); the panel's y axis is reversed so row 0 is at the top.
/// </summary>
internal sealed class HeatmapTrace(
    double[,] z, ColorScale scale, double? zMin, double? zMax,
    string? valueFormat, string[,]? cellText, string? name, bool showScale) : Trace
{
    private int Rows => z.GetLength(0);

    private int Columns => z.GetLength(1);

    internal override string? Name => name;

    internal override string? LegendName => null;

    internal override void Write(Utf8JsonWriter writer, in TraceContext context)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "heatmap");
        writer.WriteStartArray("z");
        for (int r = 0; r < Rows; r++)
        {
            writer.WriteStartArray();
            for (int c = 0; c < Columns; c++)
            {
                writer.WriteNumberValue(z[r, c]);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        WriteIndices(writer, "x", Columns);
        WriteIndices(writer, "y", Rows);
        writer.WritePropertyName("colorscale");
        scale.WriteStops(writer);
        if (zMin is double lo)
        {
            writer.WriteNumber("zmin", lo);
        }

        if (zMax is double hi)
        {
            writer.WriteNumber("zmax", hi);
        }

        writer.WriteBoolean("showscale", showScale);
        if (showScale && context.InGrid)
        {
            var d = context.Domain;
            writer.WriteStartObject("colorbar");
            writer.WriteNumber("x", d.X1 + 0.01);
            writer.WriteString("xanchor", "left");
            writer.WriteNumber("y", (d.Y0 + d.Y1) / 2);
            writer.WriteString("yanchor", "middle");
            writer.WriteNumber("len", d.Y1 - d.Y0);
            writer.WriteNumber("thickness", 12);
            writer.WriteEndObject();
        }

        writer.WriteNumber("xgap", 1);
        writer.WriteNumber("ygap", 1);
        if (name is not null)
        {
            writer.WriteString("name", name);
        }

        WriteAxes(writer, context);
        writer.WriteEndObject();
    }

    internal override void WriteAnnotations(Utf8JsonWriter writer, in TraceContext context)
    {
        var (lo, hi) = Range();
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Columns; c++)
            {
                string label = CellLabel(r, c);
                if (label.Length == 0)
                {
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteNumber("x", c);
                writer.WriteNumber("y", r);
                writer.WriteString("xref", context.XRef);
                writer.WriteString("yref", context.YRef);
                writer.WriteString("text", label);
                writer.WriteBoolean("showarrow", false);
                writer.WriteStartObject("font");
                double t = hi > lo ? (z[r, c] - lo) / (hi - lo) : 0.5;
                writer.WriteString("color", scale.LuminanceAt(t) > 0.5 ? "#000000" : "#ffffff");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
        }
    }

    private string CellLabel(int r, int c)
    {
        string? value = valueFormat is null ? null : z[r, c].ToString(valueFormat, CultureInfo.InvariantCulture);
        string? text = cellText?[r, c];
        return (string.IsNullOrEmpty(value), string.IsNullOrEmpty(text)) switch
        {
            (false, false) => value + "<br>" + text,
            (false, true) => value!,
            (true, false) => text!,
            _ => string.Empty,
        };
    }

    private (double Lo, double Hi) Range()
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (double v in z)
        {
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }

        return (zMin ?? lo, zMax ?? hi);
    }

    private static void WriteIndices(Utf8JsonWriter writer, string property, int count)
    {
        writer.WriteStartArray(property);
        for (int i = 0; i < count; i++)
        {
            writer.WriteNumberValue(i);
        }

        writer.WriteEndArray();
    }
}
