using System.Text.Json;

namespace RlNotebooks.Charts;

/// <summary>One axis of a panel: label, log scale, and the heatmap settings (index ticks, reversed rows, square cells).</summary>
internal sealed record Axis(string? Label = null, bool Log = false, bool Reversed = false, bool CellIndex = false, bool SquareCells = false)
{
    /// <summary>
    /// Writes the axis object; <paramref name="anchor"/>/<paramref name="domain"/> are given for subplots only.
    /// With <see cref="SquareCells"/> both axes shrink their domain (never widen their range) and the y axis is
    /// scaled to <paramref name="scaleAnchor"/> so heatmap cells are square.
    /// </summary>
    internal void Write(Utf8JsonWriter writer, string property, string? anchor, (double Start, double End)? domain, string? scaleAnchor)
    {
        writer.WriteStartObject(property);
        if (Label is not null)
        {
            writer.WriteStartObject("title");
            writer.WriteString("text", Label);
            writer.WriteEndObject();
        }

        if (Log)
        {
            writer.WriteString("type", "log");
        }

        if (Reversed)
        {
            writer.WriteString("autorange", "reversed");
        }

        if (CellIndex)
        {
            writer.WriteNumber("dtick", 1);
            writer.WriteBoolean("showgrid", false);
            writer.WriteBoolean("zeroline", false);
        }

        if (SquareCells)
        {
            if (scaleAnchor is not null)
            {
                writer.WriteString("scaleanchor", scaleAnchor);
            }

            writer.WriteString("constrain", "domain");
        }

        if (anchor is not null)
        {
            writer.WriteString("anchor", anchor);
        }

        if (domain is var (start, end))
        {
            writer.WriteStartArray("domain");
            writer.WriteNumberValue(start);
            writer.WriteNumberValue(end);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
