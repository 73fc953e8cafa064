using System.Globalization;
using Spectre.Console;

namespace RlNotebooks.Runner.Cli;

/// <summary>The final summary: one row per notebook with cells run, seconds and status.</summary>
public static class ReportTable
{
    /// <summary>Writes the table for <paramref name="result"/>.</summary>
    public static void Write(IAnsiConsole console, RunResult result)
    {
        var table = new Table().AddColumns("Notebook", "Cells", "Seconds", "Status");
        foreach (NotebookResult n in result.Notebooks)
        {
            string status = n.Status switch
            {
                NotebookStatus.Passed => "[green]passed[/]",
                NotebookStatus.Failed => $"[red]failed[/] {Markup.Escape(n.Failure!.ToString())}",
                NotebookStatus.Interrupted => $"[yellow]interrupted[/] {Markup.Escape(n.Failure!.ToString())}",
                _ => $"[red]invalid[/] {Markup.Escape(n.Error ?? "")}",
            };
            table.AddRow(
                Markup.Escape(n.Name),
                $"{n.CellsExecuted}/{n.CodeCells}",
                n.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                status);
        }

        console.Write(table);
    }
}
