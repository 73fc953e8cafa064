using RlNotebooks.Validation;

namespace RlNotebooks.Distributions;

/// <summary>A squashed-Gaussian draw: the pre-squash u, the bounded action a and log π(a).</summary>
/// <param name="Action">a = low + (high − low) ⊙ (tanh(u) + 1)/2.</param>
/// <param name="PreTanh">u ~ N(μ, diag σ²).</param>
/// <param name="LogProb">log π(a) including the tanh and affine change-of-variables terms.</param>
public sealed record TanhGaussianSample(double[] Action, double[] PreTanh, double LogProb);

/// <summary>
/// Tanh-squashed diagonal Gaussian for bounded actions (as in SAC, Haarnoja et al. 2018, appendix C):
/// u ~ N(μ, diag σ²), a = c + h ⊙ tanh(u) with c = (high + low)/2 and h = (high − low)/2, so a ∈ [low, high].
/// log π(a) = log N(u; μ, σ) − Σ_i [log(1 − tanh² u_i) + log h_i].
/// </summary>
/// <remarks>
/// log(1 − tanh² u) is evaluated as 2(log 2 − u − softplus(−2u)), exact and finite for every finite u, whereas the naive
/// form gives log 0 = −∞ once tanh(u) rounds to ±1 (|u| ≳ 19). Log-probabilities take the pre-squash u, not a:
/// recovering u = atanh(a) from a saturated action is ill-conditioned, so keep u from the sampler.
/// </remarks>
public static class TanhGaussian
{
    private const double LogTwo = 0.69314718055994530942;

    /// <summary>log(1 − tanh² u) = 2(log 2 − u − softplus(−2u)), with softplus(x) = max(x, 0) + log(1 + e^{−|x|}).</summary>
    public static double LogOneMinusTanhSquared(double u)
    {
        Guard.Finite(u);

        double value = Unchecked(u);
        return double.IsFinite(value) ? value : throw Guard.Overflow("log(1 − tanh²u) ≈ −2|u|", nameof(u));
    }

    /// <summary>2(log 2 − u − softplus(−2u)) without checks; −∞ when |u| &gt; double.MaxValue/2.</summary>
    private static double Unchecked(double u)
    {
        double x = -2.0 * u;
        double softplus = Math.Max(x, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(x)));
        return 2.0 * (LogTwo - u - softplus);
    }

    /// <summary>a_i = low_i + (high_i − low_i)(tanh(u_i) + 1)/2 as a new array.</summary>
    public static double[] Squash(ReadOnlySpan<double> preTanh, ReadOnlySpan<double> low, ReadOnlySpan<double> high)
    {
        var action = new double[preTanh.Length];
        SquashInto(preTanh, low, high, action);
        return action;
    }

    /// <inheritdoc cref="Squash"/>
    /// <summary>Writes a_i = low_i + (high_i − low_i)(tanh(u_i) + 1)/2 into <paramref name="destination"/>; no allocation.</summary>
    public static void SquashInto(ReadOnlySpan<double> preTanh, ReadOnlySpan<double> low, ReadOnlySpan<double> high, Span<double> destination)
    {
        Guard.NotEmpty(preTanh.Length, nameof(preTanh));
        Guard.AllFinite(preTanh);
        Guard.SameLength(preTanh.Length, low.Length, nameof(low), nameof(preTanh));
        Guard.ActionBounds(low, high);
        Guard.SameLength(preTanh.Length, destination.Length, nameof(destination), nameof(preTanh));
        for (int i = 0; i < preTanh.Length; i++)
        {
            double halfRange = 0.5 * (high[i] - low[i]);
            destination[i] = Math.Clamp(low[i] + halfRange * (Math.Tanh(preTanh[i]) + 1.0), low[i], high[i]);
        }
    }

    /// <summary>log π(a) for a = squash(u): log N(u; μ, σ) − Σ_i [log(1 − tanh² u_i) + log((high_i − low_i)/2)].</summary>
    /// <param name="preTanh">The pre-squash sample u that produced the action.</param>
    /// <param name="mean">μ.</param>
    /// <param name="logStd">log σ.</param>
    /// <param name="low">Lower action bounds (use −1 for a plain tanh policy).</param>
    /// <param name="high">Upper action bounds (use +1 for a plain tanh policy).</param>
    public static double LogProb(ReadOnlySpan<double> preTanh, ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd,
        ReadOnlySpan<double> low, ReadOnlySpan<double> high) =>
        LogProb(preTanh, mean, logStd, low, high, nameof(preTanh));

    /// <summary>log π(a) with errors about u naming <paramref name="preTanhName"/> (a sample's u comes from mean and logStd).</summary>
    private static double LogProb(ReadOnlySpan<double> preTanh, ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd,
        ReadOnlySpan<double> low, ReadOnlySpan<double> high, string preTanhName)
    {
        Guard.SameLength(mean.Length, preTanh.Length, preTanhName, nameof(mean));
        Guard.AllFinite(preTanh, preTanhName);
        Guard.SameLength(mean.Length, low.Length, nameof(low), nameof(mean));
        Guard.ActionBounds(low, high);
        double logProb = DiagonalGaussian.LogProb(preTanh, mean, logStd, preTanhName);
        for (int i = 0; i < preTanh.Length; i++)
        {
            logProb -= Unchecked(preTanh[i]) + Math.Log(0.5 * (high[i] - low[i]));
        }

        return double.IsFinite(logProb)
            ? logProb
            : throw Guard.Overflow("log π(a)", preTanhName);
    }

    /// <summary>Draws u ~ N(μ, σ) and returns a = squash(u), u and log π(a) in a new record.</summary>
    public static TanhGaussianSample Sample(ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd,
        ReadOnlySpan<double> low, ReadOnlySpan<double> high, Random random)
    {
        var action = new double[mean.Length];
        var preTanh = new double[mean.Length];
        double logProb = SampleInto(mean, logStd, low, high, random, action, preTanh);
        return new TanhGaussianSample(action, preTanh, logProb);
    }

    /// <inheritdoc cref="Sample"/>
    /// <summary>
    /// Draws u ~ N(μ, σ) into <paramref name="preTanh"/>, writes a = squash(u) into <paramref name="action"/> and returns
    /// log π(a); deterministic given <paramref name="random"/>; no allocation.
    /// </summary>
    public static double SampleInto(ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd, ReadOnlySpan<double> low,
        ReadOnlySpan<double> high, Random random, Span<double> action, Span<double> preTanh)
    {
        DiagonalGaussian.SampleInto(mean, logStd, random, preTanh);
        SquashInto(preTanh, low, high, action);
        return LogProb(preTanh, mean, logStd, low, high, nameof(logStd));
    }
}
