using System.Globalization;

namespace RlNotebooks.Charts;

/// <summary>
/// A continuous colour scale for heatmaps, written into the figure as explicit Plotly stops
/// <c>[[0, "#rrggbb"], …, [1, "#rrggbb"]]</c> so the rendering does not depend on plotly.js's built-in scale names.
/// The same stops choose a readable (black or white) annotation colour for every heatmap cell.
/// </summary>
public sealed class ColorScale
{
    private readonly (double Position, int Rgb)[] _stops;

    private ColorScale(string name, params (double Position, int Rgb)[] stops)
    {
        Name = name;
        _stops = stops;
    }

    /// <summary>The perceptually uniform default: dark purple (low) → yellow (high).</summary>
    public static ColorScale Viridis { get; } = new("Viridis",
        (0.0, 0x440154), (0.25, 0x3B528B), (0.5, 0x21918C), (0.75, 0x5EC962), (1.0, 0xFDE725));

    /// <summary>Sequential white (low) → dark blue (high); good for visit counts and probabilities.</summary>
    public static ColorScale Blues { get; } = new("Blues", (0.0, 0xF7FBFF), (0.5, 0x6BAED6), (1.0, 0x08306B));

    /// <summary>Diverging red (low) → white (middle) → blue (high); use with symmetric zMin/zMax for signed values such as advantages.</summary>
    public static ColorScale RedBlue { get; } = new("RedBlue",
        (0.0, 0xB2182B), (0.25, 0xEF8A62), (0.5, 0xF7F7F7), (0.75, 0x67A9CF), (1.0, 0x2166AC));

    /// <summary>Sequential white (low) → black (high).</summary>
    public static ColorScale Greys { get; } = new("Greys", (0.0, 0xFFFFFF), (1.0, 0x000000));

    /// <summary>The scale's name.</summary>
    public string Name { get; }

    internal void WriteStops(System.Text.Json.Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var (position, rgb) in _stops)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(position);
            writer.WriteStringValue(Hex(rgb));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    /// <summary>Relative luminance (0 = black, 1 = white) of the scale's colour at position t ∈ [0, 1].</summary>
    internal double LuminanceAt(double t)
    {
        t = Math.Clamp(t, 0.0, 1.0);
        int i = 1;
        while (i < _stops.Length - 1 && _stops[i].Position < t)
        {
            i++;
        }

        var (p0, c0) = _stops[i - 1];
        var (p1, c1) = _stops[i];
        double w = p1 > p0 ? (t - p0) / (p1 - p0) : 0.0;
        double Channel(int shift) => ((c0 >> shift) & 0xFF) * (1 - w) + ((c1 >> shift) & 0xFF) * w;
        return (0.2126 * Channel(16) + 0.7152 * Channel(8) + 0.0722 * Channel(0)) / 255.0;
    }

    internal static string Hex(int rgb) => "#" + rgb.ToString("x6", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => Name;
}
