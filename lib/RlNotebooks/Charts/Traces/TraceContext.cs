namespace RlNotebooks.Charts.Traces;

/// <summary>
/// Where a trace is drawn: its panel's axis references, its series colour, legend group and whether it adds a legend
/// entry (false for an unnamed series and for a repeat of a named one already shown), and the panel's paper domain.
/// </summary>
internal readonly record struct TraceContext(
    string XRef, string YRef, int Rgb, string LegendGroup, bool ShowLegend, PanelDomain Domain, bool InGrid);

/// <summary>The panel's rectangle in paper coordinates (0..1 on both axes).</summary>
internal readonly record struct PanelDomain(double X0, double X1, double Y0, double Y1)
{
    internal static PanelDomain Full { get; } = new(0, 1, 0, 1);
}
