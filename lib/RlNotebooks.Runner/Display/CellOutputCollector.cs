using System.Text;
using RlNotebooks.Runner.Notebooks;

namespace RlNotebooks.Runner.Display;

/// <summary>Collects one cell's outputs in the order they happen: console text is merged into stream outputs,
/// displays become display_data entries that a <see cref="Scripting.DisplayHandle"/> can replace in place.
/// After <see cref="Close"/> (the cell finished or was abandoned) further writes are ignored.</summary>
public sealed class CellOutputCollector
{
    private readonly List<CellOutput> _outputs;
    private readonly Action<string>? _textUpdated;
    private readonly Lock _gate = new();
    private readonly StringBuilder _pending = new();
    private string? _pendingStream;
    private bool _closed;
    private bool _final;

    /// <summary>Collects into <paramref name="outputs"/> (the cell's output list); <paramref name="textUpdated"/> hears
    /// every text value a display is updated to (the runner prints it as a compact progress line).</summary>
    public CellOutputCollector(List<CellOutput> outputs, Action<string>? textUpdated = null)
    {
        _outputs = outputs;
        _textUpdated = textUpdated;
    }

    /// <summary>Appends console text to the <c>stdout</c> or <c>stderr</c> stream.</summary>
    public void WriteStream(string stream, ReadOnlySpan<char> text)
    {
        lock (_gate)
        {
            if (_closed || text.IsEmpty) return;
            if (_pendingStream != stream) FlushPending();
            _pendingStream = stream;
            _pending.Append(text);
        }
    }

    /// <summary>Adds a display_data output; returns its position for later updates.</summary>
    public int AddDisplay(MimeBundle data)
    {
        lock (_gate)
        {
            if (_closed) return -1;
            FlushPending();
            _outputs.Add(new DisplayDataOutput(data));
            return _outputs.Count - 1;
        }
    }

    /// <summary>Replaces the display at <paramref name="index"/> with <paramref name="value"/> formatted as
    /// <paramref name="data"/>; ignored once the notebook's outputs are final. A string value is also reported as a text update.</summary>
    public void ReplaceDisplay(int index, MimeBundle data, object? value)
    {
        lock (_gate)
        {
            if (index < 0 || index >= _outputs.Count || _outputs[index] is not DisplayDataOutput || _final) return;
            _outputs[index] = new DisplayDataOutput(data);
        }

        if (value is string text) _textUpdated?.Invoke(text);
    }

    /// <summary>Adds the execute_result or error output that ends the cell.</summary>
    public void AddFinal(CellOutput output)
    {
        lock (_gate)
        {
            if (_closed) return;
            FlushPending();
            _outputs.Add(output);
        }
    }

    /// <summary>Stops accepting console text and new displays from this cell (handles may still update until <see cref="Seal"/>).</summary>
    public void Close()
    {
        lock (_gate)
        {
            FlushPending();
            _closed = true;
        }
    }

    /// <summary>Freezes the outputs: nothing, not even a handle update from a later cell, changes them any more.</summary>
    public void Seal()
    {
        lock (_gate)
        {
            FlushPending();
            _closed = true;
            _final = true;
        }
    }

    private void FlushPending()
    {
        if (_pendingStream is null) return;
        _outputs.Add(new StreamOutput(_pendingStream, _pending.ToString()));
        _pending.Clear();
        _pendingStream = null;
    }
}
