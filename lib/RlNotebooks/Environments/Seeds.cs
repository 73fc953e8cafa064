namespace RlNotebooks.Environments;

/// <summary>
/// Well-mixed seeds for experiments that average over many runs.
/// <para>
/// Why: <c>new Random(seed)</c> uses .NET's legacy subtractive generator, whose initial state is linear in the seed, so the
/// streams of consecutive seeds 0, 1, 2, … are correlated. Averaged over 2000 such streams, some individual draws are off by
/// dozens of standard errors (e.g. the 1899th <see cref="System.Random.NextDouble"/>), which shows up as spikes at fixed steps
/// in learning curves averaged over runs. Passing the run index through SplitMix64 first gives seeds whose streams behave
/// as independent.
/// </para>
/// <para>Usage: <c>BanditTestbed.Stationary(seed: Seeds.For(run))</c>, <c>Seeds.CreateRandom(run, stream: 1)</c> for the agent.</para>
/// </summary>
public static class Seeds
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    /// <summary>
    /// SplitMix64's output for state x (Steele, Lea &amp; Flood 2014; Vigna's reference <c>splitmix64.c</c>): z = x + 0x9E3779B97F4A7C15,
    /// then z ← (z ⊕ z≫30)·0xBF58476D1CE4E5B9, z ← (z ⊕ z≫27)·0x94D049BB133111EB, z ⊕ z≫31 (all mod 2⁶⁴).
    /// A bijection on 64-bit values: distinct states give distinct outputs.
    /// </summary>
    public static ulong SplitMix64(ulong state)
    {
        ulong z = unchecked(state + GoldenGamma);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>
    /// The seed for run <paramref name="run"/> of random stream <paramref name="stream"/> (e.g. 0 for the environment, 1 for the
    /// agent's exploration): the top 31 bits of SplitMix64 of the pair packed as (stream · 2³² + run), so it lies in [0, int.MaxValue].
    /// Every int is a valid run and stream.
    /// </summary>
    public static int For(int run, int stream = 0) =>
        (int)(SplitMix64(((ulong)(uint)stream << 32) | (uint)run) >> 33);

    /// <summary>A <see cref="System.Random"/> seeded with <see cref="For"/>(<paramref name="run"/>, <paramref name="stream"/>).</summary>
    public static System.Random CreateRandom(int run, int stream = 0) => new(For(run, stream));
}
