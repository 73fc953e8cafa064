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
            IEnumerable<string> matches;
            if (File.Exists(full)) matches = [full];
            else if (Directory.Exists(full)) matches = Directory.EnumerateFiles(full, "*.ipynb");
            else matches = Glob(full);

            var sorted = matches.Order(StringComparer.Ordinal).ToList();
            if (sorted.Count == 0) throw new FileNotFoundException($"No notebook matches '{pattern}'.", pattern);
            files.AddRange(sorted.Where(f => !files.Contains(f)));
        }

        return files;
    }

    private static IEnumerable<string> Glob(string fullPattern)
    {
        string fileName = Path.GetFileName(fullPattern);
        string directory = Path.GetDirectoryName(fullPattern)!;
        bool recursive = false;
        if (Path.GetFileName(directory) == "**")
        {
            recursive = true;
            directory = Path.GetDirectoryName(directory)!;
        }

        if (directory.Contains('*') || directory.Contains('?') || !Directory.Exists(directory)) return [];
        return Directory.EnumerateFiles(directory, fileName, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly);
    }
}
