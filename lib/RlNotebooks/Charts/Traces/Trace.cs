using System.Text.Json;

namespace RlNotebooks.Charts.Traces;

/// <summary>One Plotly trace (one element of the figure's <c>data</c> array).</summary>
internal abstract class Trace
{
    /// <summary>The legend name, or null for an unnamed trace.</summary>
    internal abstract string? Name { get; }

    /// <summary>The name this trace shows in the legend (null when it has no legend entry, e.g. a band's fill or a heatmap).</summary>
    internal virtual string? LegendName => Name;

    /// <summary>Whether this is a histogram (several histograms in one figure are overlaid).</summary>
    internal virtual bool IsHistogram => false;

    /// <summary>Writes the trace object.</summary>
    internal abstract void Write(Utf8JsonWriter writer, in TraceContext context);

    /// <summary>Writes this trace's layout annotations (heatmap cell labels); none by default.</summary>
    internal virtual void WriteAnnotations(Utf8JsonWriter writer, in TraceContext context)
    {
    }

    /// <summary>Writes the axis binding of a trace that lives in a subplot other than the first.</summary>
    protected static void WriteAxes(Utf8JsonWriter writer, in TraceContext context)
    {
        if (context.XRef != "x")
        {
            writer.WriteString("xaxis", context.XRef);
            writer.WriteString("yaxis", context.YRef);
        }
    }

    /// <summary>Writes a numeric JSON array.</summary>
    protected static void WriteNumbers(Utf8JsonWriter writer, string property, double[] values)
    {
        writer.WriteStartArray(property);
        foreach (double v in values)
        {
            writer.WriteNumberValue(v);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a string JSON array.</summary>
    protected static void WriteStrings(Utf8JsonWriter writer, string property, string[] values)
    {
        writer.WriteStartArray(property);
        foreach (string v in values)
        {
            writer.WriteStringValue(v);
        }

        writer.WriteEndArray();
    }
}
