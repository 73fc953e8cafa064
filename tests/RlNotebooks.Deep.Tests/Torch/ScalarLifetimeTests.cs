using System.Diagnostics;
using System.Globalization;

namespace RlNotebooks.Deep.Tests.Torch;

/// <summary>
/// The bug behind Torch/Constants.cs, in a child process (a crash must not take the test host with it): see <see cref="ScalarStress"/>.
/// </summary>
public sealed class ScalarLifetimeTests
{
    /// <summary>
    /// The reproduction: libtorch reads a freed Scalar ("Expected false to be true" from c10's Scalar::toFloat, or "Unknown
    /// scalar type"). Measured on 2 busy cores: within 0.6–1.1 s and 10k–27k operations in every run; the child stops at the
    /// first failure, so 30 s is only the bound.
    /// </summary>
    [Fact]
    public void TorchSharps_own_operators_fail_when_a_collection_frees_their_Scalars()
    {
        var (exitCode, output) = RunChild("temporary", seconds: 30);

        Assert.True(exitCode != 0 && !output.StartsWith("survived", StringComparison.Ordinal), $"exit code {exitCode}: {output}");
    }

    /// <summary>The same loop through Plus and Constant: ≈ 200k operations in 5 s, every result right.</summary>
    [Fact]
    public void Plus_and_Constant_survive_the_same_collector()
    {
        var (exitCode, output) = RunChild("held", seconds: 5);

        Assert.True(exitCode == 0 && output.StartsWith("survived", StringComparison.Ordinal), $"exit code {exitCode}: {output}");
    }

    private static (int ExitCode, string Output) RunChild(string mode, double seconds)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { typeof(ScalarStress).Assembly.Location, ScalarStress.Command, mode, seconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var error = child.StandardError.ReadToEndAsync();
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        return (child.ExitCode, (output + error.Result).Trim());
    }
}
