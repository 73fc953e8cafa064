using RlNotebooks.ImportanceSampling;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.ImportanceSampling;

/// <summary>
/// RatiosInto against Math.Exp of each log-ratio over short and long batches, across the exp range, and for the order in
/// which bad steps are reported.
/// </summary>
public class RatiosIntoTests
{
    public static TheoryData<int> Lengths => [1, 3, 4, 5, 17, 1000];

    private static (double[] Target, double[] Behaviour) Batch(int n, int seed)
    {
        var random = new Random(seed);
        var target = new double[n];
        var behaviour = new double[n];
        for (int t = 0; t < n; t++)
        {
            behaviour[t] = -5.0 * random.NextDouble();
            target[t] = behaviour[t] + 6.0 * (random.NextDouble() - 0.5);
        }

        return (target, behaviour);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Ratios_match_math_exp_to_one_part_in_ten_to_the_fifteen(int n)
    {
        var (target, behaviour) = Batch(n, seed: n);
        var ratios = new double[n];
        ImportanceRatios.RatiosInto(target, behaviour, ratios);
        for (int t = 0; t < n; t++)
        {
            double expected = Math.Exp(target[t] - behaviour[t]);
            Assert.True(Math.Abs(ratios[t] - expected) <= 1e-15 * expected, $"index {t}: expected {expected:R}, actual {ratios[t]:R}");
        }
    }

    [Fact]
    public void Extreme_log_ratios_underflow_to_zero_or_subnormals_and_reach_the_overflow_limit()
    {
        // −1.5e308 − 1.5e308 overflows to a log-ratio of −∞ from finite inputs: ρ = exp(−∞) = 0, as Math.Exp gives.
        double[] target = [-800.0, -744.0, -720.5, -708.0, 709.78, 0.0, -1.5e308, 1e-17];
        double[] behaviour = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.5e308, 0.0];
        var ratios = ImportanceRatios.Ratios(target, behaviour);
        for (int t = 0; t < target.Length; t++)
        {
            double expected = Math.Exp(target[t] - behaviour[t]);
            double tolerance = Math.Max(1e-15 * expected, double.Epsilon); // subnormals: within one subnormal ulp.
            Assert.True(Math.Abs(ratios[t] - expected) <= tolerance, $"index {t}: expected {expected:R}, actual {ratios[t]:R}");
        }

        Assert.Equal(0.0, ratios[0]);
        Assert.Equal(1.0, ratios[5]);
        Assert.Equal(0.0, ratios[6]);
    }

    [Fact]
    public void Bad_steps_keep_the_documented_error_order()
    {
        // Non-finite target log-probabilities are reported first (whatever their index), then non-finite behaviour
        // log-probabilities, then the first overflowing log-ratio: the order of the scalar checks.
        var (target, behaviour) = Batch(17, seed: 5);
        target[9] = double.NaN;
        behaviour[5] = double.PositiveInfinity;
        target[2] = 900.0;
        BadInput.Fails(() => ImportanceRatios.RatiosInto(target, behaviour, new double[17]), "targetLogProbs", "targetLogProbs[9] must be finite but was NaN");

        (target, behaviour) = Batch(17, seed: 5);
        behaviour[12] = double.NegativeInfinity;
        target[6] = 900.0;
        BadInput.Fails(() => ImportanceRatios.RatiosInto(target, behaviour, new double[17]), "behaviourLogProbs", "behaviourLogProbs[12] must be finite but was -Infinity");

        (target, behaviour) = Batch(17, seed: 5);
        target[6] = 900.0;
        target[16] = 950.0;
        BadInput.Fails(() => ImportanceRatios.RatiosInto(target, behaviour, new double[17]), "targetLogProbs", "ρ[6] = exp(90");

        (target, behaviour) = Batch(17, seed: 5);
        target[16] = double.NegativeInfinity;
        BadInput.Fails(() => ImportanceRatios.RatiosInto(target, behaviour, new double[17]), "targetLogProbs", "targetLogProbs[16] must be finite but was -Infinity");
    }

    [Fact]
    public void Span_overload_allocates_nothing()
    {
        var (target, behaviour) = Batch(1001, seed: 3);
        var ratios = new double[1001];
        Assert.Equal(0, Allocations.LeastBytes(() => ImportanceRatios.RatiosInto(target, behaviour, ratios)));
    }
}
