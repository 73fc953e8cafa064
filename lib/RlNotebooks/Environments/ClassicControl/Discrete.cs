namespace RlNotebooks.Environments.ClassicControl;

/// <summary>The finite space {0, 1, …, n − 1} (Gymnasium's <c>Discrete(n)</c>).</summary>
public sealed record Discrete : Space
{
    /// <summary>The space {0, …, <paramref name="n"/> − 1}.</summary>
    /// <param name="n">Number of elements, ≥ 1.</param>
    public Discrete(int n)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be ≥ 1 but was {n}.");
        }

        N = n;
    }

    /// <summary>The number of elements n.</summary>
    public int N { get; }

    /// <inheritdoc/>
    public override int Size => 1;

    /// <summary>True when 0 ≤ <paramref name="action"/> &lt; n.</summary>
    public bool Contains(int action) => (uint)action < (uint)N;

    /// <summary>
    /// Throws an <see cref="ArgumentOutOfRangeException"/> naming <paramref name="paramName"/>, the index and the value unless
    /// <paramref name="action"/> lies in the space.
    /// </summary>
    /// <param name="action">The element to check.</param>
    /// <param name="paramName">The caller's parameter.</param>
    /// <param name="index">Its index in the caller's batch, or −1 for a single action.</param>
    public void ThrowIfOutside(int action, string paramName, int index = -1)
    {
        if (!Contains(action))
        {
            string name = index < 0 ? paramName : $"{paramName}[{index}]";
            throw new ArgumentOutOfRangeException(paramName, action, $"{name} = {action} is not in {this}: it must lie in [0, {N - 1}].");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"Discrete({N})";
}
