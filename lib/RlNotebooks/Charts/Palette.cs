using System.Globalization;

namespace RlNotebooks.Charts;

/// <summary>
/// Plotly's default colour cycle (the "D3/Category10" colourway). Series without an explicit colour take the next colour
/// of their panel, so a mean line and its ± std band always share one colour.
/// </summary>
internal static class Palette
{
    private static readonly int[] Colors =
    [
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF,
    ];

    internal static int At(int index) => Colors[index % Colors.Length];

    internal static string Solid(int rgb) => ColorScale.Hex(rgb);

    internal static string Translucent(int rgb, double alpha) => string.Create(CultureInfo.InvariantCulture,
        $"rgba({(rgb >> 16) & 0xFF},{(rgb >> 8) & 0xFF},{rgb & 0xFF},{alpha})");
}
