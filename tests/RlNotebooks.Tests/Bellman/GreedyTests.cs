using RlNotebooks.Bellman;

namespace RlNotebooks.Tests.Bellman;

public class GreedyTests
{
    // Two states × three actions: row 0 has a tie between actions 1 and 2; row 1 a unique max at action 0.
    private static readonly double[] Q = [1.0, 5.0, 5.0, 2.0, -1.0, 0.0];

    [Fact]
    public void Lowest_index_tie_breaking()
    {
        Assert.Equal([1, 0], Greedy.Actions(Q, 3));
        Assert.Equal([0.0, 1.0, 0.0, 1.0, 0.0, 0.0], Greedy.FromQ(Q, 3).Probabilities.ToArray());
        Assert.Equal(1, Greedy.ArgMax([1.0, 5.0, 5.0]));
    }

    [Fact]
    public void Uniform_tie_breaking_spreads_over_maximisers_within_the_tolerance()
    {
        Assert.Equal([0.0, 0.5, 0.5, 1.0, 0.0, 0.0], Greedy.FromQ(Q, 3, TieBreaking.Uniform).Probabilities.ToArray());
        double[] nearlyTied = [1.0, 1.0 + 1e-12, 0.0];
        Assert.Equal([0.5, 0.5, 0.0], Greedy.FromQ(nearlyTied, 3, TieBreaking.Uniform).Probabilities.ToArray());
        Assert.Equal([0.0, 1.0, 0.0], Greedy.FromQ(nearlyTied, 3, TieBreaking.Uniform, tieTolerance: 0.0).Probabilities.ToArray());
        // With the default tolerance the lowest tied index wins even though action 1 is larger by 1e-12.
        Assert.Equal([0], Greedy.Actions(nearlyTied, 3));
    }

    [Fact]
    public void Epsilon_greedy_table()
    {
        // ε = 0.3, |𝒜| = 3: every action gets 0.1, the greedy one (lowest tied index) another 0.7.
        TabularPolicy pi = Greedy.EpsilonGreedyFromQ(Q, 3, 0.3);
        double[] expected = [0.1, 0.8, 0.1, 0.8, 0.1, 0.1];
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(expected[i], pi.Probabilities[i], 12);
        }
    }

    [Fact]
    public void Greedy_from_V_uses_the_one_step_lookahead()
    {
        // In Example 4.1 with v_π of the random policy, state 1's best move is left (action 3) into the terminal corner.
        TabularMdp mdp = TestMdps.SmallGridworld();
        double[] v = PolicyEvaluation.Exact(mdp, TabularPolicy.Uniform(16, 4));
        TabularPolicy greedy = Greedy.FromV(mdp, v);
        Assert.Equal(1.0, greedy[1, 3]);
        // State 5 = (1,1): up and left both lead to −14; lowest index → up, uniform → ½ each.
        Assert.Equal(1.0, greedy[5, 0]);
        TabularPolicy uniform = Greedy.FromV(mdp, v, TieBreaking.Uniform);
        Assert.Equal(0.5, uniform[5, 0], 12);
        Assert.Equal(0.5, uniform[5, 3], 12);
    }

    [Fact]
    public void Into_overloads_match()
    {
        var destination = new double[6];
        Greedy.EpsilonGreedyFromQInto(Q, 3, 0.3, destination);
        Assert.Equal(Greedy.EpsilonGreedyFromQ(Q, 3, 0.3).Probabilities.ToArray(), destination);
        var actions = new int[2];
        Greedy.ActionsInto(Q, 3, actions);
        Assert.Equal([1, 0], actions);
    }

    [Fact]
    public void Tabular_epsilon_greedy_keeps_lowest_index_ties_while_the_distribution_splits_them()
    {
        // Row 0 = [1, 5, 5], ε = 0.3: the table gives the tied pair 0.1 + 0.7 to action 1 only; the Distributions
        // ε-greedy splits it, 0.1 + 0.35 each. Row 1 = [2, −1, 0] has a unique max, so the two agree exactly.
        double[] table = Greedy.EpsilonGreedyFromQ(Q, 3, 0.3).Probabilities.ToArray();
        Assert.Equal([0.1, 0.8, 0.1], table[..3], new ToleranceComparer(1e-12));
        Assert.Equal([0.1, 0.45, 0.45], RlNotebooks.Distributions.EpsilonGreedy.Probabilities(Q.AsSpan(0, 3), 0.3), new ToleranceComparer(1e-12));
        Assert.Equal(RlNotebooks.Distributions.EpsilonGreedy.Probabilities(Q.AsSpan(3, 3), 0.3), table[3..]);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
