using RlNotebooks.Validation;

namespace RlNotebooks.Baselines;

/// <summary>
/// The time-dependent baseline b(t) = mean of Gₜ over the episodes that are still running at step t.
/// Episodes may have different lengths: b(t) averages only the episodes with length &gt; t, so the result has the length
/// of the longest episode.
/// </summary>
public static class TimeDependentBaseline
{
    /// <summary>b(t) for t = 0..max length − 1.</summary>
    /// <param name="episodeReturns">episodeReturns[i][t] = Gₜ of episode i (e.g. from <c>RewardToGo</c>); at least one non-empty episode.</param>
    /// <returns>A new array b of length max length.</returns>
    public static double[] Compute(IReadOnlyList<double[]> episodeReturns)
    {
        var result = new double[MaxLength(episodeReturns)];
        ComputeInto(episodeReturns, result);
        return result;
    }

    /// <inheritdoc cref="Compute"/>
    /// <summary>Writes b(t) into <paramref name="destination"/> (length ≥ longest episode); no allocation.</summary>
    public static void ComputeInto(IReadOnlyList<double[]> episodeReturns, Span<double> destination)
    {
        int horizon = MaxLength(episodeReturns);
        Guard.DestinationLength(horizon, destination.Length, nameof(destination));
        for (int i = 0; i < episodeReturns.Count; i++)
        {
            ReadOnlySpan<double> episode = episodeReturns[i];
            for (int t = 0; t < episode.Length; t++)
            {
                if (!double.IsFinite(episode[t]))
                {
                    throw new ArgumentException(
                        $"episodeReturns[{i}][{t}] must be finite but was {episode[t]}.", nameof(episodeReturns));
                }
            }
        }

        for (int t = 0; t < horizon; t++)
        {
            double sum = 0.0;
            int count = 0;
            for (int i = 0; i < episodeReturns.Count; i++)
            {
                double[] episode = episodeReturns[i];
                if (t < episode.Length)
                {
                    sum += episode[t];
                    count++;
                }
            }

            destination[t] = double.IsFinite(sum) ? sum / count : throw Guard.Overflow($"Σᵢ Gᵢ,{t}", nameof(episodeReturns));
        }
    }

    private static int MaxLength(IReadOnlyList<double[]> episodeReturns)
    {
        ArgumentNullException.ThrowIfNull(episodeReturns);
        Guard.NotEmpty(episodeReturns.Count, nameof(episodeReturns));
        int max = 0;
        for (int i = 0; i < episodeReturns.Count; i++)
        {
            if (episodeReturns[i] is null)
            {
                throw new ArgumentException($"episodeReturns[{i}] must not be null.", nameof(episodeReturns));
            }

            max = Math.Max(max, episodeReturns[i].Length);
        }

        if (max == 0)
        {
            throw new ArgumentException("episodeReturns must contain at least one non-empty episode.", nameof(episodeReturns));
        }

        return max;
    }
}
