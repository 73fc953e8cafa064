namespace RlNotebooks.Runner.Images;

/// <summary>Where the headless browser and plotly.js are, or the one-time notice saying how to get them.</summary>
/// <param name="ChromiumPath">The Chromium executable, or null when missing.</param>
/// <param name="PlotlyJsPath">plotly.min.js, or null when missing.</param>
public sealed record StaticImageTools(string? ChromiumPath, string? PlotlyJsPath)
{
    /// <summary>Both tools were found.</summary>
    public bool Available => ChromiumPath is not null && PlotlyJsPath is not null;

    /// <summary>Finds Chromium (explicit path, used as given even if missing; else env <c>CHROMIUM</c>, <c>/usr/bin/chromium</c>,
    /// <c>chromium</c>/<c>chromium-browser</c> on PATH) and plotly.js (env <c>PLOTLY_JS</c>, else
    /// <c>node_modules/plotly.js-dist-min/plotly.min.js</c> in <paramref name="searchFrom"/> folders or any of their parents).</summary>
    public static StaticImageTools Locate(string? chromium, params string[] searchFrom)
    {
        string? browser = chromium is not null
            ? Existing(chromium)
            : Existing(Environment.GetEnvironmentVariable("CHROMIUM")) ?? Existing("/usr/bin/chromium") ?? OnPath("chromium") ?? OnPath("chromium-browser");
        string? plotly = Existing(Environment.GetEnvironmentVariable("PLOTLY_JS")) ?? searchFrom
            .Select(folder => RepositoryLocator.FindAbove(folder, Path.Combine("node_modules", "plotly.js-dist-min", "plotly.min.js")))
            .FirstOrDefault(p => p is not null);
        return new StaticImageTools(browser, plotly);
    }

    /// <summary>The message printed once when images are skipped, naming what is missing and the commands that fix it.</summary>
    public string SkipNotice()
    {
        var missing = new List<string>();
        if (ChromiumPath is null) missing.Add("Chromium (set CHROMIUM or install /usr/bin/chromium)");
        if (PlotlyJsPath is null) missing.Add("plotly.js (set PLOTLY_JS or run npm install at the repository root)");
        return $"Static chart images (image/png) skipped: {string.Join(" and ", missing)} not found. Enable them with:\n" +
            "npm install   # at the repository root (package.json pins plotly.js-dist-min)\nsudo apt-get install -y chromium";
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static string? Existing(string? path) => !string.IsNullOrWhiteSpace(path) && File.Exists(path) ? Path.GetFullPath(path) : null;
}
