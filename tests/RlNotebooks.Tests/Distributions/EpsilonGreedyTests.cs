using FsCheck.Fluent;
using RlNotebooks.Distributions;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Distributions;

public class EpsilonGreedyTests
{
    [Fact]
    public void Worked_examples_including_ties()
    {
        // Q = [1, 3, 2], ε = 0.3: ε/|A| = 0.1 each, greedy action 1 gets + 0.7 → [0.1, 0.8, 0.1].
        var p = EpsilonGreedy.Probabilities([1.0, 3.0, 2.0], 0.3);
        Assert.Equal(0.1, p[0], 12);
        Assert.Equal(0.8, p[1], 12);
        Assert.Equal(0.1, p[2], 12);
        // Tie between actions 0 and 1: each gets 0.1 + 0.7/2 = 0.45, action 2 gets 0.1.
        var tied = EpsilonGreedy.Probabilities([2.0, 2.0, 0.0], 0.3);
        Assert.Equal(0.45, tied[0], 12);
        Assert.Equal(0.45, tied[1], 12);
        Assert.Equal(0.1, tied[2], 12);
        Assert.Equal([0.0, 1.0, 0.0], EpsilonGreedy.Probabilities([1.0, 3.0, 2.0], 0.0));
        Assert.Equal([0.25, 0.25, 0.25, 0.25], EpsilonGreedy.Probabilities([1.0, 9.0, 2.0, 0.0], 1.0));
    }

    [Fact]
    public void Probabilities_form_a_distribution()
    {
        var gen = from q in Properties.ArrayOf(Gen.Elements(0.0, 1.0, 2.0, -3.5), 1, 8)
                  from epsilon in Properties.Between(0, 1)
                  select (q, epsilon);
        Properties.Check(gen, x =>
        {
            var p = EpsilonGreedy.Probabilities(x.q, x.epsilon);
            return Math.Abs(p.Sum() - 1) < 1e-12 && p.All(v => v >= x.epsilon / x.q.Length - 1e-15);
        });
    }

    [Fact]
    public void Sampling_is_deterministic_per_seed_and_matches_the_probabilities()
    {
        double[] q = [2.0, 2.0, 0.0, -1.0];
        const double epsilon = 0.2;
        var random1 = new Random(17);
        var random2 = new Random(17);
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(EpsilonGreedy.Sample(q, epsilon, random1), EpsilonGreedy.Sample(q, epsilon, random2));
        }

        const int draws = 100_000;
        var counts = new int[4];
        var random = new Random(23);
        for (int i = 0; i < draws; i++)
        {
            counts[EpsilonGreedy.Sample(q, epsilon, random)]++;
        }

        var p = EpsilonGreedy.Probabilities(q, epsilon); // [0.45, 0.45, 0.05, 0.05]
        for (int a = 0; a < 4; a++)
        {
            Assert.Equal(p[a], counts[a] / (double)draws, 0.01);
        }
    }

    [Fact]
    public void Bad_inputs_name_the_parameter_index_and_value()
    {
        var epsilon = Assert.ThrowsAny<ArgumentException>(() => EpsilonGreedy.Probabilities([1.0], 1.1));
        Assert.Equal("epsilon", epsilon.ParamName);
        Assert.Contains("1.1", epsilon.Message);
        Assert.Equal("epsilon", Assert.ThrowsAny<ArgumentException>(() => EpsilonGreedy.Sample([1.0], double.NaN, new Random(0))).ParamName);
        var nan = Assert.ThrowsAny<ArgumentException>(() => EpsilonGreedy.Probabilities([1.0, double.NaN], 0.1));
        Assert.Equal("actionValues", nan.ParamName);
        Assert.Contains("[1]", nan.Message);
        Assert.Equal("actionValues", Assert.ThrowsAny<ArgumentException>(() => EpsilonGreedy.Probabilities([], 0.1)).ParamName);
        Assert.Equal("destination", Assert.ThrowsAny<ArgumentException>(
            () => EpsilonGreedy.ProbabilitiesInto([1.0], 0.1, new double[2])).ParamName);
    }
}
