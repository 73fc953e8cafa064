namespace RlNotebooks.Deep.Tests.Support;

/// <summary>
/// Tensor.TotalCount is process-wide and falls whenever the GC finalises an undisposed tensor. Tests that leave tensors to
/// the GC (trained models, results) call <see cref="Collect"/> when they end, so the finalisers run inside them and not
/// inside a later test that counts tensors.
/// </summary>
public static class TorchGarbage
{
    /// <summary>Runs a full collection and waits for the finalisers, twice (finalisers can free more objects).</summary>
    public static void Collect()
    {
        for (int i = 0; i < 2; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }
}
