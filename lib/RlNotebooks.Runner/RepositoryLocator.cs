namespace RlNotebooks.Runner;

/// <summary>Finds the repository root: the nearest folder holding <c>RlNotebooks.sln</c>.</summary>
public static class RepositoryLocator
{
    /// <summary>The solution file that marks the root.</summary>
    public const string Marker = "RlNotebooks.sln";

    /// <summary>The root above <paramref name="start"/> (inclusive), or null.</summary>
    public static string? FindFrom(string start) => Path.GetDirectoryName(FindAbove(start, Marker));

    /// <summary>The root above the current directory, else above the running assembly, else the current directory.</summary>
    public static string Find() =>
        FindFrom(Directory.GetCurrentDirectory()) ?? FindFrom(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();

    /// <summary>The file <paramref name="relativePath"/> in <paramref name="start"/> or the nearest folder above it that has it, or null.</summary>
    public static string? FindAbove(string start, string relativePath)
    {
        for (DirectoryInfo? dir = new(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }
}
