using System.Text.Json.Nodes;
using RlNotebooks.Runner;
using RlNotebooks.Runner.Images;

namespace RlNotebooks.Tests.Runner;

/// <summary>The kernel's formatting as the notebooks rely on it: the library's convention-based chart formatter
/// (an attribute named <c>TypeFormatterSourceAttribute</c> from the referenced assembly, no package reference).</summary>
public sealed class FormatterTests : IDisposable
{
    private readonly TestNotebooks _notebooks = new();

    public void Dispose() => _notebooks.Dispose();

    [Fact]
    public async Task Chart_from_a_referenced_assembly_is_displayed_with_its_preferred_plotly_json_and_html()
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
        Assert.Equal(["application/vnd.plotly.v1+json", "text/html"], data.AsObject().Select(p => p.Key));
        JsonObject figure = Assert.IsType<JsonObject>(data[StaticImages.PlotlyMimeType]);
        Assert.Equal(2.0, figure["data"]![0]!["y"]![1]!.GetValue<double>());
        Assert.Equal("<div class=\"chart\">returns</div>", TestNotebooks.Text(data["text/html"]));
        Assert.Equal("line", first[1]!["data"]![StaticImages.PlotlyMimeType]!["layout"]!["title"]!["text"]!.GetValue<string>());
        JsonNode last = Assert.Single(TestNotebooks.Outputs(nb, 1))!;
        Assert.Equal("execute_result", last["output_type"]!.GetValue<string>());
        Assert.IsType<JsonObject>(last["data"]![StaticImages.PlotlyMimeType]);
    }
}
