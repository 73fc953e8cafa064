namespace RlNotebooks.Runner.Notebooks;

/// <summary>The file is not a runnable notebook: invalid JSON, not nbformat 4, or not a C# notebook.</summary>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public NotebookFormatException(string path, string reason, Exception? inner = null)
        : base($"{System.IO.Path.GetFileName(path)}: {reason}", inner)
    {
        NotebookPath = path;
        Reason = reason;
    }

    /// <summary>The offending file.</summary>
    public string NotebookPath { get; }

    /// <summary>What is wrong, without the file name.</summary>
    public string Reason { get; }
}
