namespace RlNotebooks.Runner;

/// <summary>Receives progress while <see cref="NotebookRunner"/> works (the CLI draws it; tests ignore it).</summary>
public interface IRunObserver
{
    /// <summary>A notebook starts (0-based <paramref name="index"/> of <paramref name="count"/>).</summary>
    void NotebookStarted(string path, int index, int count);

    /// <summary>A code cell starts (0-based <paramref name="cellIndex"/> of <paramref name="cellCount"/> code cells).</summary>
    void CellStarted(string path, int cellIndex, int cellCount);

    /// <summary>A notebook finished.</summary>
    void NotebookFinished(NotebookResult result);

    /// <summary>A display was updated in place with a text value (e.g. a training-progress line from <c>TrainingProgress</c>):
    /// headless, this is the only place such a line can be seen while the cell runs.</summary>
    void DisplayUpdated(string path, string text);

    /// <summary>Static images are being rendered for <paramref name="charts"/> charts.</summary>
    void RenderingImages(int charts);
}
