using FsCheck.Fluent;
using RlNotebooks.Surrogates;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Surrogates;

public class ClippedSurrogateTests
{
    private const double PpoEpsilon = 0.2; // Schulman et al. 2017, "Proximal Policy Optimization Algorithms", §6.1: ε = 0.2 works best.

    private static readonly double[] Ratios = [1.5, 0.5, 1.1, 0.7];
    private static readonly double[] Advantages = [1.0, -1.0, 2.0, 1.0];

    private static double[] NewLogProbs => Ratios.Select(r => Math.Log(r)).ToArray();

    [Fact]
    public void Worked_example_with_the_papers_epsilon()
    {
        // ε = 0.2, clip interval [0.8, 1.2]; old log-probs 0 so rₜ = exp(new log-prob).
        // t0: r = 1.5, Â = 1:  min(1.5, 1.2)   = 1.2   (clipped, gradient 0)
        // t1: r = 0.5, Â = −1: min(−0.5, −0.8) = −0.8  (clipped, gradient 0)
        // t2: r = 1.1, Â = 2:  min(2.2, 2.2)   = 2.2   (inside, gradient 2.2/4 = 0.55)
        // t3: r = 0.7, Â = 1:  min(0.7, 0.8)   = 0.7   (unclipped is smaller, gradient 0.7/4 = 0.175)
        // L^CLIP = (1.2 − 0.8 + 2.2 + 0.7)/4 = 3.3/4 = 0.825; L^CPI = (1.5 − 0.5 + 2.2 + 0.7)/4 = 0.975.
        var result = ClippedSurrogate.ValueAndGradient(NewLogProbs, new double[4], Advantages, PpoEpsilon);
        Assert.Equal(0.825, result.Value, 12);
        Assert.Equal([0.0, 0.0, 0.55, 0.175], result.Gradient.Select(g => Math.Round(g, 12)));
        Assert.Equal(0.825, ClippedSurrogate.Value(NewLogProbs, new double[4], Advantages, PpoEpsilon), 12);
        Assert.Equal(0.975, CpiSurrogate.Value(NewLogProbs, new double[4], Advantages), 12);
    }

    [Fact]
    public void Clip_fraction_counts_ratios_strictly_outside_one_plus_minus_epsilon()
    {
        // |r − 1| = [0.5, 0.5, 0.1, 0.3] > 0.2 for t0, t1, t3 → 3/4.
        Assert.Equal(0.75, ClipFraction.Compute(NewLogProbs, new double[4], PpoEpsilon), 12);
        // Exactly on the boundary is not clipped: r = 1 exactly with ε = 0 gives |r − 1| = 0 = ε.
        Assert.Equal(0.0, ClipFraction.Compute([-0.7, 2.5], [-0.7, 2.5], 0.0));
        Assert.Equal(1.0, ClipFraction.Compute([Math.Log(1.5)], [0.0], 0.49));
    }

    [Fact]
    public void Clipped_term_never_exceeds_the_unclipped_term_per_sample()
    {
        var gen = from logRatio in Properties.Finite(3)
                  from advantage in Properties.Finite(10)
                  from epsilon in Properties.Between(0, 1)
                  select (logRatio, advantage, epsilon);
        Properties.Check(gen, x =>
            ClippedSurrogate.Value([x.logRatio], [0.0], [x.advantage], x.epsilon)
            <= CpiSurrogate.Value([x.logRatio], [0.0], [x.advantage]) + 1e-12);
    }

    [Fact]
    public void Gradient_matches_central_finite_differences_away_from_the_kinks()
    {
        var gen = from n in Gen.Choose(1, 12)
                  from newLogProbs in Gen.ArrayOf(Properties.Finite(1), n)
                  from oldLogProbs in Gen.ArrayOf(Properties.Finite(1), n)
                  from advantages in Gen.ArrayOf(Properties.Finite(5), n)
                  from epsilon in Properties.Between(0.05, 0.5)
                  select (newLogProbs, oldLogProbs, advantages, epsilon);
        Properties.Check(gen, x =>
        {
            for (int t = 0; t < x.newLogProbs.Length; t++)
            {
                double r = Math.Exp(x.newLogProbs[t] - x.oldLogProbs[t]);
                if (Math.Abs(Math.Abs(r - 1) - x.epsilon) < 1e-4)
                {
                    return; // a kink of min/clip: the derivative does not exist there.
                }
            }

            var analytic = ClippedSurrogate.ValueAndGradient(x.newLogProbs, x.oldLogProbs, x.advantages, x.epsilon).Gradient;
            var numeric = FiniteDifferences.Gradient(
                p => ClippedSurrogate.Value(p, x.oldLogProbs, x.advantages, x.epsilon), x.newLogProbs);
            FiniteDifferences.AssertClose(numeric, analytic);
        });
    }

    [Fact]
    public void Span_overload_allocates_nothing()
    {
        var newLogProbs = NewLogProbs;
        var oldLogProbs = new double[4];
        var gradient = new double[4];
        Assert.Equal(0, Allocations.LeastBytes(() => ClippedSurrogate.ValueAndGradientInto(newLogProbs, oldLogProbs, Advantages, PpoEpsilon, gradient)));
    }

    [Fact]
    public void Bad_inputs_name_the_parameter_index_and_value()
    {
        var nan = Assert.ThrowsAny<ArgumentException>(() => ClippedSurrogate.Value([0.0, 0.0], [0.0, 0.0], [1.0, double.NaN], 0.2));
        Assert.Equal("advantages", nan.ParamName);
        Assert.Contains("[1]", nan.Message);
        Assert.Contains("NaN", nan.Message);
        var epsilon = Assert.ThrowsAny<ArgumentException>(() => ClippedSurrogate.Value([0.0], [0.0], [1.0], 1.5));
        Assert.Equal("epsilon", epsilon.ParamName);
        Assert.Contains("1.5", epsilon.Message);
        var length = Assert.ThrowsAny<ArgumentException>(() => ClippedSurrogate.Value([0.0, 0.0], [0.0], [1.0, 1.0], 0.2));
        Assert.Equal("oldLogProbs", length.ParamName);
        var gradient = Assert.ThrowsAny<ArgumentException>(() => ClippedSurrogate.ValueAndGradientInto([0.0], [0.0], [1.0], 0.2, new double[3]));
        Assert.Equal("gradient", gradient.ParamName);
        var overflow = Assert.ThrowsAny<ArgumentException>(() => CpiSurrogate.Value([0.0, 710.0], [0.0, 0.0], [1.0, 1.0]));
        Assert.Equal("newLogProbs", overflow.ParamName);
        Assert.Contains("[1]", overflow.Message);
        Assert.Contains("710", overflow.Message);
        var infinite = Assert.ThrowsAny<ArgumentException>(() => ClipFraction.Compute([0.0], [double.NegativeInfinity], 0.2));
        Assert.Equal("oldLogProbs", infinite.ParamName);
        Assert.Contains("[0]", infinite.Message);
        Assert.Contains("Infinity", infinite.Message);
        Assert.Equal("newLogProbs", Assert.ThrowsAny<ArgumentException>(() => CpiSurrogate.Value([], [], [])).ParamName);
    }
}
