using RlNotebooks.Runner.Execution;
using RlNotebooks.Runner.Notebooks;

namespace RlNotebooks.Tests.Runner;

public sealed class DirectiveParsingTests
{
    [Fact]
    public void References_are_collected_and_ordinary_code_is_ignored()
    {
        var directives = CellDirectives.Parse("#r \"../lib/A.dll\"\n  #r \"System.Numerics\"\nvar s = \"#!not a magic\";\n#region x\n#endregion");

        Assert.Equal(["../lib/A.dll", "System.Numerics"], directives.References);
        Assert.Null(directives.Unsupported);
    }

    [Theory]
    [InlineData("#!csharp\n1", 1, "#!csharp")]
    [InlineData("1;\n#!about", 2, "#!about")]
    [InlineData("#r \"NuGet:Plotly.NET\"", 1, "#r \"NuGet:Plotly.NET\"")]
    [InlineData("#i \"nuget:https://example.org/feed\"", 1, "#i \"nuget:https://example.org/feed\"")]
    public void Unsupported_directives_are_reported_with_their_line(string source, int line, string directive)
    {
        UnsupportedDirective unsupported = CellDirectives.Parse(source).Unsupported!;
        Assert.Equal((line, directive), (unsupported.Line, unsupported.Directive));
    }

    [Fact]
    public void Writer_splits_lines_the_way_jupyter_stores_them()
    {
        Assert.Equal(["a\n", "\n", "b"], NotebookWriter.Lines("a\n\nb").Select(n => n!.GetValue<string>()));
        Assert.Empty(NotebookWriter.Lines(""));
    }

    [Fact]
    public void Reader_joins_source_lines_and_keeps_ids()
    {
        Notebook nb = NotebookReader.Parse("/x/n.ipynb",
            "{\"cells\":[{\"cell_type\":\"code\",\"id\":\"abc\",\"metadata\":{},\"outputs\":[],\"source\":[\"a\\n\",\"b\"]}],\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":4}");

        NotebookCell cell = Assert.Single(nb.Cells);
        Assert.Equal(("abc", "a\nb", true), (cell.Id, cell.Source, cell.IsCode));
    }
}
