namespace RlNotebooks.Charts;

/// <summary>
/// Finds the plotly.js bundle for standalone pages. Order: the file named by the environment variable
/// <c>PLOTLY_JS</c> (if set, it must exist); else the first <c>node_modules/plotly.js-dist-min/plotly.min.js</c>
/// found walking up from the start directory; else none, and pages load <see cref="CdnUrl"/> instead.
/// </summary>
public static class PlotlyScript
{
    /// <summary>
    /// Fallback when no local bundle is found: plotly.js 2.35.2, the last 2.x release, at the version-pinned address
    /// that plotly.js's README and "Getting started" page give for the CDN (<c>https://cdn.plot.ly/plotly-2.35.2.min.js</c>).
    /// A pinned version never changes under a notebook, unlike <c>plotly-latest</c>, which is frozen at 1.58.5.
    /// </summary>
    public const string CdnUrl = "https://cdn.plot.ly/plotly-2.35.2.min.js";

    /// <summary>Name of the environment variable that overrides the search with an explicit plotly.min.js path.</summary>
    public const string EnvironmentVariable = "PLOTLY_JS";

    private static readonly string RelativeBundlePath = Path.Combine("node_modules", "plotly.js-dist-min", "plotly.min.js");

    /// <summary>
    /// Path of the local plotly.js bundle, or null when there is none (use <see cref="CdnUrl"/>).
    /// </summary>
    /// <param name="startDirectory">Directory to start the upward search from (e.g. the current directory).</param>
    /// <param name="overridePath">Value of <c>PLOTLY_JS</c>; null or empty means "not set".</param>
    /// <exception cref="FileNotFoundException"><paramref name="overridePath"/> is set but no such file exists.</exception>
    public static string? Locate(string startDirectory, string? overridePath)
    {
        if (!string.IsNullOrEmpty(overridePath))
        {
            return File.Exists(overridePath)
                ? Path.GetFullPath(overridePath)
                : throw new FileNotFoundException($"{EnvironmentVariable} points to '{overridePath}', which does not exist.", overridePath);
        }

        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, RelativeBundlePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The <c>&lt;script&gt;</c> element for a standalone page: the bundle inline when <see cref="Locate"/> finds one
    /// from the current directory and <c>PLOTLY_JS</c>, otherwise a reference to <see cref="CdnUrl"/>.
    /// </summary>
    public static string ScriptElement()
    {
        string? path = Locate(Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable(EnvironmentVariable));
        return path is null
            ? $"<script src=\"{CdnUrl}\" charset=\"utf-8\"></script>"
            : "<script>" + File.ReadAllText(path).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) + "</script>";
    }
}
