using RlNotebooks.Validation;

namespace RlNotebooks.Environments.ClassicControl;

/// <summary>
/// The last <see cref="Capacity"/> finished episodes in a fixed ring (no allocation after construction), oldest first —
/// the usual "mean return of the last 100 episodes".
/// </summary>
public sealed class EpisodeWindow
{
    private readonly EpisodeStatistics[] _episodes;
    private int _next;

    /// <summary>An empty window of the given capacity (≥ 1).</summary>
    public EpisodeWindow(int capacity)
    {
        Guard.AtLeast(capacity, 1);
        _episodes = new EpisodeStatistics[capacity];
    }

    /// <summary>Most episodes kept.</summary>
    public int Capacity => _episodes.Length;

    /// <summary>Episodes kept, ≤ <see cref="Capacity"/>.</summary>
    public int Count { get; private set; }

    /// <summary>The k-th kept episode, 0 = oldest, Count − 1 = newest.</summary>
    public EpisodeStatistics this[int k]
    {
        get
        {
            Guard.Index(k, Count);
            return _episodes[(_next - Count + k + Capacity) % Capacity];
        }
    }

    /// <summary>Mean return of the kept episodes (NaN when none).</summary>
    public double MeanReturn => Mean(e => e.Return);

    /// <summary>Mean length of the kept episodes (NaN when none).</summary>
    public double MeanLength => Mean(e => e.Length);

    /// <summary>Keeps <paramref name="episode"/>, dropping the oldest when full.</summary>
    public void Add(EpisodeStatistics episode)
    {
        _episodes[_next] = episode;
        _next = (_next + 1) % Capacity;
        Count = Math.Min(Count + 1, Capacity);
    }

    private double Mean(Func<EpisodeStatistics, double> value)
    {
        double sum = 0.0;
        for (int k = 0; k < Count; k++)
        {
            sum += value(this[k]);
        }

        return Count == 0 ? double.NaN : sum / Count;
    }
}
