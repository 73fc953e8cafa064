using RlNotebooks.Charts;

namespace RlNotebooks.Tests.Charts;

/// <summary>
/// These tests change process-wide state (the PLOTLY_JS variable, the current directory), so their collection runs
/// alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessStateCollection
{
    public const string Name = "process state";
}

[Collection(ProcessStateCollection.Name)]
public sealed class SaveHtmlTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rl-charts-").FullName;
    private readonly string? _savedVariable = Environment.GetEnvironmentVariable(PlotlyScript.EnvironmentVariable);
    private readonly string _savedDirectory = Directory.GetCurrentDirectory();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(PlotlyScript.EnvironmentVariable, _savedVariable);
        Directory.SetCurrentDirectory(_savedDirectory);
        Directory.Delete(_directory, recursive: true);
    }

    private static Chart Sample => Chart.Line([1.0, 2.5], "a").WithTitle("A <title>");

    [Fact]
    public void With_PLOTLY_JS_the_bundle_is_inlined_next_to_the_figure()
    {
        string bundle = Path.Combine(_directory, "fake-plotly.js");
        File.WriteAllText(bundle, "window.Plotly = { fake: true }; /* </script> inside */");
        Environment.SetEnvironmentVariable(PlotlyScript.EnvironmentVariable, bundle);
        string page = Path.Combine(_directory, "page.html");

        Sample.SaveHtml(page);

        string html = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<script>window.Plotly = { fake: true }; /* <\\/script> inside */</script>", html);
        Assert.DoesNotContain(PlotlyScript.CdnUrl, html);
        Assert.Contains("var figure = " + Sample.ToJson() + ";", html);
        Assert.Contains("Plotly.newPlot(\"chart\"", html);
        Assert.Contains("<title>A &lt;title&gt;</title>", html);
    }

    [Fact]
    public void Without_a_bundle_the_page_loads_the_pinned_cdn_script()
    {
        Environment.SetEnvironmentVariable(PlotlyScript.EnvironmentVariable, null);
        Directory.SetCurrentDirectory(_directory); // no node_modules above a fresh temp directory
        Assert.Null(PlotlyScript.Locate(_directory, null));
        string page = Path.Combine(_directory, "page.html");

        Sample.SaveHtml(page);

        string html = File.ReadAllText(page);
        Assert.Contains($"<script src=\"{PlotlyScript.CdnUrl}\" charset=\"utf-8\"></script>", html);
        Assert.Contains("var figure = " + Sample.ToJson() + ";", html);
    }

    [Fact]
    public void Locate_walks_up_to_node_modules_and_rejects_a_missing_override()
    {
        string bundleDirectory = Path.Combine(_directory, "node_modules", "plotly.js-dist-min");
        Directory.CreateDirectory(bundleDirectory);
        string bundle = Path.Combine(bundleDirectory, "plotly.min.js");
        File.WriteAllText(bundle, "//");
        string nested = Directory.CreateDirectory(Path.Combine(_directory, "a", "b")).FullName;
        Assert.Equal(bundle, PlotlyScript.Locate(nested, null));
        var e = Assert.Throws<FileNotFoundException>(() => PlotlyScript.Locate(nested, Path.Combine(_directory, "missing.js")));
        Assert.Contains(PlotlyScript.EnvironmentVariable, e.Message);
    }
}
