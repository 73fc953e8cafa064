using System.Text.Json.Nodes;
using RlNotebooks.Runner;
using RlNotebooks.Runner.Execution;

namespace RlNotebooks.Tests.Runner;

public sealed class DirectiveAndInputTests : IDisposable
{
    private readonly TestNotebooks _notebooks = new();

    public void Dispose() => _notebooks.Dispose();

    [Fact]
    public async Task Unknown_magic_command_fails_its_cell_with_the_kernel_s_message_and_line()
    {
        string path = _notebooks.Write("magic.ipynb", "Console.WriteLine(\"first cell\");", "Console.WriteLine(\"ran\");\n#!fsharp\nlet x = 1");

        NotebookResult result = Assert.Single((await _notebooks.RunAsync(path)).Notebooks);

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal((2, 2, FailureKind.CompilationError), (result.Failure!.CellNumber, result.Failure.Line, result.Failure.Kind));
        Assert.Contains("magic.ipynb: cell 2, line 2: ", result.ToString());
        Assert.Contains("#!fsharp", result.Failure.Message);
        Assert.Equal("first cell\n", TestNotebooks.Text(TestNotebooks.Outputs(_notebooks.Executed(path), 0)[0]!["text"]));
    }

    [Fact]
    public async Task Nuget_package_reference_is_restored_as_in_vs_code()
    {
        string path = _notebooks.Write("nuget.ipynb", "#r \"nuget: MathNet.Numerics, 5.0.0\"\nMathNet.Numerics.Euclid.GreatestCommonDivisor(12L, 18L)");

        RunResult result = await _notebooks.RunAsync(path);

        Assert.True(result.Succeeded, result.Notebooks[0].ToString());
        JsonArray outputs = TestNotebooks.Outputs(_notebooks.Executed(path), 0);
        Assert.Equal("6", TestNotebooks.Text(outputs[^1]!["data"]!["text/plain"]));
    }

    [Fact]
    public async Task Cell_in_another_language_makes_the_notebook_invalid_before_it_runs()
    {
        JsonObject fsharp = TestNotebooks.Code("let x = 1");
        fsharp["metadata"]!["dotnet_interactive"]!["language"] = "fsharp";
        string path = _notebooks.Write("mixed.ipynb", "File.WriteAllText(\"ran.txt\", \"\");", fsharp);

        NotebookResult result = Assert.Single((await _notebooks.RunAsync(path)).Notebooks);

        Assert.Equal(NotebookStatus.Invalid, result.Status);
        Assert.Equal("mixed.ipynb: cell 2 is in 'fsharp'; the runner executes C# cells only", result.Error);
        Assert.False(File.Exists(Path.Combine(_notebooks.Folder, "ran.txt")));
    }

    [Fact]
    public async Task Reference_is_resolved_against_the_notebook_folder_not_the_current_directory()
    {
        FixtureAssembly.Build(Path.Combine(_notebooks.Folder, "lib", "Fixture.dll"));
        string path = _notebooks.Write(Path.Combine("notebooks", "ref.ipynb"), "#r \"../lib/Fixture.dll\"\nFixture.Fixtures.Answer");

        RunResult result = await _notebooks.RunAsync(path);

        Assert.True(result.Succeeded, result.Notebooks[0].ToString());
        Assert.Equal("42", TestNotebooks.Text(TestNotebooks.Outputs(_notebooks.Executed(path), 0)[0]!["data"]!["text/plain"]));
    }

    [Fact]
    public async Task Referenced_types_flow_between_cells_from_a_single_loaded_copy()
    {
        string fixture = Path.Combine(_notebooks.Folder, "lib", "Fixture.dll");
        FixtureAssembly.Build(fixture);
        string path = _notebooks.Write("identity.ipynb",
            "#r \"lib/Fixture.dll\"\nvar chart = new Fixture.Chart(\"a\", new[] { 1.0 });",
            "#r \"lib/Fixture.dll\"\nFixture.Chart same = chart;\n" +
            $"AppDomain.CurrentDomain.GetAssemblies().Count(a => a.Location == @\"{fixture}\")");

        RunResult result = await _notebooks.RunAsync(path);

        Assert.True(result.Succeeded, result.Notebooks[0].ToString());
        Assert.Equal("1", TestNotebooks.Text(TestNotebooks.Outputs(_notebooks.Executed(path), 1)[0]!["data"]!["text/plain"]));
    }

    [Fact]
    public async Task The_library_referenced_by_path_works_in_a_process_that_already_loaded_it()
    {
        string library = typeof(RlNotebooks.Bellman.TabularMdp).Assembly.Location;
        File.Copy(library, Path.Combine(Directory.CreateDirectory(Path.Combine(_notebooks.Folder, "lib")).FullName, "RlNotebooks.dll"));
        string path = _notebooks.Write(Path.Combine("notebooks", "library.ipynb"),
            "#r \"../lib/RlNotebooks.dll\"\nusing RlNotebooks.Bellman;\nvar outcome = new Outcome(1, 0.5, -1.0);",
            "Outcome copy = outcome;\ncopy.Probability");

        RunResult result = await _notebooks.RunAsync(path);

        Assert.True(result.Succeeded, result.Notebooks[0].ToString());
        Assert.Equal("0.5", TestNotebooks.Text(TestNotebooks.Outputs(_notebooks.Executed(path), 1)[0]!["data"]!["text/plain"]));
    }

    [Fact]
    public async Task Non_positive_time_limits_are_rejected()
    {
        string path = _notebooks.Write("limits.ipynb", "1");

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => NotebookRunner.RunAsync([path], _notebooks.Options(cellTimeout: TimeSpan.Zero)));

        Assert.Equal("CellTimeout", error.ParamName);
    }

    [Fact]
    public async Task Missing_reference_is_a_compile_error_naming_the_file()
    {
        string path = _notebooks.Write(Path.Combine("notebooks", "lib.ipynb"), "1", "#r \"../lib/RlNotebooks/bin/Release/net10.0/RlNotebooks.dll\"\n2");

        CellFailure failure = (await _notebooks.RunAsync(path)).Notebooks[0].Failure!;

        Assert.Equal((2, 1, FailureKind.CompilationError), (failure.CellNumber, failure.Line, failure.Kind));
        Assert.Contains("CS0006", failure.Message);
        Assert.Contains("RlNotebooks.dll", failure.Message);
    }

    [Theory]
    [InlineData("{ \"cells\": [", "is not valid JSON")]
    [InlineData("{\"cells\":[],\"metadata\":{},\"nbformat\":3,\"nbformat_minor\":0}", "has nbformat 3; only nbformat 4")]
    [InlineData("{\"cells\":[],\"metadata\":{\"kernelspec\":{\"name\":\"python3\",\"language\":\"python\",\"display_name\":\"Python 3\"}},\"nbformat\":4,\"nbformat_minor\":5}", "default kernel 'python3'")]
    [InlineData("[1, 2]", "top level is not a JSON object")]
    [InlineData("{\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}", "has no 'cells' array")]
    public async Task Corrupt_or_foreign_notebook_is_a_clear_error_and_the_run_continues(string content, string reason)
    {
        string bad = _notebooks.WriteRaw("bad.ipynb", content);
        string good = _notebooks.Write("good.ipynb", "1");

        RunResult result = await _notebooks.RunAsync(bad, good);

        Assert.Equal([NotebookStatus.Invalid, NotebookStatus.Passed], result.Notebooks.Select(n => n.Status));
        Assert.StartsWith("bad.ipynb: ", result.Notebooks[0].Error);
        Assert.Contains(reason, result.Notebooks[0].Error);
        Assert.False(result.Succeeded);
        Assert.False(File.Exists(Path.Combine(_notebooks.Output, "bad.ipynb")));
    }
}
