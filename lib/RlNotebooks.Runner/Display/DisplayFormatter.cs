using System.Text.Json;
using System.Text.Json.Nodes;
using RlNotebooks.Runner.Notebooks;

namespace RlNotebooks.Runner.Display;

/// <summary>Turns a displayed value into a MIME bundle: every MIME type its convention formatters produce
/// (JSON MIME types as JSON values, others as text) plus <c>text/plain</c>.</summary>
public static class DisplayFormatter
{
    /// <summary>Formats <paramref name="value"/>.</summary>
    public static MimeBundle Format(object? value)
    {
        var bundle = new MimeBundle();
        if (value is not null)
        {
            foreach (ConventionFormatter formatter in ConventionFormatter.For(value.GetType()))
            {
                if (bundle.Contains(formatter.MimeType) || !formatter.Type.IsInstanceOfType(value)) continue;
                using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                if (!formatter.Format(value, writer)) continue;
                bundle.Set(formatter.MimeType, Representation(formatter.MimeType, writer.ToString()));
            }
        }

        if (!bundle.Contains("text/plain")) bundle.Set("text/plain", JsonValue.Create(PlainText.Format(value)));
        return bundle;
    }

    /// <summary>True for MIME types whose payload nbformat stores as JSON (<c>application/json</c>, <c>…+json</c>).</summary>
    public static bool IsJsonMimeType(string mimeType) =>
        mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal);

    private static JsonNode Representation(string mimeType, string text)
    {
        if (!IsJsonMimeType(mimeType)) return JsonValue.Create(text);
        try
        {
            return JsonNode.Parse(text) ?? throw new InvalidOperationException($"The {mimeType} formatter wrote 'null'.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The {mimeType} formatter wrote invalid JSON: {e.Message}", e);
        }
    }
}
