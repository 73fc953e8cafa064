using System.Text.Json;
using RlNotebooks.Charts;

namespace RlNotebooks.Tests.Charts;

/// <summary>A parsed figure JSON with small accessors for the assertions.</summary>
internal sealed class Figure
{
    private Figure(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public JsonElement[] Data => [.. Root.GetProperty("data").EnumerateArray()];

    public JsonElement Layout => Root.GetProperty("layout");

    public JsonElement[] Annotations => [.. Layout.GetProperty("annotations").EnumerateArray()];

    public static Figure Of(Chart chart)
    {
        using var document = JsonDocument.Parse(chart.ToJson());
        return new Figure(document.RootElement.Clone());
    }

    public static double[] Numbers(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetDouble())];

    public static string[] Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    public static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetString() : null;

    public static string TitleText(JsonElement element) => element.GetProperty("title").GetProperty("text").GetString()!;
}
