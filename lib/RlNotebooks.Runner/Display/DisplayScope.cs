using RlNotebooks.Runner.Scripting;

namespace RlNotebooks.Runner.Display;

/// <summary>The output collector of the cell running on the current async flow. It is an <see cref="AsyncLocal{T}"/>,
/// so concurrently running notebooks (and the runner's own console) never see each other's cells.</summary>
public static class DisplayScope
{
    private static readonly AsyncLocal<CellOutputCollector?> CurrentCell = new();

    /// <summary>The collector of the executing cell, or null outside a cell.</summary>
    public static CellOutputCollector? Current
    {
        get => CurrentCell.Value;
        internal set => CurrentCell.Value = value;
    }

    /// <summary>Displays <paramref name="value"/> in the executing cell.</summary>
    /// <exception cref="InvalidOperationException">Called outside a notebook cell.</exception>
    public static DisplayHandle Show(object? value)
    {
        CellOutputCollector cell = Current
            ?? throw new InvalidOperationException("display(…) / .Display() only work inside a notebook cell run by RlNotebooks.Runner.");
        return new DisplayHandle(cell, cell.AddDisplay(DisplayFormatter.Format(value)));
    }
}
