using RlNotebooks.Validation;

namespace RlNotebooks.TabularLearning;

/// <summary>
/// Monte Carlo prediction updates towards an observed return Gₜ = rₜ₊₁ + γrₜ₊₂ + … (computed by the caller to the end of the episode;
/// a truncated episode's return must be completed with a bootstrap by the caller, MC itself never bootstraps).
/// The index may be a state s (for V) or a flattened pair s·|𝒜| + a (for Q).
/// </summary>
public static class MonteCarlo
{
    /// <summary>
    /// Incremental sample mean: V ← V + (G − V)/N, where <paramref name="count"/> = N ≥ 1 already counts this return
    /// (with N = 1 the result is G). Returns the new estimate.
    /// </summary>
    public static double IncrementalMean(double estimate, double ret, int count)
    {
        Guard.Finite(estimate);
        Guard.Finite(ret);
        Guard.AtLeast(count, 1);
        double updated = estimate + (ret - estimate) / count;
        return double.IsFinite(updated) ? updated : throw Guard.Overflow("G − V", nameof(ret));
    }

    /// <summary>Constant-α Monte Carlo: V ← V + α(G − V). Returns the new estimate.</summary>
    public static double ConstantAlpha(double estimate, double ret, double alpha)
    {
        Guard.Finite(estimate);
        Guard.Finite(ret);
        TabularChecks.LearningRate(alpha);
        double updated = estimate + alpha * (ret - estimate);
        return double.IsFinite(updated) ? updated : throw Guard.Overflow("G − V", nameof(ret));
    }

    /// <summary>
    /// In place: N(i) ← N(i) + 1, then V(i) ← V(i) + (G − V(i))/N(i). Returns the error G − V(i) before the update.
    /// </summary>
    public static double IncrementalMeanUpdateInPlace(Span<double> values, Span<int> counts, int index, double ret)
    {
        Guard.NotEmpty(values.Length, nameof(values));
        Guard.SameLength(values.Length, counts.Length, nameof(counts), nameof(values));
        Guard.Index(index, values.Length);
        if (counts[index] < 0)
        {
            throw new ArgumentOutOfRangeException($"counts[{index}]", counts[index], $"counts[{index}] must be ≥ 0 but was {counts[index]}.");
        }

        TabularChecks.EntryFinite(values, index, nameof(values));
        double updated = IncrementalMean(values[index], ret, counts[index] + 1);
        double error = ret - values[index];
        counts[index]++;
        values[index] = updated;
        return error;
    }

    /// <summary>In place: V(i) ← V(i) + α(G − V(i)). Returns the error G − V(i) before the update.</summary>
    public static double ConstantAlphaUpdateInPlace(Span<double> values, int index, double ret, double alpha)
    {
        Guard.NotEmpty(values.Length, nameof(values));
        Guard.Index(index, values.Length);
        TabularChecks.EntryFinite(values, index, nameof(values));
        double updated = ConstantAlpha(values[index], ret, alpha);
        double error = ret - values[index];
        values[index] = updated;
        return error;
    }
}
