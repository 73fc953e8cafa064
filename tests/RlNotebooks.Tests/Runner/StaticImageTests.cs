using System.Text.Json.Nodes;
using RlNotebooks.Runner;
using RlNotebooks.Runner.Images;

namespace RlNotebooks.Tests.Runner;

public sealed class StaticImageTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly TestNotebooks _notebooks = new();

    public void Dispose() => _notebooks.Dispose();

    private string[] ChartNotebooks()
    {
        FixtureAssembly.Build(Path.Combine(_notebooks.Folder, "lib", "Fixture.dll"));
        return
        [
            _notebooks.Write("charts1.ipynb", "#r \"lib/Fixture.dll\"\ndisplay(new Fixture.Chart(\"one\", new[] { 1.0, 3.0, 2.0 }));\nnew Fixture.Chart(\"two\", new[] { 2.0, 1.0 })"),
            _notebooks.Write("charts2.ipynb", "#r \"lib/Fixture.dll\"\nnew Fixture.Chart(\"three\", new[] { 5.0 }).Display();"),
        ];
    }

    /// <summary>On a machine with Chromium and plotly.js every chart gets a PNG; without them the run still completes
    /// and says once how to enable images. Either way the assertion is real.</summary>
    [Fact]
    public async Task Plotly_outputs_get_a_png_when_chromium_and_plotly_are_present_and_a_single_notice_otherwise()
    {
        string[] paths = ChartNotebooks();
        StaticImageTools tools = StaticImageTools.Locate(null, Directory.GetCurrentDirectory(), RepositoryLocator.Find());

        RunResult result = await NotebookRunner.RunAsync(paths, _notebooks.Options(images: true));

        Assert.True(result.Succeeded);
        var bundles = paths.SelectMany(p => _notebooks.Executed(p)["cells"]!.AsArray())
            .SelectMany(c => c!["outputs"]!.AsArray()).Select(o => o!["data"]!.AsObject()).ToList();
        Assert.Equal(3, bundles.Count);
        if (tools.Available)
        {
            Assert.Empty(result.Notices);
            Assert.All(bundles, b =>
            {
                byte[] png = Convert.FromBase64String(b["image/png"]!.GetValue<string>());
                Assert.Equal(PngSignature, png[..8]);
                Assert.Equal(320, BigEndian(png, 16));
                Assert.Equal(240, BigEndian(png, 20));
            });
        }
        else
        {
            Assert.Equal(tools.SkipNotice(), Assert.Single(result.Notices));
            Assert.All(bundles, b => Assert.False(b.ContainsKey("image/png")));
        }
    }

    [Fact]
    public async Task Missing_chromium_skips_images_with_one_notice_naming_the_enabling_commands()
    {
        string[] paths = ChartNotebooks();

        RunResult result = await NotebookRunner.RunAsync(paths, _notebooks.Options(images: true) with { ChromiumPath = Path.Combine(_notebooks.Folder, "no-chromium") });

        Assert.True(result.Succeeded);
        string notice = Assert.Single(result.Notices);
        Assert.Contains("Chromium", notice);
        Assert.Contains("npm install", notice);
        Assert.Contains("apt-get install -y chromium", notice);
        Assert.DoesNotContain("image/png", File.ReadAllText(Path.Combine(_notebooks.Output, "charts1.ipynb")));
    }

    [Fact]
    public void Page_sizes_each_figure_from_its_layout_or_the_default()
    {
        var figures = new List<JsonNode>
        {
            JsonNode.Parse("{\"data\":[],\"layout\":{\"width\":300,\"height\":200}}")!,
            JsonNode.Parse("{\"data\":[{\"y\":[\"</script>\"]}]}")!,
        };

        string page = PlotlyPage.Build(figures, "/tmp/plotly.min.js");

        Assert.Contains("\"width\":300,\"height\":200", page);
        Assert.Contains($"\"width\":{PlotlyPage.DefaultWidth},\"height\":{PlotlyPage.DefaultHeight}", page);
        Assert.DoesNotContain("\"</script>\"", page);
        Assert.Contains("file:///tmp/plotly.min.js", page);
    }

    private static int BigEndian(byte[] bytes, int offset) =>
        (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
}
