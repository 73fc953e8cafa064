namespace RlNotebooks.Runner;

/// <summary>How <see cref="NotebookRunner"/> executes and writes notebooks.</summary>
public sealed record RunnerOptions
{
    /// <summary>Folder for executed copies, mirroring the notebooks' folders below their common folder; null →
    /// <c>artifacts/notebooks</c> under the repository root; relative → against the current folder. It must not be a
    /// folder holding a source notebook unless <see cref="InPlace"/> is set.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Write the executed notebook over its source instead of into <see cref="OutputDirectory"/>.</summary>
    public bool InPlace { get; init; }

    /// <summary>Longest a single cell may run (default 300 s).</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Longest a notebook may run (default 600 s).</summary>
    public TimeSpan NotebookTimeout { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>Most memory a notebook's process may use (default 8 GB).</summary>
    public long MemoryLimitBytes { get; init; } = 8L << 30;

    /// <summary>Stop after the first failing notebook.</summary>
    public bool FailFast { get; init; }

    /// <summary>Add <c>image/png</c> renderings of plotly charts when Chromium and plotly.js are available (default true).</summary>
    public bool StaticImages { get; init; } = true;

    /// <summary>Chromium executable; null → env <c>CHROMIUM</c>, <c>/usr/bin/chromium</c>, PATH.</summary>
    public string? ChromiumPath { get; init; }

    /// <summary>Repository root; null → found from the current directory (the folder holding RlNotebooks.sln).</summary>
    public string? RepositoryRoot { get; init; }
}
