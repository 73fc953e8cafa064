using RlNotebooks.Runner.Display;

namespace RlNotebooks.Runner.Scripting;

/// <summary>The globals object of every notebook script: its members are in scope in each cell, as in .NET Interactive.</summary>
public sealed class NotebookGlobals
{
    /// <summary>Shows <paramref name="value"/> as a display_data output of the current cell with every MIME type its
    /// formatters produce; the handle's <see cref="DisplayHandle.Update"/> replaces it in place.</summary>
#pragma warning disable IDE1006 // the .NET Interactive name is lower-case
    public DisplayHandle display(object? value) => DisplayScope.Show(value);
#pragma warning restore IDE1006
}
