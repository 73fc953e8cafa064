using System.Reflection;
using TorchSharp;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Torch;

/// <summary>
/// No code in lib/RlNotebooks.Deep hands TorchSharp a temporary Scalar (the rule and why: lib/RlNotebooks.Deep/Torch/Constants.cs).
/// </summary>
public sealed class TemporaryScalarTests
{
    [Fact]
    public void The_deep_library_hands_TorchSharp_no_temporary_Scalar()
    {
        string project = Path.Combine(RepositoryRoot(), "lib", "RlNotebooks.Deep");
        var sources = Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(project, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("bin/", StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal)
                && !path.StartsWith("build/", StringComparison.Ordinal))
            .ToDictionary(path => path, path => File.ReadAllText(Path.Combine(project, path)));
        Assert.Contains("Torch/Constants.cs", sources.Keys);
        // The SDK's implicit usings, as the build generated them (the project is built before its tests).
        string globalUsings = Directory.EnumerateFiles(Path.Combine(project, "obj"), "RlNotebooks.Deep.GlobalUsings.g.cs", SearchOption.AllDirectories).First();
        sources.Add("obj/GlobalUsings.g.cs", File.ReadAllText(globalUsings));

        var findings = TemporaryScalarAudit.Findings(sources);

        Assert.True(findings.Count == 0, $"{findings.Count} temporary Scalars in lib/RlNotebooks.Deep:\n{string.Join("\n", findings)}");
    }

    [Fact]
    public void The_audit_finds_each_kind_of_violation_on_its_line()
    {
        string code = """
            using TorchSharp;
            using static TorchSharp.torch;

            static class Violations
            {
                static readonly Scalar Held = 1;

                static Tensor Sum(Tensor a, Tensor b) => a + b;
                static Tensor Half(Tensor x) => x * 0.5;
                static Tensor Added(Tensor a, Tensor b) => a.add(b);
                static Tensor Squared(Tensor x) => x.square();
                static Tensor Clamped(Tensor x) => x.clamp_min(1e-8);
                static void Optimizer(Tensor w) => optim.SGD([new TorchSharp.Modules.Parameter(w)], 0.1).step();
                static Tensor Fine(Tensor a, Tensor b) => (a - b) * a / b;
            }
            """;

        var findings = TemporaryScalarAudit.Findings(new Dictionary<string, string> { ["Violations.cs"] = code });

        int[] lines = [.. findings.Select(f => int.Parse(f.Split(':')[1])).Distinct()];
        Assert.Equal([6, 8, 9, 10, 11, 12, 13], lines);
        Assert.Contains(findings, f => f.StartsWith("Violations.cs:13: torch.optim", StringComparison.Ordinal));
    }

    [Fact]
    public void The_IL_scan_knows_the_TorchSharp_methods_that_make_Scalars()
    {
        var tensor = typeof(Tensor);
        MethodBase[] makers =
        [
            tensor.GetMethod("op_Addition", [tensor, tensor])!,
            tensor.GetMethod(nameof(Tensor.add), [tensor])!,
            tensor.GetMethod(nameof(Tensor.square), Type.EmptyTypes)!,
            typeof(nn.functional).GetMethod(nameof(nn.functional.softplus))!,
            typeof(TorchSharp.Modules.Adam).GetMethod(nameof(TorchSharp.Modules.Adam.step))!,
        ];
        MethodBase[] clean =
        [
            tensor.GetMethod("op_Subtraction", [tensor, tensor])!,
            tensor.GetMethod(nameof(Tensor.add), [tensor, typeof(Scalar)])!,
            tensor.GetMethod(nameof(Tensor.mul), [tensor])!,
        ];

        Assert.All(makers, m => Assert.Contains(m, ScalarMakers.All));
        Assert.All(clean, m => Assert.DoesNotContain(m, ScalarMakers.All));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RlNotebooks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No RlNotebooks.sln above {AppContext.BaseDirectory}.");
    }
}
