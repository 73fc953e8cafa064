namespace RlNotebooks.Validation;

public static partial class Guard
{
    /// <summary>
    /// Largest log-ratio log π − log μ whose exponential is a finite double: ln(double.MaxValue) ≈ 709.78.
    /// A ratio exp(x) with x above this overflows to +∞.
    /// </summary>
    public const double MaxLogRatio = 709.782712893384;

    /// <summary>
    /// Throws unless the (possibly cumulative) log-ratio at <paramref name="index"/> is at most <see cref="MaxLogRatio"/>,
    /// i.e. unless exp(<paramref name="logRatio"/>) is representable. Names the index and both log-probabilities there.
    /// </summary>
    public static void RepresentableLogRatio(double logRatio, int index, double target, double behaviour, string paramName)
    {
        if (logRatio > MaxLogRatio)
        {
            throw new ArgumentException(
                $"the (cumulative) log-ratio at {paramName}[{index}] is {logRatio} (log-probabilities {target} vs {behaviour} at that index); " +
                $"exp({logRatio}) overflows a double (limit {MaxLogRatio}).", paramName);
        }
    }

    /// <summary>Throws unless every importance weight is finite and ≥ 0; names the first bad index.</summary>
    public static void ImportanceWeights(ReadOnlySpan<double> weights, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(weights))] string? paramName = null)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            if (!(weights[i] >= 0.0 && double.IsFinite(weights[i])))
            {
                throw new ArgumentException($"{paramName}[{i}] must be a finite weight ≥ 0 but was {weights[i]}.", paramName);
            }
        }
    }
}
