using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using RlNotebooks.Runner.Display;
using RlNotebooks.Runner.Scripting;

namespace RlNotebooks.Runner.Execution;

/// <summary>What every notebook script sees: the whole shared framework (as in .NET Interactive), the display
/// helpers, and the default imports. Immutable; one instance is reused for all notebooks of a run.</summary>
public sealed class ScriptEnvironment
{
    /// <summary>Namespaces imported into every cell (the .NET Interactive C# defaults plus the display helpers).</summary>
    public static readonly ImmutableArray<string> Imports =
    [
        "System",
        "System.Collections.Generic",
        "System.IO",
        "System.Linq",
        "System.Text",
        "System.Threading",
        "System.Threading.Tasks",
        typeof(DisplayExtensions).Namespace!,
    ];

    private readonly ImmutableArray<MetadataReference> _references;

    private ScriptEnvironment(ImmutableArray<MetadataReference> references) => _references = references;

    /// <summary>Builds the reference set from the running shared framework.</summary>
    public static ScriptEnvironment Create()
    {
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = Directory.EnumerateFiles(runtimeDirectory, "*.dll")
            .Where(IsManagedReferenceable)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(NotebookGlobals).Assembly.Location))
            .ToImmutableArray();
        return new ScriptEnvironment(references);
    }

    /// <summary>Script options for the notebook in <paramref name="notebookDirectory"/>: relative <c>#r</c> and
    /// <c>#load</c> paths resolve against that folder; optimized code with debug information so exceptions carry
    /// cell line numbers.</summary>
    public ScriptOptions OptionsFor(string notebookDirectory, string filePath) =>
        ScriptOptions.Default
            .WithReferences(_references)
            .WithImports(Imports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(notebookDirectory).WithSearchPaths(notebookDirectory))
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, notebookDirectory))
            .WithFilePath(filePath)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithAllowUnsafe(false)
            .WithCheckOverflow(false);

    private static bool IsManagedReferenceable(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
