using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TorchSharp;

namespace RlNotebooks.Deep.Tests.Torch;

/// <summary>
/// Compiles C# sources against TorchSharp and finds every place that hands TorchSharp a temporary <see cref="Scalar"/>
/// (why that crashes: lib/RlNotebooks.Deep/Torch/Constants.cs): a user-defined conversion to Scalar (a C# number passed
/// where TorchSharp takes a Scalar), a call of a TorchSharp method that makes one itself (<see cref="ScalarMakers"/>:
/// <c>a + b</c>, <c>add(Tensor)</c>, <c>square()</c>, <c>softplus</c>, …), and any use of <c>torch.optim</c>. The one
/// exemption: a <c>static readonly</c> Scalar field in Torch/Constants.cs, held for the whole process.
/// </summary>
internal static class TemporaryScalarAudit
{
    private const string HeldScalarsFile = "Torch/Constants.cs";

    /// <summary>"file:line: what" for each violation in <paramref name="sources"/> (path relative to the project → text).</summary>
    public static IReadOnlyList<string> Findings(IReadOnlyDictionary<string, string> sources)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Value, path: s.Key)).ToArray();
        var compilation = CSharpCompilation.Create("Audited", trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException($"The audited sources do not compile:\n{string.Join("\n", errors.Take(20))}");
        }

        var findings = new List<string>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            var roots = tree.GetRoot().DescendantNodes().Select(n => model.GetOperation(n)).Where(o => o is { Parent: null }).Distinct();
            foreach (var operation in roots.SelectMany(r => r!.DescendantsAndSelf()))
            {
                if (Violation(operation) is { } what)
                {
                    var line = operation.Syntax.GetLocation().GetLineSpan();
                    findings.Add($"{line.Path}:{line.StartLinePosition.Line + 1}: {what} in `{operation.Syntax}`");
                }
            }
        }

        return findings.Distinct().ToArray();
    }

    private static string? Violation(IOperation operation)
    {
        if (operation is IConversionOperation { Conversion.IsUserDefined: true } conversion && IsScalar(conversion.Type))
        {
            return IsHeld(conversion) ? null : $"temporary Scalar from {conversion.Operand.Type}";
        }

        foreach (var method in MethodsUsedBy(operation))
        {
            var definition = (method.ReducedFrom ?? method).OriginalDefinition;
            if (InOptim(definition.ContainingType) || InOptim(definition.ReturnType))
            {
                return $"torch.optim ({definition.ToDisplayString()}); use RlNotebooks.Deep.Operations.Adam";
            }

            if (definition.ContainingAssembly?.Name == "TorchSharp" && ScalarMakers.All.Contains(Reflected(definition)))
            {
                return $"{definition.ToDisplayString()} makes a temporary Scalar inside TorchSharp";
            }
        }

        return null;
    }

    private static IEnumerable<IMethodSymbol> MethodsUsedBy(IOperation operation)
    {
        IMethodSymbol?[] methods = operation switch
        {
            IInvocationOperation o => [o.TargetMethod],
            IBinaryOperation o => [o.OperatorMethod],
            IUnaryOperation o => [o.OperatorMethod],
            ICompoundAssignmentOperation o => [o.OperatorMethod],
            IIncrementOrDecrementOperation o => [o.OperatorMethod],
            IConversionOperation o => [o.OperatorMethod],
            IObjectCreationOperation o => [o.Constructor],
            IMethodReferenceOperation o => [o.Method],
            IPropertyReferenceOperation o => [o.Property.GetMethod, o.Property.SetMethod],
            _ => [],
        };
        return methods.OfType<IMethodSymbol>();
    }

    private static bool IsScalar(ITypeSymbol? type) => type?.ToDisplayString() == "TorchSharp.Scalar";

    /// <summary>torch.optim itself, a type nested in it, or a type derived from one (TorchSharp.Modules.Adam : torch.optim.Optimizer).</summary>
    private static bool InOptim(ITypeSymbol? type) =>
        type is not null && (type.ToDisplayString() == "TorchSharp.torch.optim" || InOptim(type.ContainingType) || InOptim(type.BaseType));

    /// <summary>The initializer of a static readonly Scalar field in Constants.cs: alive as long as the process.</summary>
    private static bool IsHeld(IConversionOperation conversion) =>
        conversion.Syntax.SyntaxTree.FilePath.Replace('\\', '/').EndsWith(HeldScalarsFile, StringComparison.Ordinal)
        && conversion.Syntax.FirstAncestorOrSelf<FieldDeclarationSyntax>() is { } field
        && field.Modifiers.Any(SyntaxKind.StaticKeyword) && field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword);

    /// <summary>The loaded TorchSharp method behind a symbol read from TorchSharp.dll (same metadata token).</summary>
    private static MethodBase Reflected(IMethodSymbol definition) => typeof(Scalar).Module.ResolveMethod(definition.MetadataToken)!;

    /// <summary>Everything the running tests reference (BCL, TorchSharp, RlNotebooks), except the audited library's own build.</summary>
    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is not ("RlNotebooks.Deep.dll" or "RlNotebooks.Deep.Tests.dll"))
            .Select(p => MetadataReference.CreateFromFile(p));
}
