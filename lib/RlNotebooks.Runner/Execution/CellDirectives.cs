namespace RlNotebooks.Runner.Execution;

/// <summary>The preprocessor-style lines of one C# cell that the runner must look at before executing it.</summary>
/// <param name="References">Paths of <c>#r "path"</c> assembly references, as written.</param>
/// <param name="Unsupported">The first directive the runner cannot honour (a <c>#!</c> magic, <c>#r "nuget:…"</c>,
/// <c>#i</c>), with its 1-based line; null when every directive is supported.</param>
public sealed record CellDirectives(IReadOnlyList<string> References, UnsupportedDirective? Unsupported)
{
    /// <summary>Scans a cell's source line by line.</summary>
    public static CellDirectives Parse(string source)
    {
        var references = new List<string>();
        string[] lines = source.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                string magic = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];
                return new CellDirectives(references, new UnsupportedDirective(i + 1, magic, $"the .NET Interactive magic command '{magic}' is not supported by the headless runner (C# cells only)"));
            }

            if (line.StartsWith("#i ", StringComparison.Ordinal) || line == "#i")
            {
                return new CellDirectives(references, new UnsupportedDirective(i + 1, line, "'#i' package sources are not supported: reference built assemblies with #r \"path.dll\""));
            }

            if (!line.StartsWith("#r", StringComparison.Ordinal)) continue;
            string? path = QuotedArgument(line[2..]);
            if (path is null) continue;
            if (path.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
            {
                return new CellDirectives(references, new UnsupportedDirective(i + 1, line, "'#r \"nuget:…\"' package references are not supported: reference built assemblies with #r \"path.dll\""));
            }

            references.Add(path);
        }

        return new CellDirectives(references, null);
    }

    private static string? QuotedArgument(string rest)
    {
        string trimmed = rest.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '"') return null;
        int close = trimmed.IndexOf('"', 1);
        return close < 0 ? null : trimmed[1..close];
    }
}

/// <summary>A directive the runner refuses, found before anything of the cell ran.</summary>
/// <param name="Line">1-based line within the cell.</param>
/// <param name="Directive">The directive as written (e.g. <c>#!fsharp</c>).</param>
/// <param name="Reason">Why it is refused and what to do instead.</param>
public sealed record UnsupportedDirective(int Line, string Directive, string Reason);
