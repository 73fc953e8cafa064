namespace RlNotebooks.Runner.Execution;

/// <summary>Checks that a cell's <c>#r "path.dll"</c> files exist before anything runs, with the fix in the message.</summary>
public static class ReferenceCheck
{
    /// <summary>The command that builds the library the lecture notebooks reference.</summary>
    public const string BuildLibraryCommand = "dotnet build lib/RlNotebooks -c Release";

    /// <summary>The message for the first missing file among <paramref name="references"/>, or null when all exist.
    /// Paths resolve against <paramref name="notebookDirectory"/>; bare assembly names (no folder, no .dll) are left to the compiler.</summary>
    public static string? FirstMissing(IEnumerable<string> references, string notebookDirectory)
    {
        foreach (string reference in references)
        {
            bool isFile = reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || reference.Contains('/') || reference.Contains('\\');
            if (!isFile) continue;
            string full = Path.GetFullPath(Path.Combine(notebookDirectory, reference.Replace('\\', Path.DirectorySeparatorChar)));
            if (File.Exists(full)) continue;
            string fix = Path.GetFileName(full).Equals("RlNotebooks.dll", StringComparison.OrdinalIgnoreCase)
                ? $"Build the library first: {BuildLibraryCommand}"
                : "Build or copy the assembly there, or fix the path (it is relative to the notebook's folder).";
            return $"#r \"{reference}\": file not found at {full}. {fix}";
        }

        return null;
    }
}
