namespace RlNotebooks.Runner.Notebooks;

/// <summary>The file is not a runnable notebook: invalid JSON, not nbformat 4, or not a C# notebook.</summary>
/// <param name="path">The offending file (its name starts the message).</param>
/// <param name="reason">What is wrong.</param>
/// <param name="inner">The underlying error, if any.</param>
public sealed class NotebookFormatException(string path, string reason, Exception? inner = null)
    : Exception($"{System.IO.Path.GetFileName(path)}: {reason}", inner);
