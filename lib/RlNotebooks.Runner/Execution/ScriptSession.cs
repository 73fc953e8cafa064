using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using RlNotebooks.Runner.Display;
using RlNotebooks.Runner.Scripting;

namespace RlNotebooks.Runner.Execution;

/// <summary>One notebook's C# script session: the first cell starts it, every later cell continues it, so
/// variables, types and <c>using</c>s carry from cell to cell and never to another notebook.</summary>
public sealed class ScriptSession
{
    private readonly ScriptEnvironment _environment;
    private readonly string _notebookDirectory;
    private readonly NotebookGlobals _globals = new();
    private ScriptState<object>? _state;

    /// <summary>Creates an empty session for a notebook in <paramref name="notebookDirectory"/>.</summary>
    public ScriptSession(ScriptEnvironment environment, string notebookDirectory)
    {
        _environment = environment;
        _notebookDirectory = notebookDirectory;
    }

    /// <summary>Compiles and runs one cell; returns the value of its trailing expression (null when there is none).
    /// <paramref name="cellPath"/> is the file name compiled into the cell's debug information (used for line numbers).</summary>
    /// <exception cref="CompilationErrorException">The cell does not compile.</exception>
    public async Task<object?> RunAsync(string code, string cellPath, CancellationToken cancellationToken)
    {
        ScriptOptions options = _environment.OptionsFor(_notebookDirectory, cellPath);
        _state = _state is null
            ? await CSharpScript.RunAsync(code, options, _globals, typeof(NotebookGlobals), cancellationToken).ConfigureAwait(false)
            : await _state.ContinueWithAsync(code, options, cancellationToken).ConfigureAwait(false);
        return _state.ReturnValue;
    }
}
