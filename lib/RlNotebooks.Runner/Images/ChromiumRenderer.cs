using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RlNotebooks.Runner.Images;

/// <summary>Renders a batch of plotly figures to PNG in one headless Chromium launch: the page from <see cref="PlotlyPage"/> is loaded with a virtual-time budget (Chromium fast-forwards timers and waits for
/// the asynchronous <c>Plotly.toImage</c> calls) and the DOM is dumped and scanned for the data URLs.</summary>
internal sealed partial class ChromiumRenderer(string chromiumPath, string plotlyJsPath)
{
    /// <summary>Figures per Chromium launch.</summary>
    public const int BatchSize = 40;

    private static readonly TimeSpan LaunchTimeout = TimeSpan.FromMinutes(3);

    /// <summary>PNG bytes per figure of one batch (null for a figure plotly could not draw) and the problem met, if any.</summary>
    public async Task<(byte[]?[] Images, string? Problem)> RenderAsync(JsonNode[] figures, CancellationToken cancellationToken)
    {
        string work = Directory.CreateTempSubdirectory("rlnotebooks-png-").FullName;
        try
        {
            string page = Path.Combine(work, "figures.html");
            await File.WriteAllTextAsync(page, PlotlyPage.Build(figures, plotlyJsPath), cancellationToken).ConfigureAwait(false);
            (string dom, string stderr, int exitCode) = await LaunchAsync(page, Path.Combine(work, "profile"), figures.Length, cancellationToken).ConfigureAwait(false);
            var images = new byte[]?[figures.Length];
            foreach (Match match in PngPattern().Matches(dom))
            {
                int index = int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
                if (index < images.Length) images[index] = Convert.FromBase64String(match.Groups[2].Value);
            }

            if (!dom.Contains("<pre id=\"done\">", StringComparison.Ordinal))
            {
                string tail = stderr.Length > 400 ? stderr[^400..] : stderr;
                return (images, $"Chromium (exit code {exitCode}) did not finish drawing {figures.Length} chart(s): {tail.Trim()}");
            }

            Match error = ErrorPattern().Match(dom);
            return (images, error.Success ? $"plotly.js could not draw a chart: {System.Net.WebUtility.HtmlDecode(error.Groups[1].Value)}" : null);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<(string Dom, string Stderr, int ExitCode)> LaunchAsync(string page, string profile, int figures, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(chromiumPath,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
            $"--user-data-dir={profile}", $"--virtual-time-budget={30_000 + 5_000 * figures}", "--dump-dom", new Uri(page).AbsoluteUri,
        ]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {chromiumPath}.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken), stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(LaunchTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Chromium did not finish within {LaunchTimeout.TotalSeconds} s.");
        }

        return (await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), process.ExitCode);
    }

    [GeneratedRegex("<pre id=\"png-(\\d+)\">data:image/png;base64,([A-Za-z0-9+/=]+)</pre>")]
    private static partial Regex PngPattern();

    [GeneratedRegex("<pre id=\"err-\\d+\">([^<]*)</pre>")]
    private static partial Regex ErrorPattern();
}
