using RlNotebooks.Runner;

namespace RlNotebooks.Tests.Runner;

/// <summary>Executes every lecture notebook in notebooks/ (the README's <c>dotnet test RlNotebooks.sln -c Release</c>
/// runs them all); any failing cell fails its test with notebook, cell, line and message.</summary>
public sealed class NotebookExecutionTests
{
    /// <summary>The repository root, found upward from the test binaries.</summary>
    internal static readonly string Root = RepositoryLocator.FindFrom(AppContext.BaseDirectory)
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
    public void The_lecture_notebooks_are_all_there()
    {
        HashSet<string> names = Directory.EnumerateFiles(NotebooksFolder, "*.ipynb").Select(path => Path.GetFileName(path)).ToHashSet();
        Assert.Subset(names, new HashSet<string>
        {
            "01-bandits-and-mdps.ipynb", "02-dynamic-programming.ipynb", "03-monte-carlo-and-td.ipynb", "04-sarsa-and-q-learning.ipynb",
            "05-policy-gradients.ipynb", "06-actor-critic.ipynb", "09-ppo.ipynb",
        });
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_executes_without_error(string notebook)
    {
        var options = new RunnerOptions { RepositoryRoot = Root, StaticImages = false };

        RunResult result = await NotebookRunner.RunAsync([Path.Combine(NotebooksFolder, notebook)], options);

        NotebookResult run = Assert.Single(result.Notebooks);
        Assert.True(run.Status == NotebookStatus.Passed, run.ToString());
    }
}
