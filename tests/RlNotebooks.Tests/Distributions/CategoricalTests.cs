using FsCheck.Fluent;
using RlNotebooks.Distributions;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Distributions;

public class CategoricalTests
{
    [Fact]
    public void Worked_examples()
    {
        // Uniform over 4 actions: H = ln 4; log π(a) = −ln 4.
        Assert.Equal(Math.Log(4), Categorical.Entropy([2.0, 2.0, 2.0, 2.0]), 12);
        Assert.Equal(-Math.Log(4), Categorical.LogProb([2.0, 2.0, 2.0, 2.0], 3), 12);
        // p = [1/2, 1/2], q = [1/4, 3/4]: D_KL(p‖q) = ½ ln(0.5/0.25) + ½ ln(0.5/0.75) = ½ ln(4/3) ≈ 0.1438410.
        Assert.Equal(0.5 * Math.Log(4.0 / 3.0), Categorical.KlDivergence([0.0, 0.0], [0.0, Math.Log(3)]), 12);
        // A point mass has zero entropy even when the other logits are hugely negative.
        Assert.Equal(0.0, Categorical.Entropy([0.0, -1e308]));
    }

    [Fact]
    public void Kl_matches_the_scipy_stats_entropy_documentation_example()
    {
        // scipy.stats.entropy docs: pk = [1/2, 1/2] (fair coin), qk = [9/10, 1/10] (biased coin), base 2 → D = 0.7369655941662062 bits.
        // In nats: ½ ln(0.5/0.9) + ½ ln(0.5/0.1) = ln(5/3) ≈ 0.5108256; 0.5108256 / ln 2 = 0.7369656 bits.
        double kl = Categorical.KlDivergence([Math.Log(0.5), Math.Log(0.5)], [Math.Log(0.9), Math.Log(0.1)]);
        Assert.Equal(0.7369655941662062, kl / Math.Log(2), 12);
    }

    [Fact]
    public void Kl_is_zero_on_itself_and_non_negative()
    {
        var gen = from n in Gen.Choose(1, 8)
                  from p in Gen.ArrayOf(Properties.Finite(30), n)
                  from q in Gen.ArrayOf(Properties.Finite(30), n)
                  select (p, q);
        Properties.Check(gen, x =>
            Categorical.KlDivergence(x.p, x.p) == 0.0 && Categorical.KlDivergence(x.p, x.q) >= 0.0
            && double.IsFinite(Categorical.KlDivergence(x.p, x.q)));
    }

    [Fact]
    public void Entropy_lies_between_zero_and_log_n()
    {
        Properties.Check(Properties.ArrayOf(Properties.Finite(30), 1, 10), logits =>
        {
            double h = Categorical.Entropy(logits);
            return h >= 0 && h <= Math.Log(logits.Length) + 1e-12;
        });
    }

    [Fact]
    public void Log_prob_gradient_matches_central_finite_differences()
    {
        var gen = from logits in Properties.ArrayOf(Properties.Finite(5), 1, 8)
                  from action in Gen.Choose(0, logits.Length - 1)
                  select (logits, action);
        Properties.Check(gen, x =>
        {
            var numeric = FiniteDifferences.Gradient(l => Categorical.LogProb(l, x.action), x.logits);
            FiniteDifferences.AssertClose(numeric, Categorical.LogProbGradient(x.logits, x.action));
        });
    }

    [Fact]
    public void Sampling_is_deterministic_per_seed_and_matches_the_probabilities()
    {
        double[] logits = [Math.Log(0.1), Math.Log(0.2), Math.Log(0.7)];
        var random1 = new Random(42);
        var random2 = new Random(42);
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(Categorical.Sample(logits, random1), Categorical.Sample(logits, random2));
        }

        const int draws = 100_000;
        var counts = new int[3];
        var random = new Random(7);
        for (int i = 0; i < draws; i++)
        {
            counts[Categorical.Sample(logits, random)]++;
        }

        // Binomial standard error √(0.7·0.3/10⁵) ≈ 0.0015; 0.01 is more than 6 standard errors.
        Assert.Equal(0.1, counts[0] / (double)draws, 0.01);
        Assert.Equal(0.2, counts[1] / (double)draws, 0.01);
        Assert.Equal(0.7, counts[2] / (double)draws, 0.01);
    }

    [Fact]
    public void Sampling_never_returns_an_impossible_action()
    {
        var random = new Random(1);
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(0, Categorical.Sample([1e308, -1e308], random));
        }
    }

    [Fact]
    public void Bad_inputs_name_the_parameter_index_and_value()
    {
        var action = Assert.ThrowsAny<ArgumentException>(() => Categorical.LogProb([0.0, 0.0], 2));
        Assert.Equal("action", action.ParamName);
        Assert.Contains("2", action.Message);
        var length = Assert.ThrowsAny<ArgumentException>(() => Categorical.KlDivergence([0.0, 0.0], [0.0]));
        Assert.Equal("logitsQ", length.ParamName);
        var nan = Assert.ThrowsAny<ArgumentException>(() => Categorical.KlDivergence([0.0, double.NaN], [0.0, 0.0]));
        Assert.Equal("logitsP", nan.ParamName);
        Assert.Contains("[1]", nan.Message);
        var temperature = Assert.ThrowsAny<ArgumentException>(() => Categorical.Sample([0.0], new Random(0), -1.0));
        Assert.Equal("temperature", temperature.ParamName);
        Assert.Contains("-1", temperature.Message);
        Assert.Equal("destination", Assert.ThrowsAny<ArgumentException>(
            () => Categorical.LogProbGradientInto([0.0, 1.0], 0, new double[3])).ParamName);
    }
}
