using System.Diagnostics;
using RlNotebooks.Runner;

namespace RlNotebooks.Tests.Runner;

/// <summary>The runner's command line, run as the real executable.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TestNotebooks _notebooks = new();

    public void Dispose() => _notebooks.Dispose();

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(NotebookRunner).Assembly.Location);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment["CI"] = "true";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(), stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    [Theory]
    [InlineData("--cell-timeout", "0")]
    [InlineData("--cell-timeout", "-1")]
    [InlineData("--cell-timeout", "NaN")]
    [InlineData("--notebook-timeout", "1e300")]
    [InlineData("--memory-limit", "0")]
    [InlineData("--cell-timeout", "soon")]
    [InlineData("--no-such-option", "x")]
    public async Task A_bad_option_is_one_line_and_exit_code_2(string option, string value)
    {
        string path = _notebooks.Write("never.ipynb", "1");

        (int exitCode, string stdout, string stderr) = await RunAsync(_notebooks.Folder, path, option, value);

        Assert.Equal(2, exitCode);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("RlNotebooks.Runner: ", stderr);
        Assert.DoesNotContain("   at ", stdout + stderr);
        Assert.False(Directory.Exists(_notebooks.Output));
    }

    [Fact]
    public async Task A_relative_output_is_resolved_against_the_current_folder_and_an_output_holding_sources_is_refused()
    {
        string path = _notebooks.Write(Path.Combine("src", "one.ipynb"), "1");

        (int exitCode, string stdout, _) = await RunAsync(_notebooks.Folder, path, "--output", "executed", "--no-images");
        (int refused, _, string stderr) = await RunAsync(_notebooks.Folder, path, "--output", "src");

        Assert.True(exitCode == 0, stdout);
        Assert.True(File.Exists(Path.Combine(_notebooks.Folder, "executed", "one.ipynb")));
        Assert.Equal(2, refused);
        Assert.Contains("--in-place", stderr);
    }
}
