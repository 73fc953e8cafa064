using System.Text.Json.Nodes;
using RlNotebooks.Runner.Notebooks;

namespace RlNotebooks.Runner.Images;

/// <summary>Adds an <c>image/png</c> rendering next to every <c>application/vnd.plotly.v1+json</c> output, so executed
/// notebooks show charts on GitHub and in viewers without JavaScript.</summary>
public static class StaticImages
{
    /// <summary>The plotly MIME type.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>Renders every plotly bundle of the <paramref name="written"/> notebooks in batches, adds <c>image/png</c>
    /// (base64) and writes the notebooks again; returns the notices for the user (missing tools, problems met).</summary>
    internal static async Task<IReadOnlyList<string>> AddAsync(
        IReadOnlyList<(Notebook Notebook, string Path)> written, RunnerOptions options, string root, IRunObserver? observer, CancellationToken cancellationToken)
    {
        var bundles = written.SelectMany(w => w.Notebook.Cells).SelectMany(c => c.Outputs)
            .Select(o => o["data"]).OfType<JsonObject>().Where(b => b.ContainsKey(PlotlyMimeType)).ToList();
        if (bundles.Count == 0) return [];
        StaticImageTools tools = StaticImageTools.Locate(options.ChromiumPath, Directory.GetCurrentDirectory(), root);
        if (!tools.Available) return [tools.SkipNotice()];

        observer?.RenderingImages(bundles.Count);
        var renderer = new ChromiumRenderer(tools.ChromiumPath!, tools.PlotlyJsPath!);
        var notices = new List<string>();
        try
        {
            foreach (JsonObject[] batch in bundles.Chunk(ChromiumRenderer.BatchSize))
            {
                (byte[]?[] images, string? problem) = await renderer.RenderAsync(batch.Select(b => b[PlotlyMimeType]!).ToArray(), cancellationToken).ConfigureAwait(false);
                for (int i = 0; i < batch.Length; i++)
                {
                    if (images[i] is { } png) batch[i]["image/png"] = Convert.ToBase64String(png);
                }

                if (problem is not null) notices.Add($"Static chart images: {problem}");
            }
        }
        catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return [$"Static chart images failed: {e.Message}"];
        }

        foreach ((Notebook notebook, string path) in written) NotebookWriter.Write(notebook, path);
        return notices;
    }
}
