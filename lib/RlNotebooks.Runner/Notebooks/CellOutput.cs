using System.Text.Json.Nodes;

namespace RlNotebooks.Runner.Notebooks;

/// <summary>One entry of a code cell's <c>outputs</c> array (nbformat 4).</summary>
public abstract record CellOutput
{
    /// <summary>The nbformat <c>output_type</c>: stream, display_data, execute_result or error.</summary>
    public abstract string OutputType { get; }
}

/// <summary>Text written to stdout or stderr while the cell ran.</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The captured text.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput
{
    /// <inheritdoc />
    public override string OutputType => "stream";
}

/// <summary>A value shown with <c>display(x)</c> or <c>x.Display()</c>, one representation per MIME type.</summary>
/// <param name="Data">MIME type → representation (a JSON string, or a JSON object for <c>*json</c> types).</param>
public sealed record DisplayDataOutput(MimeBundle Data) : CellOutput
{
    /// <inheritdoc />
    public override string OutputType => "display_data";
}

/// <summary>The value of the cell's trailing expression.</summary>
/// <param name="ExecutionCount">The cell's execution count.</param>
/// <param name="Data">MIME type → representation.</param>
public sealed record ExecuteResultOutput(int ExecutionCount, MimeBundle Data) : CellOutput
{
    /// <inheritdoc />
    public override string OutputType => "execute_result";
}

/// <summary>The compile error, exception or time-out that stopped the notebook.</summary>
/// <param name="EName">Exception type name (e.g. <c>CompilationError</c>, <c>System.InvalidOperationException</c>).</param>
/// <param name="EValue">The message.</param>
/// <param name="Traceback">Lines of the trace.</param>
public sealed record ErrorOutput(string EName, string EValue, IReadOnlyList<string> Traceback) : CellOutput
{
    /// <inheritdoc />
    public override string OutputType => "error";
}

/// <summary>An ordered MIME bundle: MIME type → JSON value, as stored in <c>data</c> of display outputs.</summary>
public sealed class MimeBundle
{
    private readonly List<KeyValuePair<string, JsonNode>> _entries = [];

    /// <summary>The representations in insertion order.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode>> Entries => _entries;

    /// <summary>Adds or replaces the representation for <paramref name="mimeType"/>.</summary>
    public MimeBundle Set(string mimeType, JsonNode value)
    {
        int index = _entries.FindIndex(e => e.Key == mimeType);
        var entry = new KeyValuePair<string, JsonNode>(mimeType, value);
        if (index >= 0) _entries[index] = entry;
        else _entries.Add(entry);
        return this;
    }

    /// <summary>True when a representation for <paramref name="mimeType"/> exists.</summary>
    public bool Contains(string mimeType) => _entries.Exists(e => e.Key == mimeType);

    /// <summary>The representation for <paramref name="mimeType"/>, or null.</summary>
    public JsonNode? this[string mimeType] => _entries.Find(e => e.Key == mimeType).Value;
}
