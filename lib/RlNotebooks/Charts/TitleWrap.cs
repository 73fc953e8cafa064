namespace RlNotebooks.Charts;

/// <summary>
/// Line breaks for figure titles. plotly.js draws a title on one line and cuts it off at the figure's edge, so a title
/// longer than the figure is wide would lose its end in a static PNG; breaking it at spaces (plotly's <c>&lt;br&gt;</c>)
/// keeps every word visible.
/// </summary>
internal static class TitleWrap
{
    /// <summary>Average width of one character of plotly's 17 px title font, in pixels (about 0.55 em, slightly generous).</summary>
    private const int PixelsPerCharacter = 9;

    /// <summary>
    /// The lines of <paramref name="title"/> for a figure <paramref name="widthPixels"/> wide: words are kept whole and
    /// joined greedily while a line fits; a single word longer than a line stays on a line of its own.
    /// </summary>
    public static IReadOnlyList<string> Lines(string title, int widthPixels)
    {
        int maxCharacters = Math.Max(20, widthPixels / PixelsPerCharacter);
        var lines = new List<string>();
        string line = string.Empty;
        foreach (string word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > maxCharacters)
            {
                lines.Add(line);
                line = string.Empty;
            }

            line = line.Length == 0 ? word : line + " " + word;
        }

        lines.Add(line);
        return lines;
    }
}
