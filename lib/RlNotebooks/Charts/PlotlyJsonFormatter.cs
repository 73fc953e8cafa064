namespace RlNotebooks.Charts;

/// <summary>Formats a <see cref="Chart"/> as its Plotly figure JSON for the <c>application/vnd.plotly.v1+json</c> MIME type.</summary>
public sealed class PlotlyJsonFormatter
{
    /// <summary>The MIME type this formatter produces.</summary>
    public string MimeType => Chart.PlotlyMimeType;

    /// <summary>The type this formatter handles.</summary>
    public Type Type => typeof(Chart);

    /// <summary>Writes the figure JSON and returns true when <paramref name="instance"/> is a <see cref="Chart"/>; otherwise false.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is not Chart chart)
        {
            return false;
        }

        writer.Write(chart.ToJson());
        return true;
    }
}
