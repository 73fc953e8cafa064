using RlNotebooks.Validation;

namespace RlNotebooks.Distributions;

/// <summary>
/// Numerically stable softmax, log-softmax and log-sum-exp with temperature τ:
/// p_i = exp(x_i/τ) / Σ_j exp(x_j/τ), computed from shifted logits z_i = (x_i − max_j x_j)/τ ≤ 0.
/// </summary>
/// <remarks>
/// Subtracting the maximum makes every exponent ≤ 0, so the normaliser lies in [1, n] and never overflows. A log-probability
/// that is not representable (−∞, from a spread (max − xᵢ)/τ beyond the double range) is reported as an overflow error.
/// </remarks>
public static class Softmax
{
    /// <summary>π(i) = softmax(x/τ)_i as a new array.</summary>
    /// <param name="logits">Finite logits x.</param>
    /// <param name="temperature">τ &gt; 0; τ → 0 approaches argmax, τ → ∞ approaches uniform.</param>
    public static double[] Probabilities(ReadOnlySpan<double> logits, double temperature = 1.0)
    {
        var probabilities = new double[logits.Length];
        ProbabilitiesInto(logits, probabilities, temperature);
        return probabilities;
    }

    /// <inheritdoc cref="Probabilities"/>
    /// <summary>Writes softmax(x/τ) into <paramref name="destination"/>; no allocation.</summary>
    public static void ProbabilitiesInto(ReadOnlySpan<double> logits, Span<double> destination, double temperature = 1.0)
    {
        Guard.SameLength(logits.Length, destination.Length, nameof(destination), nameof(logits));
        double max = Validate(logits, temperature);
        double sum = 0.0;
        for (int i = 0; i < logits.Length; i++)
        {
            destination[i] = Math.Exp(Shifted(logits[i], max, temperature));
            sum += destination[i];
        }

        for (int i = 0; i < logits.Length; i++)
        {
            destination[i] /= sum;
        }
    }

    /// <summary>log π(i) = x_i/τ − log Σ_j exp(x_j/τ) as a new array.</summary>
    /// <param name="logits">Finite logits x.</param>
    /// <param name="temperature">τ &gt; 0.</param>
    public static double[] LogProbabilities(ReadOnlySpan<double> logits, double temperature = 1.0)
    {
        var logProbabilities = new double[logits.Length];
        LogProbabilitiesInto(logits, logProbabilities, temperature);
        return logProbabilities;
    }

    /// <inheritdoc cref="LogProbabilities"/>
    /// <summary>Writes log-softmax(x/τ) into <paramref name="destination"/>; no allocation.</summary>
    public static void LogProbabilitiesInto(ReadOnlySpan<double> logits, Span<double> destination, double temperature = 1.0)
    {
        Guard.SameLength(logits.Length, destination.Length, nameof(destination), nameof(logits));
        double max = Validate(logits, temperature);
        double logNormaliser = ShiftedLogSumExp(logits, max, temperature);
        for (int i = 0; i < logits.Length; i++)
        {
            destination[i] = Shifted(logits[i], max, temperature) - logNormaliser;
        }

        if (!Guard.IsAllFinite(destination))
        {
            throw Guard.Overflow("log π(i) = (xᵢ − max)/τ − log Σⱼ exp((xⱼ − max)/τ)", nameof(logits));
        }
    }

    /// <summary>
    /// log Σ_i exp(x_i/τ) − max_i x_i/τ: the log-normaliser of the shifted logits, in [0, log n].
    /// Use with <see cref="Shifted"/> to get log π(i) = Shifted(x_i) − ShiftedLogSumExp without overflow.
    /// </summary>
    internal static double ShiftedLogSumExp(ReadOnlySpan<double> logits, double max, double temperature) =>
        Math.Log(ShiftedExpSum(logits, max, temperature));

    /// <summary>Σ_i exp(z_i) with z_i = <see cref="Shifted"/>(x_i): the softmax normaliser, in [1, n] when max is the true maximum. Unchecked.</summary>
    internal static double ShiftedExpSum(ReadOnlySpan<double> logits, double max, double temperature)
    {
        double sum = 0.0;
        for (int i = 0; i < logits.Length; i++)
        {
            sum += Math.Exp(Shifted(logits[i], max, temperature));
        }

        return sum;
    }

    /// <summary>
    /// τ log Σ_i exp(x_i/τ) = m + τ·<see cref="ShiftedLogSumExp"/>(x, m, τ) with m = max_i x_i: finite for any finite,
    /// non-empty logits and τ &gt; 0. Unchecked: callers validate (e.g. the soft Bellman value V_soft, where τ is the temperature).
    /// </summary>
    internal static double LogSumExp(ReadOnlySpan<double> logits, double temperature)
    {
        double max = Max(logits);
        return max + temperature * ShiftedLogSumExp(logits, max, temperature);
    }

    /// <summary>z_i = (x_i − max)/τ ≤ 0.</summary>
    internal static double Shifted(double logit, double max, double temperature) => (logit - max) / temperature;

    /// <summary>Validates non-empty, finite logits and τ &gt; 0, and returns max_i x_i.</summary>
    internal static double Validate(ReadOnlySpan<double> logits, double temperature,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(logits))] string? paramName = null)
    {
        Guard.NotEmpty(logits.Length, paramName);
        Guard.AllFinite(logits, paramName);
        Guard.Positive(temperature);
        return Max(logits);
    }

    private static double Max(ReadOnlySpan<double> logits)
    {
        double max = logits[0];
        for (int i = 1; i < logits.Length; i++)
        {
            max = Math.Max(max, logits[i]);
        }

        return max;
    }
}
