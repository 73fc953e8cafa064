using System.Text;
using System.Text.Json.Nodes;

namespace RlNotebooks.Runner.Kernel;

/// <summary>
/// How a notebook's process talks to the runner: one JSON object per line on its stdout, after <see cref="Marker"/>
/// (other stdout lines, e.g. from native code, are ignored). Messages, by <c>kind</c>:
/// <c>start</c> {cell} before a code cell runs; <c>cell</c> {cell, outputs, failure} when it finished;
/// <c>update</c> {cell, output, data} when a display of an earlier cell changed; <c>progress</c> {text} for a text
/// update of a display; <c>done</c> {peakMemory} after the last cell. Cells are 1-based among all cells.
/// A process that ends without <c>done</c> failed, whatever its exit code.
/// </summary>
internal sealed class ChildProtocol(Stream output)
{
    /// <summary>The hidden first argument that starts the runner as a notebook's process.</summary>
    public const string Flag = "--notebook-process";

    /// <summary>Starts every protocol line (record separator + tag).</summary>
    public const string Marker = "\u001eRLNB ";

    private readonly Lock _gate = new();

    /// <summary>Writes one message and flushes, so the parent keeps it even if the process dies right after.</summary>
    public void Send(string kind, JsonObject message)
    {
        message["kind"] = kind;
        byte[] line = Encoding.UTF8.GetBytes(Marker + message.ToJsonString() + "\n");
        lock (_gate)
        {
            output.Write(line);
            output.Flush();
        }
    }

    public static JsonObject? Parse(string line) =>
        line.StartsWith(Marker, StringComparison.Ordinal) ? JsonNode.Parse(line.AsSpan(Marker.Length).ToString()) as JsonObject : null;
}
