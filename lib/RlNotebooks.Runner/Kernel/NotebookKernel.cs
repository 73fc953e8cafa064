using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace RlNotebooks.Runner.Kernel;

/// <summary>
/// The .NET Interactive C# kernel as VS Code's Polyglot extension and the Jupyter <c>.net-csharp</c> kernel host it:
/// a <see cref="CSharpKernel"/> with <c>#r "nuget: …"</c>, the kernel helpers (<c>display</c>) and value sharing inside a
/// <see cref="CompositeKernel"/>. Three headless adjustments: plain values are formatted as <c>text/plain</c> (a
/// front end would get HTML); every cell is compiled with debug information under the file name
/// <c>notebook.ipynb[cell N]</c>, so exceptions carry the cell and line; and cells are compiled with optimizations
/// (the kernel's default is Debug, which makes loops written in cells about 3× slower; results are the same). The
/// kernel keeps its script options private, hence the reflection.
/// </summary>
internal sealed class NotebookKernel : IDisposable
{
    private static readonly FieldInfo ScriptOptionsField = typeof(CSharpKernel).GetField("_scriptOptions", BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new MissingFieldException(nameof(CSharpKernel), "_scriptOptions");

    private readonly CSharpKernel _csharp;
    private readonly CompositeKernel _kernel;

    /// <summary>Every event the kernel publishes goes to <paramref name="onEvent"/> as it happens.</summary>
    public NotebookKernel(Action<KernelEvent> onEvent)
    {
        _csharp = new CSharpKernel()
            .UseNugetDirective((kernel, packages) =>
            {
                kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                return Task.CompletedTask;
            }, forceRestore: false)
            .UseKernelHelpers()
            .UseValueSharing();
        _kernel = new CompositeKernel { _csharp };
        _kernel.DefaultKernelName = _csharp.Name;
        Formatter.SetPreferredMimeTypesFor(typeof(object), "text/plain");
        _kernel.KernelEvents.Subscribe(onEvent);
    }

    /// <summary>Runs <paramref name="code"/> with <paramref name="cellPath"/> as its file name in stack traces.</summary>
    public async Task<KernelCommandResult> SubmitAsync(string code, string cellPath)
    {
        var options = (ScriptOptions)ScriptOptionsField.GetValue(_csharp)!;
        ScriptOptionsField.SetValue(_csharp, options
            .WithEmitDebugInformation(true).WithFileEncoding(Encoding.UTF8).WithFilePath(cellPath).WithOptimizationLevel(OptimizationLevel.Release));
        return await _kernel.SendAsync(new SubmitCode(code, _csharp.Name)).ConfigureAwait(false);
    }

    /// <summary>Compiles and runs a trivial submission, so the compiler's start-up (about a second) is not charged to the
    /// first cell's time limit. Its events reach no cell.</summary>
    public Task WarmUpAsync() => SubmitAsync("_ = 0;", "warm-up");

    public void Dispose() => _kernel.Dispose();
}
