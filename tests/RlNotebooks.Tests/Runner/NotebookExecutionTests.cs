using RlNotebooks.Runner;

namespace RlNotebooks.Tests.Runner;

/// <summary>Executes every lecture notebook in notebooks/ (the README's <c>dotnet test RlNotebooks.sln -c Release</c>
/// runs them all); any failing cell fails its test with notebook, cell, line and message.</summary>
public sealed class NotebookExecutionTests
{
    private static readonly string Root = RepositoryLocator.FindFrom(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {RepositoryLocator.Marker} above {AppContext.BaseDirectory}.");

    internal static string NotebooksFolder => Path.Combine(Root, "notebooks");

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.EnumerateFiles(NotebooksFolder, "*.ipynb").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Fact]
    public void Notebooks_folder_exists()
    {
        Assert.True(Directory.Exists(NotebooksFolder), $"missing {NotebooksFolder}");
    }

    [NotebookTheory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_executes_without_error(string notebook)
    {
        var options = new RunnerOptions { RepositoryRoot = Root, StaticImages = false };

        RunResult result = await NotebookRunner.RunAsync([Path.Combine(NotebooksFolder, notebook)], options);

        NotebookResult run = Assert.Single(result.Notebooks);
        Assert.True(run.Status == NotebookStatus.Passed, run.ToString());
    }
}

/// <summary>A theory over the notebooks that reports itself skipped (xunit 2 would otherwise fail with "No data found")
/// while notebooks/ holds none yet; <see cref="NotebookExecutionTests.Notebooks_folder_exists"/> still asserts the folder.</summary>
public sealed class NotebookTheoryAttribute : TheoryAttribute
{
    public NotebookTheoryAttribute()
    {
        if (!Directory.Exists(NotebookExecutionTests.NotebooksFolder) || !Directory.EnumerateFiles(NotebookExecutionTests.NotebooksFolder, "*.ipynb").Any())
        {
            Skip = "notebooks/ contains no .ipynb files yet";
        }
    }
}
