using System.Text.Json.Nodes;

namespace RlNotebooks.Runner.Images;

/// <summary>The HTML page that turns plotly figures into PNG data URLs with <c>Plotly.toImage</c> (static, no
/// animation) and writes them into the DOM as <c>&lt;pre id="png-i"&gt;</c>, then a <c>&lt;pre id="done"&gt;</c> marker.</summary>
public static class PlotlyPage
{
    /// <summary>Size used when a figure's layout has no width/height.</summary>
    public const int DefaultWidth = 700, DefaultHeight = 500;

    /// <summary>The page for <paramref name="figures"/> (plotly JSON objects with data/layout).</summary>
    public static string Build(IReadOnlyList<JsonNode> figures, string plotlyJsPath)
    {
        var specs = new JsonArray();
        foreach (JsonNode figure in figures)
        {
            JsonObject layout = figure["layout"] is JsonObject l ? (JsonObject)l.DeepClone() : [];
            int width = Size(layout["width"], DefaultWidth), height = Size(layout["height"], DefaultHeight);
            (layout["width"], layout["height"]) = (width, height);
            specs.Add(new JsonObject { ["data"] = figure["data"]?.DeepClone() ?? new JsonArray(), ["layout"] = layout, ["width"] = width, ["height"] = height });
        }

        // "</" inside the JSON would end the script element early.
        string json = specs.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
        return $$"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><script src="{{new Uri(plotlyJsPath).AbsoluteUri}}"></script></head><body><div id="out"></div><script id="figures" type="application/json">{{json}}</script><script>
            (async () => {
              const out = document.getElementById('out');
              const put = (id, text) => { const p = document.createElement('pre'); p.id = id; p.textContent = text; out.appendChild(p); };
              const figures = JSON.parse(document.getElementById('figures').textContent);
              for (let i = 0; i < figures.length; i++) {
                const f = figures[i];
                try {
                  put('png-' + i, await Plotly.toImage({ data: f.data, layout: f.layout, config: { staticPlot: true } },
                                                     { format: 'png', width: f.width, height: f.height }));
                } catch (e) { put('err-' + i, String(e && e.message || e)); }
              }
              put('done', String(figures.length));
            })();
            </script></body></html>
            """;
    }

    private static int Size(JsonNode? node, int fallback) =>
        node is JsonValue v && v.TryGetValue(out double d) && d is >= 10 and <= 10000 ? (int)Math.Round(d, MidpointRounding.AwayFromZero) : fallback;
}
