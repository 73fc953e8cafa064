using System.Net;

namespace RlNotebooks.Charts;

public sealed partial class Chart
{
    private static int _fragments;

    /// <summary>
    /// Writes a standalone HTML page that draws this chart with plotly.js: the bundle is embedded inline when
    /// <see cref="PlotlyScript.Locate"/> finds one (env <c>PLOTLY_JS</c>, or <c>node_modules/plotly.js-dist-min/plotly.min.js</c>
    /// walking up from the current directory); otherwise the page loads <see cref="PlotlyScript.CdnUrl"/> (plotly.js 2.35.2).
    /// </summary>
    /// <param name="path">File to create or overwrite (UTF-8).</param>
    public void SaveHtml(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllText(path, ToHtmlPage(PlotlyScript.ScriptElement()));
    }

    /// <summary>The standalone page, with <paramref name="plotlyScriptElement"/> as the script element that defines <c>Plotly</c>.</summary>
    internal string ToHtmlPage(string plotlyScriptElement) => $$"""
        <!DOCTYPE html>
        <html>
        <head>
        <meta charset="utf-8">
        <title>{{WebUtility.HtmlEncode(_title ?? "Chart")}}</title>
        {{plotlyScriptElement}}
        </head>
        <body style="margin:0">
        <div id="chart" style="width:100%;height:100vh"></div>
        <script>
        var figure = {{ToJson()}};
        Plotly.newPlot("chart", figure.data, figure.layout, { responsive: true });
        </script>
        </body>
        </html>
        """;

    /// <summary>
    /// An HTML fragment (a div and a script) that draws the chart inside a notebook output: it uses an already loaded
    /// <c>Plotly</c>, else RequireJS when the frontend has it (classic Jupyter), else adds a script element for
    /// <see cref="PlotlyScript.CdnUrl"/>. The element id is derived from the figure's JSON and how many fragments this
    /// process drew before (one page may show the same chart twice), so re-executing a notebook writes identical output.
    /// </summary>
    internal string ToHtmlFragment()
    {
        string json = ToJson();
        string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)))[..16];
        string id = $"rl-chart-{hash}-{Interlocked.Increment(ref _fragments)}";
        string cdnWithoutExtension = PlotlyScript.CdnUrl[..^".js".Length];
        return $$"""
            <div id="{{id}}" style="width:100%"></div>
            <script type="text/javascript">
            (function () {
              var figure = {{json}};
              function draw(plotly) { plotly.newPlot("{{id}}", figure.data, figure.layout, { responsive: true }); }
              if (window.Plotly) {
                draw(window.Plotly);
              } else if (typeof require === "function" && typeof require.config === "function") {
                require.config({ paths: { plotly: "{{cdnWithoutExtension}}" } });
                require(["plotly"], draw);
              } else {
                var script = document.createElement("script");
                script.src = "{{PlotlyScript.CdnUrl}}";
                script.onload = function () { draw(window.Plotly); };
                document.head.appendChild(script);
              }
            })();
            </script>
            """;
    }
}
