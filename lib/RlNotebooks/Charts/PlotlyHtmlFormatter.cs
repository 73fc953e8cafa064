namespace RlNotebooks.Charts;

/// <summary>
/// Formats a <see cref="Chart"/> as <c>text/html</c>: a div and a script that draw the figure with plotly.js
/// (already loaded, via RequireJS, or from <see cref="PlotlyScript.CdnUrl"/>), for frontends without a Plotly renderer.
/// </summary>
public sealed class PlotlyHtmlFormatter
{
    /// <summary>The MIME type this formatter produces.</summary>
    public string MimeType => "text/html";

    /// <summary>The type this formatter handles.</summary>
    public Type Type => typeof(Chart);

    /// <summary>Writes the HTML fragment and returns true when <paramref name="instance"/> is a <see cref="Chart"/>; otherwise false.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is not Chart chart)
        {
            return false;
        }

        writer.Write(chart.ToHtmlFragment());
        return true;
    }
}
