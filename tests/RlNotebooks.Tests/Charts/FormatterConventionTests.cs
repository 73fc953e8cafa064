using System.Collections;
using System.Reflection;
using RlNotebooks.Charts;

namespace RlNotebooks.Tests.Charts;

/// <summary>
/// The .NET Interactive convention, followed exactly as the runner does: find the attribute BY NAME, read
/// FormatterSourceType, create it, call CreateTypeFormatters(), then use each formatter's MimeType and Format(object, TextWriter).
/// </summary>
public class FormatterConventionTests
{
    private static readonly Chart Sample = Chart.Combine(Chart.Line([1.0, 2], "a"), Chart.Bar([0.5, 0.25])).WithTitle("t");

    private static (object Attribute, Type SourceType) FindAttribute()
    {
        object attribute = Assert.Single(typeof(Chart).GetCustomAttributes(inherit: false), a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = Assert.IsAssignableFrom<Type>(attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute));
        return (attribute, sourceType);
    }

    private static List<object> CreateFormatters(Type sourceType)
    {
        object source = Activator.CreateInstance(sourceType)!;
        var create = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)!;
        var formatters = Assert.IsAssignableFrom<IEnumerable>(create.Invoke(source, null));
        return [.. formatters.Cast<object>()];
    }

    private static (bool Handled, string Text) Format(object formatter, object value)
    {
        var format = formatter.GetType().GetMethod("Format", BindingFlags.Public | BindingFlags.Instance, [typeof(object), typeof(TextWriter)])!;
        Assert.Equal(typeof(bool), format.ReturnType);
        using var writer = new StringWriter();
        bool handled = (bool)format.Invoke(formatter, [value, writer])!;
        return (handled, writer.ToString());
    }

    private static string MimeType(object formatter) => (string)formatter.GetType().GetProperty("MimeType")!.GetValue(formatter)!;

    [Fact]
    public void The_attribute_is_found_by_name_and_prefers_html_then_plotly_json()
    {
        var (attribute, sourceType) = FindAttribute();
        Assert.Equal(typeof(ChartFormatterSource), sourceType);
        var preferred = (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!;
        Assert.Equal(["text/html", "application/vnd.plotly.v1+json"], preferred);
    }

    [Fact]
    public void The_plotly_formatter_writes_the_figure_json()
    {
        var formatters = CreateFormatters(FindAttribute().SourceType);
        Assert.Equal(["application/vnd.plotly.v1+json", "text/html"], formatters.Select(MimeType).ToArray());
        var plotly = formatters.Single(f => MimeType(f) == Chart.PlotlyMimeType);
        Assert.Equal(typeof(Chart), plotly.GetType().GetProperty("Type")!.GetValue(plotly));
        var (handled, text) = Format(plotly, Sample);
        Assert.True(handled);
        Assert.Equal(Sample.ToJson(), text);
        Assert.False(Format(plotly, "not a chart").Handled);
    }

    [Fact]
    public void The_html_formatter_writes_a_div_and_a_script_with_the_figure()
    {
        var html = CreateFormatters(FindAttribute().SourceType).Single(f => MimeType(f) == "text/html");
        var (handled, text) = Format(html, Sample);
        Assert.True(handled);
        Assert.Contains("<div id=\"rl-chart-", text);
        Assert.Contains("var figure = " + Sample.ToJson() + ";", text);
        Assert.Contains("Plotly", text);
        Assert.Contains(PlotlyScript.CdnUrl, text);
        Assert.False(Format(html, 42).Handled);
    }

    [Fact]
    public void The_html_element_id_is_derived_from_the_figure_not_random()
    {
        var html = CreateFormatters(FindAttribute().SourceType).Single(f => MimeType(f) == "text/html");
        string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Sample.ToJson())))[..16];

        string first = Format(html, Sample).Text, second = Format(html, Sample).Text;

        string Id(string text) => System.Text.RegularExpressions.Regex.Match(text, "<div id=\"(rl-chart-[^\"]+)\"").Groups[1].Value;
        Assert.StartsWith($"rl-chart-{hash}-", Id(first));
        Assert.StartsWith($"rl-chart-{hash}-", Id(second));
        Assert.NotEqual(Id(first), Id(second));
        Assert.Equal(first.Replace(Id(first), "ID"), second.Replace(Id(second), "ID"));
    }
}
