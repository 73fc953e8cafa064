namespace RlNotebooks.Tests.Support;

/// <summary>Allocation checks by bytes (never by time).</summary>
public static class Allocations
{
    /// <summary>
    /// Bytes allocated on this thread by one call, the minimum over several trials after warm-up calls. The runtime now and then
    /// allocates on the calling thread for its own bookkeeping (a tiered-compilation promotion landing mid-call, type loading;
    /// dotnet/runtime#63487, BenchmarkDotNet#1542), most often on a loaded CI machine; that is not the code's allocation. Code that
    /// does allocate does so in every trial, so a minimum of 0 still proves it allocates nothing.
    /// </summary>
    public static long LeastBytes(Action call)
    {
        ArgumentNullException.ThrowIfNull(call);
        for (int i = 0; i < 3; i++)
        {
            call();
        }

        long least = long.MaxValue;
        for (int trial = 0; trial < 5; trial++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            call();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
