using RlNotebooks.Validation;

namespace RlNotebooks.Distributions;

/// <summary>Gradients of log N(x; μ, diag σ²) with respect to μ and log σ.</summary>
/// <param name="Mean">∂ log π(x)/∂μ_i = (x_i − μ_i)/σ_i².</param>
/// <param name="LogStd">∂ log π(x)/∂ log σ_i = ((x_i − μ_i)/σ_i)² − 1.</param>
public sealed record GaussianLogProbGradient(double[] Mean, double[] LogStd);

/// <summary>
/// Diagonal Gaussian policy π(a|s) = N(a; μ, diag σ²) parameterised by μ and log σ (so σ = exp(log σ) &gt; 0 always).
/// log π(x) = Σ_i [−½((x_i − μ_i)/σ_i)² − log σ_i − ½ log 2π].
/// </summary>
public static class DiagonalGaussian
{
    private const double HalfLogTwoPi = 0.91893853320467274178;

    /// <summary>log π(x) = Σ_i [−½((x_i − μ_i)/σ_i)² − log σ_i − ½ log 2π].</summary>
    public static double LogProb(ReadOnlySpan<double> x, ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd) =>
        LogProb(x, mean, logStd, nameof(x));

    /// <summary>log π(x) with errors about x naming <paramref name="xName"/> (e.g. preTanh for the squashed Gaussian).</summary>
    internal static double LogProb(ReadOnlySpan<double> x, ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd, string xName)
    {
        Validate(mean, logStd);
        Guard.SameLength(mean.Length, x.Length, xName, nameof(mean));
        Guard.AllFinite(x, xName);
        double logProb = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            double z = (x[i] - mean[i]) * Math.Exp(-logStd[i]);
            logProb -= 0.5 * z * z + logStd[i] + HalfLogTwoPi;
        }

        return double.IsFinite(logProb) ? logProb : throw Guard.Overflow("log N(x; μ, σ)", xName);
    }

    /// <summary>Differential entropy H = Σ_i (log σ_i + ½ log(2πe)) in nats; ½ log(2πe) ≈ 1.4189385 per standard-normal dimension.</summary>
    public static double Entropy(ReadOnlySpan<double> logStd)
    {
        Guard.NotEmpty(logStd.Length, nameof(logStd));
        Guard.AllFinite(logStd);
        double entropy = 0.0;
        for (int i = 0; i < logStd.Length; i++)
        {
            entropy += logStd[i] + HalfLogTwoPi + 0.5;
        }

        return double.IsFinite(entropy) ? entropy : throw Guard.Overflow("H = Σ (log σᵢ + ½ log(2πe))", nameof(logStd));
    }

    /// <summary>
    /// D_KL(N₁ ‖ N₂) = Σ_i [log(σ₂ᵢ/σ₁ᵢ) + (σ₁ᵢ² + (μ₁ᵢ − μ₂ᵢ)²)/(2σ₂ᵢ²) − ½], expectation under N₁ (the first pair of
    /// arguments). Floored at 0 against rounding.
    /// </summary>
    public static double KlDivergence(ReadOnlySpan<double> mean1, ReadOnlySpan<double> logStd1,
        ReadOnlySpan<double> mean2, ReadOnlySpan<double> logStd2)
    {
        Validate(mean1, logStd1, nameof(mean1), nameof(logStd1));
        Validate(mean2, logStd2, nameof(mean2), nameof(logStd2));
        Guard.SameLength(mean1.Length, mean2.Length, nameof(mean2), nameof(mean1));
        double kl = 0.0;
        for (int i = 0; i < mean1.Length; i++)
        {
            double logVarianceRatio = 2.0 * (logStd1[i] - logStd2[i]);
            double z = (mean1[i] - mean2[i]) * Math.Exp(-logStd2[i]);
            // log(σ₂/σ₁) + σ₁²/(2σ₂²) − ½ = ½(e^{2Δ} − 1 − 2Δ) with Δ = log σ₁ − log σ₂, written with expm1 for small Δ.
            kl += 0.5 * (double.ExpM1(logVarianceRatio) - logVarianceRatio) + 0.5 * z * z;
        }

        return double.IsFinite(kl) ? Math.Max(0.0, kl) : throw Guard.Overflow("D_KL(N₁‖N₂)", nameof(mean1));
    }

    /// <summary>∇_μ log π(x) and ∇_{log σ} log π(x) as a new record.</summary>
    public static GaussianLogProbGradient LogProbGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd)
    {
        var gradMean = new double[mean.Length];
        var gradLogStd = new double[mean.Length];
        LogProbGradientInto(x, mean, logStd, gradMean, gradLogStd);
        return new GaussianLogProbGradient(gradMean, gradLogStd);
    }

    /// <inheritdoc cref="LogProbGradient"/>
    /// <summary>Writes (x_i − μ_i)/σ_i² into <paramref name="meanGradient"/> and ((x_i − μ_i)/σ_i)² − 1 into <paramref name="logStdGradient"/>.</summary>
    public static void LogProbGradientInto(ReadOnlySpan<double> x, ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd,
        Span<double> meanGradient, Span<double> logStdGradient)
    {
        Validate(mean, logStd);
        Guard.SameLength(mean.Length, x.Length, nameof(x), nameof(mean));
        Guard.SameLength(mean.Length, meanGradient.Length, nameof(meanGradient), nameof(mean));
        Guard.SameLength(mean.Length, logStdGradient.Length, nameof(logStdGradient), nameof(mean));
        Guard.AllFinite(x);
        for (int i = 0; i < x.Length; i++)
        {
            double inverseStd = Math.Exp(-logStd[i]);
            double z = (x[i] - mean[i]) * inverseStd;
            meanGradient[i] = z * inverseStd;
            logStdGradient[i] = z * z - 1.0;
        }

        // Inputs are finite, so a non-finite entry means e^{−log σ}, z = (x − μ)/σ, z/σ or z² overflowed (or 0·∞ gave NaN).
        if (!Guard.IsAllFinite(meanGradient[..x.Length]) || !Guard.IsAllFinite(logStdGradient[..x.Length]))
        {
            throw Guard.Overflow("∇ log π(x) = ((x − μ)/σ², z² − 1)", nameof(x));
        }
    }

    /// <summary>Draws x = μ + σ ⊙ ξ, ξ ~ N(0, I) (Box–Muller), as a new array.</summary>
    public static double[] Sample(ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd, Random random)
    {
        var x = new double[mean.Length];
        SampleInto(mean, logStd, random, x);
        return x;
    }

    /// <inheritdoc cref="Sample"/>
    /// <summary>Writes x = μ + σ ⊙ ξ into <paramref name="destination"/>; deterministic given <paramref name="random"/>; no allocation.</summary>
    public static void SampleInto(ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd, Random random, Span<double> destination)
    {
        Validate(mean, logStd);
        Guard.SameLength(mean.Length, destination.Length, nameof(destination), nameof(mean));
        StandardNormal.FillInto(random, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = mean[i] + Math.Exp(logStd[i]) * destination[i];
            if (!double.IsFinite(destination[i]))
            {
                throw new ArgumentException($"logStd[{i}] = {logStd[i]} makes the draw overflow to {destination[i]}.", nameof(logStd));
            }
        }
    }

    /// <summary>Validates a non-empty, finite (μ, log σ) pair of equal length.</summary>
    internal static void Validate(ReadOnlySpan<double> mean, ReadOnlySpan<double> logStd, string meanName = "mean", string logStdName = "logStd")
    {
        Guard.NotEmpty(mean.Length, meanName);
        Guard.SameLength(mean.Length, logStd.Length, logStdName, meanName);
        Guard.AllFinite(mean, meanName);
        Guard.AllFinite(logStd, logStdName);
    }
}
