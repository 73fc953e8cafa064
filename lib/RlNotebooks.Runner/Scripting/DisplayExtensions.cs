using RlNotebooks.Runner.Display;

namespace RlNotebooks.Runner.Scripting;

/// <summary><c>x.Display()</c>, imported into every notebook script.</summary>
public static class DisplayExtensions
{
    /// <summary>Shows <paramref name="value"/> in the current cell (same as <c>display(value)</c>).</summary>
    public static DisplayHandle Display(this object? value) => DisplayScope.Show(value);
}
