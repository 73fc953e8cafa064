using RlNotebooks.Surrogates;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Surrogates;

/// <summary>
/// Each surrogate is compared with a straightforward reference written here from its definition (Math.Exp per sample),
/// over short and long batches (lengths 1, 3, 4, 5, 17, 1000), across the whole exp range, and for the order in which bad
/// samples are reported.
/// </summary>
public class SurrogateReferenceTests
{
    private const double Epsilon = 0.2;
    private const double Unit = 1.0 / (1L << 53); // unit roundoff u = 2⁻⁵³.

    public static TheoryData<int> Lengths => [1, 3, 4, 5, 17, 1000];

    /// <summary>Log-ratios in ±0.5 (so about half the samples fall outside [0.8, 1.2]), advantages in ±2, log-probs ≤ 0.</summary>
    private static (double[] NewLogProbs, double[] OldLogProbs, double[] Advantages) Batch(int n, int seed)
    {
        var random = new Random(seed);
        var newLogProbs = new double[n];
        var oldLogProbs = new double[n];
        var advantages = new double[n];
        for (int t = 0; t < n; t++)
        {
            oldLogProbs[t] = -4.0 * random.NextDouble();
            newLogProbs[t] = oldLogProbs[t] + (random.NextDouble() - 0.5);
            advantages[t] = 4.0 * (random.NextDouble() - 0.5);
        }

        return (newLogProbs, oldLogProbs, advantages);
    }

    /// <summary>Scalar L^CLIP terms min(rₜ Âₜ, clip(rₜ, 1 − ε, 1 + ε) Âₜ) and the gradient convention of ClippedSurrogate.</summary>
    private static (double[] Terms, double[] Gradient) ReferenceClip(double[] newLogProbs, double[] oldLogProbs, double[] advantages, double epsilon)
    {
        int n = newLogProbs.Length;
        var terms = new double[n];
        var gradient = new double[n];
        for (int t = 0; t < n; t++)
        {
            double ratio = Math.Exp(newLogProbs[t] - oldLogProbs[t]);
            double unclipped = ratio * advantages[t];
            double clipped = Math.Clamp(ratio, 1 - epsilon, 1 + epsilon) * advantages[t];
            terms[t] = Math.Min(unclipped, clipped);
            gradient[t] = unclipped <= clipped ? unclipped * (1.0 / n) : 0.0;
        }

        return (terms, gradient);
    }

    /// <summary>
    /// |mean − reference mean| within the worst-case summation error: each of the two sums (lane-wise and sequential) errs by
    /// at most n·u·Σ|termₜ|, and each term by a few ulps from exp, so 2(n + 2)·u·Σ|termₜ| / n bounds their difference.
    /// </summary>
    private static void AssertMean(double[] terms, double actual)
    {
        int n = terms.Length;
        double expected = terms.Sum() / n;
        double tolerance = 2.0 * (n + 2) * Unit * terms.Sum(Math.Abs) / n;
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"n = {n}: expected {expected:R}, actual {actual:R}, tolerance {tolerance:R}");
    }

    private static void AssertRelative(double[] expected, double[] actual, double tolerance = 1e-15)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int t = 0; t < expected.Length; t++)
        {
            Assert.True(Math.Abs(expected[t] - actual[t]) <= tolerance * Math.Abs(expected[t]),
                $"index {t}: expected {expected[t]:R}, actual {actual[t]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Clipped_surrogate_value_and_gradient_match_the_scalar_definition(int n)
    {
        var (newLogProbs, oldLogProbs, advantages) = Batch(n, seed: n);
        var (terms, expectedGradient) = ReferenceClip(newLogProbs, oldLogProbs, advantages, Epsilon);
        var gradient = new double[n];
        double value = ClippedSurrogate.ValueAndGradientInto(newLogProbs, oldLogProbs, advantages, Epsilon, gradient);
        AssertMean(terms, value);
        AssertRelative(expectedGradient, gradient);
        Assert.Equal(value, ClippedSurrogate.Value(newLogProbs, oldLogProbs, advantages, Epsilon));
        Assert.Equal(value, ClippedSurrogate.ValueAndGradient(newLogProbs, oldLogProbs, advantages, Epsilon).Value);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Cpi_surrogate_and_clip_fraction_match_the_scalar_definition(int n)
    {
        var (newLogProbs, oldLogProbs, advantages) = Batch(n, seed: 100 + n);
        var ratios = newLogProbs.Select((lp, t) => Math.Exp(lp - oldLogProbs[t])).ToArray();
        AssertMean(ratios.Select((r, t) => r * advantages[t]).ToArray(), CpiSurrogate.Value(newLogProbs, oldLogProbs, advantages));
        // The clip fraction is a count, so it must agree exactly (no ratio here lies within a few ulps of 1 ± ε).
        Assert.Equal(ratios.Count(r => Math.Abs(r - 1) > Epsilon) / (double)n, ClipFraction.Compute(newLogProbs, oldLogProbs, Epsilon));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void K3_matches_the_scalar_definition(int n)
    {
        // Every fifth sample gets a tiny log-ratio, which k3 evaluates with expm1.
        var (newLogProbs, oldLogProbs, _) = Batch(n, seed: 200 + n);
        for (int t = 0; t < n; t += 5)
        {
            newLogProbs[t] = oldLogProbs[t] + 1e-7 * (t % 3 - 1);
        }

        double sum = 0.0, bound = 0.0;
        for (int t = 0; t < n; t++)
        {
            double logRatio = newLogProbs[t] - oldLogProbs[t], ratio = Math.Exp(logRatio);
            double term = Math.Max(0.0, (Math.Abs(logRatio) < 1e-5 ? double.ExpM1(logRatio) : ratio - 1.0) - logRatio);
            sum += term;
            // (rₜ − 1) − log rₜ cancels, so an ulp of rₜ is the error scale of a term: allow two of them plus the summation bound.
            bound += 4.0 * Unit * (ratio + 1.0) + 2.0 * (n + 2) * Unit * term;
        }

        double actual = KlEstimators.K3(newLogProbs, oldLogProbs);
        Assert.True(Math.Abs(actual - sum / n) <= bound / n, $"n = {n}: expected {sum / n:R}, actual {actual:R}");
    }

    [Fact]
    public void Ratios_cover_the_whole_exp_range_from_underflow_to_the_overflow_limit()
    {
        // Log-ratios from −800 (r underflows to 0) through the subnormal range (−745 < x < −708) up to 709.78: the ratio
        // must agree with Math.Exp everywhere, and r = 0 or huge r must not disturb the other samples.
        double[] logRatios = [-800.0, -744.0, -720.5, -708.0, -1e-300, 0.0, 1e-17, 0.3, 700.0, 709.0, 709.78, -0.7];
        double[] advantages = [1.0, -1.0, 2.0, 0.5, 1.0, -3.0, 1.0, 2.0, 1e-300, -1e-300, 1e-300, 1.0];
        var (terms, expectedGradient) = ReferenceClip(logRatios, new double[logRatios.Length], advantages, Epsilon);
        var gradient = new double[logRatios.Length];
        double value = ClippedSurrogate.ValueAndGradientInto(logRatios, new double[logRatios.Length], advantages, Epsilon, gradient);
        AssertMean(terms, value);
        for (int t = 0; t < logRatios.Length; t++)
        {
            // Subnormal results carry fewer significant bits, so compare them to within one subnormal ulp instead.
            double tolerance = Math.Max(1e-15 * Math.Abs(expectedGradient[t]), double.Epsilon);
            Assert.True(Math.Abs(expectedGradient[t] - gradient[t]) <= tolerance, $"index {t}: expected {expectedGradient[t]:R}, actual {gradient[t]:R}");
        }
    }

    [Fact]
    public void Ratio_of_exactly_one_stays_exactly_one()
    {
        // r = exp(0) = 1 exactly, so with ε = 0 no sample is outside the clip interval and L^CPI = mean Â exactly.
        double[] logProbs = [-0.7, 2.5, -1.25, 0.0, -3.5, 1.0, -2.0, 0.25];
        Assert.Equal(0.0, ClipFraction.Compute(logProbs, logProbs, 0.0));
        Assert.Equal(2.25, CpiSurrogate.Value(logProbs, logProbs, [1.0, 2.0, 3.0, 4.0, 1.0, 2.0, 3.0, 2.0])); // (10 + 8)/8
    }

    [Fact]
    public void First_bad_sample_is_named()
    {
        // n = 17, bad samples at several positions: the first offender in index order is named.
        (double[], double[], double[]) Clean() => Batch(17, seed: 7);

        var (newLp, oldLp, adv) = Clean();
        newLp[6] = double.PositiveInfinity;
        adv[9] = double.NaN;
        BadInput.Fails(() => ClippedSurrogate.Value(newLp, oldLp, adv, Epsilon), "newLogProbs", "newLogProbs[6] must be finite but was Infinity");

        // Same index: the advantage is checked before the log-probabilities, as in the scalar loop.
        (newLp, oldLp, adv) = Clean();
        adv[5] = double.NaN;
        newLp[5] = double.NaN;
        BadInput.Fails(() => ClippedSurrogate.ValueAndGradientInto(newLp, oldLp, adv, Epsilon, new double[17]), "advantages", "advantages[5] must be finite but was NaN");

        // An overflowing ratio at index 6 beats a NaN advantage at index 7.
        (newLp, oldLp, adv) = Clean();
        newLp[6] = 800.0;
        adv[7] = double.NaN;
        BadInput.Fails(() => CpiSurrogate.Value(newLp, oldLp, adv), "newLogProbs", "r[6] = exp(800");

        (newLp, oldLp, adv) = Clean();
        newLp[10] = 720.0;
        BadInput.Fails(() => KlEstimators.K3(newLp, oldLp), "newLogProbs", "r[10] = exp(72");

        (newLp, oldLp, adv) = Clean();
        oldLp[13] = double.NegativeInfinity;
        newLp[14] = double.NaN;
        BadInput.Fails(() => ClipFraction.Compute(newLp, oldLp, Epsilon), "oldLogProbs", "oldLogProbs[13] must be finite but was -Infinity");

        // −∞ new log-probability: rejected like every other non-finite input (the ratio would silently be 0).
        (newLp, oldLp, adv) = Clean();
        newLp[4] = double.NegativeInfinity;
        BadInput.Fails(() => ClippedSurrogate.Value(newLp, oldLp, adv, Epsilon), "newLogProbs", "newLogProbs[4] must be finite but was -Infinity");

        // A bad last sample.
        (newLp, oldLp, adv) = Clean();
        adv[16] = double.PositiveInfinity;
        BadInput.Fails(() => ClippedSurrogate.Value(newLp, oldLp, adv, Epsilon), "advantages", "advantages[16] must be finite but was Infinity");
    }

    [Fact]
    public void Sum_overflow_is_reported_after_every_sample_has_been_validated()
    {
        // Finite but huge terms overflow the sum; a NaN advantage later still wins, because every sample is checked first.
        var (newLogProbs, oldLogProbs, advantages) = Batch(9, seed: 3);
        advantages[0] = double.MaxValue;
        advantages[1] = double.MaxValue;
        newLogProbs[0] = oldLogProbs[0] + 0.1;
        newLogProbs[1] = oldLogProbs[1] + 0.1;
        Assert.Contains("overflowed", Assert.ThrowsAny<ArgumentException>(() => CpiSurrogate.Value(newLogProbs, oldLogProbs, advantages)).Message);
        advantages[6] = double.NaN;
        BadInput.Fails(() => CpiSurrogate.Value(newLogProbs, oldLogProbs, advantages), "advantages", "advantages[6]");
    }

    [Fact]
    public void Span_overload_allocates_nothing()
    {
        var (newLogProbs, oldLogProbs, advantages) = Batch(1001, seed: 11);
        var gradient = new double[1001];
        Assert.Equal(0, Allocations.LeastBytes(() => ClippedSurrogate.ValueAndGradientInto(newLogProbs, oldLogProbs, advantages, Epsilon, gradient)));
    }
}
