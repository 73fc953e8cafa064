namespace RlNotebooks.Runner;

/// <summary>Expands the command line's paths and globs into notebook files.</summary>
public static class NotebookPaths
{
    /// <summary>Files for <paramref name="patterns"/>, each relative to <paramref name="baseDirectory"/>: a file, a folder
    /// (its <c>*.ipynb</c>), or a glob with <c>*</c>/<c>?</c> in the file name and optionally <c>**</c> for "any
    /// sub-folder". No patterns → every <c>*.ipynb</c> in <c>notebooks/</c> under <paramref name="repositoryRoot"/> (possibly none).
    /// Sorted by path within each pattern, duplicates removed.</summary>
    /// <exception cref="FileNotFoundException">A pattern matches nothing.</exception>
    /// <exception cref="DirectoryNotFoundException">No pattern and no notebooks folder.</exception>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> patterns, string baseDirectory, string repositoryRoot)
    {
        if (patterns.Count == 0)
        {
            string folder = Path.Combine(repositoryRoot, "notebooks");
            if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No notebooks folder at {folder}; pass notebook paths or run from the repository.");
            return Directory.EnumerateFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToList();
        }

        var files = new List<string>();
        foreach (string pattern in patterns)
        {
            string full = Path.GetFullPath(Path.Combine(baseDirectory, pattern));
            IEnumerable<string> matches = File.Exists(full) ? [full] : Directory.Exists(full) ? Directory.EnumerateFiles(full, "*.ipynb") : Glob(full);
            var sorted = matches.Order(StringComparer.Ordinal).ToList();
            if (sorted.Count == 0) throw new FileNotFoundException($"No notebook matches '{pattern}'.", pattern);
            files.AddRange(sorted.Where(f => !files.Contains(f)));
        }

        return files;
    }

    /// <summary>Where the executed copy of each of <paramref name="sources"/> (full paths) goes: the source itself when
    /// <paramref name="outputDirectory"/> is null (in place), else the same path relative to the sources' common folder,
    /// below <paramref name="outputDirectory"/>, so notebooks of the same name in different folders stay apart.
    /// Checked before anything runs: the output folder must not hold a source notebook, and must be writable.</summary>
    /// <exception cref="ArgumentException">The output folder is a source folder, or cannot be created or written.</exception>
    public static IReadOnlyList<string> Outputs(IReadOnlyList<string> sources, string? outputDirectory)
    {
        if (outputDirectory is null || sources.Count == 0) return sources;
        string output = Path.TrimEndingDirectorySeparator(outputDirectory);
        var folders = sources.Select(s => Path.GetDirectoryName(s)!).ToList();
        if (folders.Contains(output, StringComparer.Ordinal))
        {
            throw new ArgumentException($"--output {output} is a folder of the source notebooks; executed copies would overwrite them. Use --in-place to mean that, or choose another folder.", nameof(outputDirectory));
        }

        string common = folders.Aggregate(CommonFolder);
        try
        {
            Directory.CreateDirectory(output);
            string probe = Path.Combine(output, $".rlnotebooks-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--output {output} cannot be written: {e.Message}", nameof(outputDirectory), e);
        }

        return sources.Select(s => Path.Combine(output, Path.GetRelativePath(common, s))).ToList();
    }

    /// <summary>The deepest folder holding both folders.</summary>
    private static string CommonFolder(string a, string b)
    {
        while (Path.GetRelativePath(a, b).Split(Path.DirectorySeparatorChar)[0] == "..") a = Path.GetDirectoryName(a) ?? "/";
        return a;
    }

    /// <summary>Files matching <c>folder/pattern</c> or, recursively, <c>folder/**/pattern</c>; wildcards in folders match nothing.</summary>
    private static IEnumerable<string> Glob(string fullPattern)
    {
        string directory = Path.GetDirectoryName(fullPattern)!;
        bool recursive = Path.GetFileName(directory) == "**";
        if (recursive) directory = Path.GetDirectoryName(directory)!;
        if (directory.Contains('*') || directory.Contains('?') || !Directory.Exists(directory)) return [];
        return Directory.EnumerateFiles(directory, Path.GetFileName(fullPattern), recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly);
    }
}
