using RlNotebooks.Validation;

namespace RlNotebooks.Distributions;

/// <summary>
/// Categorical policy π(a|s) = softmax(logits)_a over a discrete action set, parameterised by unnormalised logits.
/// All functions work on the logits directly (no probabilities are materialised) and are stable for huge logits.
/// </summary>
public static class Categorical
{
    /// <summary>log π(a) = x_a − log Σ_j exp(x_j) (an overflow error when it is not representable, see <see cref="Softmax"/>).</summary>
    public static double LogProb(ReadOnlySpan<double> logits, int action)
    {
        double max = Softmax.Validate(logits, 1.0);
        Guard.Index(action, logits.Length);
        double logProb = Softmax.Shifted(logits[action], max, 1.0) - Softmax.ShiftedLogSumExp(logits, max, 1.0);
        return double.IsFinite(logProb) ? logProb : throw Guard.Overflow("log π(a)", nameof(logits));
    }

    /// <summary>Entropy H(π) = −Σ_a π(a) log π(a) in nats, ∈ [0, log |A|] (0 log 0 = 0).</summary>
    public static double Entropy(ReadOnlySpan<double> logits)
    {
        double max = Softmax.Validate(logits, 1.0);
        double logNormaliser = Softmax.ShiftedLogSumExp(logits, max, 1.0);
        double entropy = 0.0;
        for (int a = 0; a < logits.Length; a++)
        {
            double logP = Softmax.Shifted(logits[a], max, 1.0) - logNormaliser;
            double p = Math.Exp(logP);
            if (p > 0.0)
            {
                entropy -= p * logP;
            }
        }

        return Math.Clamp(entropy, 0.0, Math.Log(logits.Length));
    }

    /// <summary>
    /// D_KL(p ‖ q) = Σ_a p(a) log(p(a)/q(a)) with p = softmax(<paramref name="logitsP"/>), q = softmax(<paramref name="logitsQ"/>),
    /// in nats. The expectation is under p (the first argument). Floored at 0 against rounding; when q gives an action
    /// probability that underflows while p does not, the divergence is not representable and an overflow error is thrown.
    /// </summary>
    public static double KlDivergence(ReadOnlySpan<double> logitsP, ReadOnlySpan<double> logitsQ)
    {
        double maxP = Softmax.Validate(logitsP, 1.0);
        double maxQ = Softmax.Validate(logitsQ, 1.0);
        Guard.SameLength(logitsP.Length, logitsQ.Length, nameof(logitsQ), nameof(logitsP));
        double logNormaliserP = Softmax.ShiftedLogSumExp(logitsP, maxP, 1.0);
        double logNormaliserQ = Softmax.ShiftedLogSumExp(logitsQ, maxQ, 1.0);
        double kl = 0.0;
        for (int a = 0; a < logitsP.Length; a++)
        {
            double logP = Softmax.Shifted(logitsP[a], maxP, 1.0) - logNormaliserP;
            double p = Math.Exp(logP);
            if (p > 0.0)
            {
                double logQ = Softmax.Shifted(logitsQ[a], maxQ, 1.0) - logNormaliserQ;
                kl += p * (logP - logQ);
            }
        }

        return double.IsFinite(kl) ? Math.Max(kl, 0.0) : throw Guard.Overflow("D_KL(p ‖ q)", nameof(logitsQ));
    }

    /// <summary>∇_logits log π(a) = onehot(a) − softmax(logits) as a new array.</summary>
    public static double[] LogProbGradient(ReadOnlySpan<double> logits, int action)
    {
        var gradient = new double[logits.Length];
        LogProbGradientInto(logits, action, gradient);
        return gradient;
    }

    /// <inheritdoc cref="LogProbGradient"/>
    /// <summary>Writes ∇_logits log π(a) = onehot(a) − softmax(logits) into <paramref name="destination"/>; no allocation.</summary>
    public static void LogProbGradientInto(ReadOnlySpan<double> logits, int action, Span<double> destination)
    {
        Guard.Index(action, logits.Length);
        Softmax.ProbabilitiesInto(logits, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = -destination[i];
        }

        destination[action] += 1.0;
    }

    /// <summary>
    /// Draws a ~ softmax(logits/τ) by inverse-CDF with one <see cref="Random.NextDouble"/> call; same <paramref name="random"/>
    /// state → same action. Never returns an action of probability 0.
    /// </summary>
    public static int Sample(ReadOnlySpan<double> logits, Random random, double temperature = 1.0)
    {
        ArgumentNullException.ThrowIfNull(random);
        double max = Softmax.Validate(logits, temperature);
        double u = random.NextDouble() * Softmax.ShiftedExpSum(logits, max, temperature);
        return InverseCdf.Sample(new LogitWeights(logits, max, temperature), u);
    }

    /// <summary>
    /// Draws i ~ Categorical(p) from explicit probabilities: the first i with p₀ + … + pᵢ &gt; u, u ~ U[0, 1), with one
    /// <see cref="Random.NextDouble"/> call (Gymnasium's <c>categorical_sample</c>). Entries listed twice simply add up; a zero
    /// entry is never returned; if rounding leaves u above the total, the last positive entry is returned.
    /// Entries are checked as they are read (up to the chosen index).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="probabilities"/> is empty, has a negative/non-finite entry, or no positive entry.</exception>
    public static int SampleFromProbabilities(ReadOnlySpan<double> probabilities, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Guard.NotEmpty(probabilities.Length, nameof(probabilities));
        int index = InverseCdf.Sample(new ProbabilityWeights(probabilities), random.NextDouble());
        if (index < 0)
        {
            throw new ArgumentException("probabilities must contain a positive entry.", nameof(probabilities));
        }

        return index;
    }

    /// <summary>wᵢ = exp((xᵢ − max)/τ), the unnormalised softmax weights.</summary>
    private readonly ref struct LogitWeights(ReadOnlySpan<double> logits, double max, double temperature) : IDiscreteWeights
    {
        private readonly ReadOnlySpan<double> _logits = logits;

        public int Count => _logits.Length;

        public double Weight(int index) => Math.Exp(Softmax.Shifted(_logits[index], max, temperature));
    }

    /// <summary>wᵢ = pᵢ, each checked to be a finite probability ≥ 0 when read.</summary>
    private readonly ref struct ProbabilityWeights(ReadOnlySpan<double> probabilities) : IDiscreteWeights
    {
        private readonly ReadOnlySpan<double> _probabilities = probabilities;

        public int Count => _probabilities.Length;

        public double Weight(int index)
        {
            double p = _probabilities[index];
            if (!(p >= 0.0 && double.IsFinite(p)))
            {
                throw new ArgumentException($"probabilities[{index}] must be a finite probability ≥ 0 but was {p}.", "probabilities");
            }

            return p;
        }
    }
}
