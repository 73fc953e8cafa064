using System.Text.Json.Nodes;
using RlNotebooks.Runner;
using RlNotebooks.Runner.Display;
using RlNotebooks.Runner.Images;

namespace RlNotebooks.Tests.Runner;

/// <summary>A type annotated the .NET Interactive convention way with an attribute defined in this test assembly.</summary>
[ConventionTypes.TypeFormatterSource(typeof(ConventionTypes.Source))]
public sealed class Annotated(string name)
{
    public string Name => name;

    public override string ToString() => $"Annotated({name})";
}

public static class ConventionTypes
{
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
    {
        public Type FormatterSourceType { get; } = formatterSourceType;
    }

    public sealed class Source
    {
        public IEnumerable<object> CreateTypeFormatters() =>
        [
            new Formatter("text/html", a => $"<b>{a.Name}</b>"),
            new Formatter("application/json", a => $"{{\"name\":\"{a.Name}\"}}"),
            new Formatter("text/markdown", _ => null),
        ];
    }

    public sealed class Formatter(string mimeType, Func<Annotated, string?> render)
    {
        public string MimeType => mimeType;

        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not Annotated a || render(a) is not { } text) return false;
            writer.Write(text);
            return true;
        }
    }

    [TypeFormatterSource(typeof(Misnamed))]
    public sealed class WrongMethodName;

    public sealed class Misnamed
    {
        public IEnumerable<object> GetTypeFormatters() => [];
    }
}

public static class NotInherited
{
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
    {
        public Type FormatterSourceType { get; } = formatterSourceType;
    }

    public sealed class Source
    {
        public IEnumerable<object> CreateTypeFormatters() => [new HtmlFormatter()];
    }

    public sealed class HtmlFormatter
    {
        public string MimeType => "text/html";

        public Type Type => typeof(Base);

        public bool Format(object instance, TextWriter writer)
        {
            writer.Write($"<i>{instance.GetType().Name}</i>");
            return true;
        }
    }

    [TypeFormatterSource(typeof(Source))]
    public class Base;

    public sealed class Derived : Base;
}

public sealed class FormatterTests : IDisposable
{
    private readonly TestNotebooks _notebooks = new();

    public void Dispose() => _notebooks.Dispose();

    [Fact]
    public void Convention_formatters_produce_every_mime_type_json_as_json_plus_text_plain()
    {
        var bundle = DisplayFormatter.Format(new Annotated("q"));

        Assert.Equal(["text/html", "application/json", "text/plain"], bundle.Entries.Select(e => e.Key));
        Assert.Equal("<b>q</b>", bundle["text/html"]!.GetValue<string>());
        Assert.Equal("q", Assert.IsType<JsonObject>(bundle["application/json"], exactMatch: false)["name"]!.GetValue<string>());
        Assert.Equal("Annotated(q)", bundle["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public void Attribute_on_a_base_type_applies_even_when_not_inherited()
    {
        var bundle = DisplayFormatter.Format(new NotInherited.Derived());

        Assert.Equal("<i>Derived</i>", bundle["text/html"]!.GetValue<string>());
    }

    [Fact]
    public void Source_without_CreateTypeFormatters_is_a_clear_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DisplayFormatter.Format(new ConventionTypes.WrongMethodName()));
        Assert.Contains("CreateTypeFormatters()", error.Message);
    }

    [Theory]
    [InlineData("plain string", "plain string")]
    [InlineData(1.5, "1.5")]
    [InlineData(null, "<null>")]
    public void Values_without_formatters_are_text_plain_only(object? value, string expected)
    {
        var bundle = DisplayFormatter.Format(value);
        Assert.Equal("text/plain", Assert.Single(bundle.Entries).Key);
        Assert.Equal(expected, bundle["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public void Collections_render_their_items_readably_and_elide_long_ones()
    {
        Assert.Equal("[ 0.5, 2 ]", PlainText.Format(new List<double> { 0.5, 2 }));
        Assert.Equal("{ a: [ 1, 2 ] }", PlainText.Format(new Dictionary<string, int[]> { ["a"] = [1, 2] }));
        string longList = PlainText.Format(Enumerable.Range(0, 500).ToArray());
        Assert.EndsWith("99, … (more) ]", longList);
    }

    [Fact]
    public async Task Chart_from_a_referenced_assembly_is_displayed_with_plotly_json_html_and_text()
    {
        FixtureAssembly.Build(Path.Combine(_notebooks.Folder, "lib", "Fixture.dll"));
        string path = _notebooks.Write("chart.ipynb",
            "#r \"lib/Fixture.dll\"\nusing Fixture;\ndisplay(new Chart(\"returns\", new[] { 1.0, 2.0 }));\nnew LineChart(\"line\", new[] { 3.0 }).Display();",
            "new Chart(\"last\", new[] { 4.0 })");

        RunResult result = await _notebooks.RunAsync(path);

        Assert.True(result.Succeeded, result.Notebooks[0].ToString());
        JsonObject nb = _notebooks.Executed(path);
        JsonArray first = TestNotebooks.Outputs(nb, 0);
        JsonNode data = first[0]!["data"]!;
        Assert.Equal(["application/vnd.plotly.v1+json", "text/html", "text/plain"], data.AsObject().Select(p => p.Key));
        JsonObject figure = Assert.IsType<JsonObject>(data[StaticImages.PlotlyMimeType]);
        Assert.Equal(2.0, figure["data"]![0]!["y"]![1]!.GetValue<double>());
        Assert.Equal("<div class=\"chart\">returns</div>", TestNotebooks.Text(data["text/html"]));
        Assert.Equal("Chart: returns", TestNotebooks.Text(data["text/plain"]));
        Assert.Equal("line", first[1]!["data"]![StaticImages.PlotlyMimeType]!["layout"]!["title"]!["text"]!.GetValue<string>());
        JsonNode last = Assert.Single(TestNotebooks.Outputs(nb, 1))!;
        Assert.Equal("execute_result", last["output_type"]!.GetValue<string>());
        Assert.IsType<JsonObject>(last["data"]![StaticImages.PlotlyMimeType]);
    }
}
