using System.Text.Json.Nodes;
using RlNotebooks.Runner.Notebooks;

namespace RlNotebooks.Runner.Images;

/// <summary>Adds an <c>image/png</c> rendering next to every <c>application/vnd.plotly.v1+json</c> output, so executed
/// notebooks show charts on GitHub and in viewers without JavaScript.</summary>
public static class StaticImages
{
    /// <summary>The plotly MIME type.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>The MIME bundles (<c>data</c> objects) in <paramref name="notebooks"/> that carry a plotly figure.</summary>
    public static List<JsonObject> PlotlyBundles(IEnumerable<Notebook> notebooks) =>
        notebooks.SelectMany(n => n.Cells).SelectMany(c => c.Outputs)
            .Select(o => o["data"] as JsonObject)
            .Where(b => b is not null && b.ContainsKey(PlotlyMimeType))
            .Select(b => b!)
            .ToList();

    /// <summary>Renders every plotly bundle of <paramref name="notebooks"/> in batches and adds <c>image/png</c>
    /// (base64); returns the problems met (empty on success).</summary>
    public static async Task<IReadOnlyList<string>> AddAsync(IEnumerable<Notebook> notebooks, StaticImageTools tools, CancellationToken cancellationToken = default)
    {
        List<JsonObject> bundles = PlotlyBundles(notebooks);
        if (bundles.Count == 0) return [];
        if (!tools.Available) throw new InvalidOperationException(tools.SkipNotice());

        var renderer = new ChromiumRenderer(tools.ChromiumPath!, tools.PlotlyJsPath!);
        (IReadOnlyList<byte[]?> images, IReadOnlyList<string> problems) =
            await renderer.RenderAsync(bundles.Select(b => b[PlotlyMimeType]!).ToList(), cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < bundles.Count; i++)
        {
            if (images[i] is { } png) bundles[i]["image/png"] = Convert.ToBase64String(png);
        }

        return problems;
    }
}
