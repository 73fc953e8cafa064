using TorchSharp;

namespace RlNotebooks.Deep.Torch;

/// <summary>
/// The number of CPU threads libtorch uses for its operators. Every network and loss of this library first sets it to
/// <see cref="Default"/> = 1: for the small networks of the lectures one thread was faster than two in every case measured,
/// and two threads stall badly when the other core is busy. Call <see cref="Set"/> to change it.
/// </summary>
public static class TorchThreads
{
    /// <summary>The default number of libtorch threads: 1.</summary>
    public const int Default = 1;

    static TorchThreads() => torch.set_num_threads(Default);

    /// <summary>The number of threads libtorch uses now.</summary>
    public static int Count
    {
        get
        {
            EnsureDefault();
            return torch.get_num_threads();
        }
    }

    /// <summary>Makes libtorch use <paramref name="threads"/> threads from now on (all threads of the process).</summary>
    /// <param name="threads">At least 1.</param>
    public static void Set(int threads)
    {
        Validation.Guard.AtLeast(threads, 1);
        EnsureDefault();
        torch.set_num_threads(threads);
    }

    /// <summary>Applies <see cref="Default"/> once per process (the static constructor), before the first torch operation.</summary>
    internal static void EnsureDefault()
    {
    }
}
