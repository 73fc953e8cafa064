using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RlNotebooks.Advantages;
using RlNotebooks.Tests.Runner;

namespace RlNotebooks.Tests.Copying;

/// <summary>
/// The README's "Using one function in your own project" promise: each listed set of files compiles on its own against the
/// .NET base library alone (with the SDK's implicit usings, as in a new project), with no other library file beside it.
/// </summary>
public class CopyOneFunctionTests
{
    /// <summary>The implicit global usings of a new .NET console or class-library project.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    public static TheoryData<string[]> CopySets =>
    [
        ["Advantages/Gae.cs", "Validation/Guard.cs"],
        ["Returns/DiscountedReturns.cs", "Validation/Guard.cs"],
        ["Returns/LambdaReturns.cs", "Returns/StepDiscounts.cs", "Validation/Guard.cs"],
        ["Returns/NStepReturns.cs", "Returns/StepDiscounts.cs", "Validation/Guard.cs"],
        ["ImportanceSampling/ImportanceCorrectedTd.cs", "ImportanceSampling/WeightChecks.cs", "Validation/Guard.cs"],
        ["OffPolicy/HuberLoss.cs", "Validation/Guard.cs"],
        ["Rlhf/BradleyTerry.cs", "Validation/Guard.cs"],
        ["Rlhf/KlRegularizedReward.cs", "Validation/Guard.cs"],
        ["Rlhf/ToyGrammar.cs", "Validation/Guard.cs"],
    ];

    [Theory]
    [MemberData(nameof(CopySets))]
    public void The_listed_files_compile_alone(string[] files) => Compile(files);

    [Fact]
    public void A_copied_Gae_computes_what_the_library_computes()
    {
        double[] rewards = [1.0, 0.0, 2.0], values = [0.5, 1.0, 1.5], nextValues = [1.0, 1.5, 0.0];
        bool[] terminated = [false, false, true], truncated = [false, false, false];
        var expected = Gae.Advantages(rewards, values, nextValues, terminated, truncated, 0.9, 0.8);

        // The copy's span parameters cannot be passed through reflection, so a small shim compiled with it takes arrays.
        string shim = """
            public static class Shim
            {
                public static double[] Run(double[] r, double[] v, double[] nv, bool[] term, bool[] trunc) =>
                    RlNotebooks.Advantages.Gae.Advantages(r, v, nv, term, trunc, 0.9, 0.8);
            }
            """;
        Assembly withShim = Compile(["Advantages/Gae.cs", "Validation/Guard.cs"], shim);
        var run = withShim.GetType("Shim")!.GetMethod("Run")!;
        Assert.Equal(expected, (double[])run.Invoke(null, [rewards, values, nextValues, terminated, truncated])!);
    }

    private static Assembly Compile(string[] files, string? extraSource = null)
    {
        // Found from the test binaries, not [CallerFilePath]: CI's deterministic build maps source paths to /_/.
        string library = Path.Combine(NotebookExecutionTests.Root, "lib", "RlNotebooks");
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(library, f)), path: f)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings));
        if (extraSource is not null)
        {
            trees.Add(CSharpSyntaxTree.ParseText(extraSource));
        }

        // Only the base class library: every assembly of the shared framework that runs this test, nothing of ours.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("CopiedFunction_" + Guid.NewGuid().ToString("N"), trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.True(result.Success, $"{string.Join(" + ", files)} do not compile alone:\n{string.Join("\n", errors)}");
        return Assembly.Load(stream.ToArray());
    }
}
