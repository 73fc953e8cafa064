namespace RlNotebooks.Charts;

/// <summary>
/// The convention-based formatter source for <see cref="Chart"/> (see <see cref="TypeFormatterSourceAttribute"/>):
/// one formatter for <c>application/vnd.plotly.v1+json</c> and one for <c>text/html</c>.
/// </summary>
public sealed class ChartFormatterSource
{
    /// <summary>The formatters, by the .NET Interactive convention (each has MimeType, Type and Format(object, TextWriter)).</summary>
    public IEnumerable<object> CreateTypeFormatters() => [new PlotlyJsonFormatter(), new PlotlyHtmlFormatter()];
}
