using RlNotebooks.Runner.Display;

namespace RlNotebooks.Runner.Scripting;

/// <summary>Returned by <c>display(x)</c>: <see cref="Update"/> replaces that display's output in place,
/// like .NET Interactive's <c>DisplayedValue.Update</c> (e.g. a progress line or a chart redrawn during training).</summary>
public sealed class DisplayHandle
{
    private readonly CellOutputCollector _cell;
    private readonly int _index;

    internal DisplayHandle(CellOutputCollector cell, int index)
    {
        _cell = cell;
        _index = index;
    }

    /// <summary>Replaces the displayed value with <paramref name="value"/>, formatted anew.</summary>
    public void Update(object? value) => _cell.ReplaceDisplay(_index, DisplayFormatter.Format(value), value);

    /// <inheritdoc />
    public override string ToString() => $"display #{_index}";
}
