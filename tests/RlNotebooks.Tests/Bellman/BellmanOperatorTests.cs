using RlNotebooks.Bellman;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Bellman;

public class BellmanOperatorTests
{
    /// <summary>
    /// Two states, two actions, state 1 terminal, γ = 0.5.
    /// (0, a0) → s′=0 w.p. ½ with r=1, s′=1 w.p. ½ with r=2;  (0, a1) → s′=0 w.p. 1 with r=0.
    /// </summary>
    private static TabularMdp Tiny() => new(2, 2,
        [
            [new Outcome(0, 0.5, 1.0), new Outcome(1, 0.5, 2.0)], [new Outcome(0, 1.0, 0.0)],
            [new Outcome(1, 1.0, 0.0)], [new Outcome(1, 1.0, 0.0)],
        ], 0.5, [1]);

    private static readonly TabularPolicy TinyPolicy = new(2, 2, [0.25, 0.75, 1.0, 0.0]);

    [Fact]
    public void Hand_computed_V_backups_ignore_the_terminal_value()
    {
        TabularMdp mdp = Tiny();
        double[] v = [4.0, 100.0]; // V(1) = 100 must be read as 0: state 1 is terminal.

        // Q_V(0,0) = ½(1 + 0.5·4) + ½(2 + 0.5·0) = 1.5 + 1 = 2.5;  Q_V(0,1) = 0 + 0.5·4 = 2.
        Assert.Equal([2.5, 2.0, 0.0, 0.0], BellmanOperators.ActionValues(mdp, v));
        Assert.Equal(2.5, BellmanOperators.ActionValue(mdp, v, 0, 0), 12);
        // T^π V(0) = 0.25·2.5 + 0.75·2 = 2.125; terminal → 0.
        Assert.Equal([2.125, 0.0], BellmanOperators.ExpectationV(mdp, TinyPolicy, v));
        // T* V(0) = max(2.5, 2) = 2.5.
        Assert.Equal([2.5, 0.0], BellmanOperators.OptimalityV(mdp, v));
        // Residuals: |2.125 − 4| = 1.875 and |0 − 100| = 100 → 100;  with V(1) = 0: 1.875 and |2.5 − 4| = 1.5.
        Assert.Equal(100.0, BellmanOperators.ExpectationResidual(mdp, TinyPolicy, v), 12);
        Assert.Equal(1.875, BellmanOperators.ExpectationResidual(mdp, TinyPolicy, [4.0, 0.0]), 12);
        Assert.Equal(1.5, BellmanOperators.OptimalityResidual(mdp, [4.0, 0.0]), 12);
    }

    [Fact]
    public void Hand_computed_Q_backups()
    {
        TabularMdp mdp = Tiny();
        double[] q = [1.0, 3.0, 7.0, 9.0]; // terminal row (7, 9) must be read as 0.

        // T*Q(0,0) = ½(1 + 0.5·max(1,3)) + ½(2 + 0) = 1.25 + 1 = 2.25;  T*Q(0,1) = 0.5·3 = 1.5.
        Assert.Equal([2.25, 1.5, 0.0, 0.0], BellmanOperators.OptimalityQ(mdp, q));
        // U(0) = 0.25·1 + 0.75·3 = 2.5:  T^πQ(0,0) = ½(1 + 1.25) + 1 = 2.125;  T^πQ(0,1) = 0.5·2.5 = 1.25.
        Assert.Equal([2.125, 1.25, 0.0, 0.0], BellmanOperators.ExpectationQ(mdp, TinyPolicy, q));
    }

    [Fact]
    public void Into_overloads_match_and_reject_aliasing()
    {
        TabularMdp mdp = Tiny();
        double[] v = [4.0, 0.0];
        var destination = new double[2];
        double change = BellmanOperators.OptimalityVInto(mdp, v, destination);
        Assert.Equal(BellmanOperators.OptimalityV(mdp, v), destination);
        Assert.Equal(1.5, change, 12);
        BellmanOperators.ExpectationVInto(mdp, TinyPolicy, v, destination);
        Assert.Equal(BellmanOperators.ExpectationV(mdp, TinyPolicy, v), destination);

        var ex = Assert.Throws<ArgumentException>(() => BellmanOperators.OptimalityVInto(mdp, v, v));
        Assert.Equal("destination", ex.ParamName);
    }

    [Fact]
    public void Expectation_operators_are_gamma_contractions_in_the_sup_norm()
    {
        Properties.Check(TestMdps.Cases(), c =>
        {
            TabularMdp mdp = TestMdps.Random(c.Seed, c.Gamma);
            TabularPolicy pi = TestMdps.RandomPolicy(mdp, c.Seed + 1);
            double[] v = TestMdps.RandomValues(mdp.StateCount, c.Seed + 2), u = TestMdps.RandomValues(mdp.StateCount, c.Seed + 3);
            double lhs = TestMdps.SupDistance(BellmanOperators.ExpectationV(mdp, pi, v), BellmanOperators.ExpectationV(mdp, pi, u));
            int n = mdp.StateCount * mdp.ActionCount;
            double[] q = TestMdps.RandomValues(n, c.Seed + 4), w = TestMdps.RandomValues(n, c.Seed + 5);
            double lhsQ = TestMdps.SupDistance(BellmanOperators.ExpectationQ(mdp, pi, q), BellmanOperators.ExpectationQ(mdp, pi, w));
            return lhs <= c.Gamma * TestMdps.SupDistance(v, u) + 1e-9
                && lhsQ <= c.Gamma * TestMdps.SupDistance(q, w) + 1e-9;
        });
    }

    [Fact]
    public void Optimality_operators_are_gamma_contractions_in_the_sup_norm()
    {
        Properties.Check(TestMdps.Cases(), c =>
        {
            TabularMdp mdp = TestMdps.Random(c.Seed, c.Gamma);
            double[] v = TestMdps.RandomValues(mdp.StateCount, c.Seed + 2), u = TestMdps.RandomValues(mdp.StateCount, c.Seed + 3);
            double lhs = TestMdps.SupDistance(BellmanOperators.OptimalityV(mdp, v), BellmanOperators.OptimalityV(mdp, u));
            int n = mdp.StateCount * mdp.ActionCount;
            double[] q = TestMdps.RandomValues(n, c.Seed + 4), w = TestMdps.RandomValues(n, c.Seed + 5);
            double lhsQ = TestMdps.SupDistance(BellmanOperators.OptimalityQ(mdp, q), BellmanOperators.OptimalityQ(mdp, w));
            return lhs <= c.Gamma * TestMdps.SupDistance(v, u) + 1e-9
                && lhsQ <= c.Gamma * TestMdps.SupDistance(q, w) + 1e-9;
        });
    }

    [Fact]
    public void Q_and_V_backups_are_consistent_through_the_lookahead()
    {
        // T* V = maxₐ Q_V and, for Q = Q_V, T^π Q(s,a) = Q_{T^π V}(s,a) evaluated one step later.
        Properties.Check(TestMdps.Cases(), c =>
        {
            TabularMdp mdp = TestMdps.Random(c.Seed, c.Gamma);
            TabularPolicy pi = TestMdps.RandomPolicy(mdp, c.Seed + 1);
            double[] v = TestMdps.RandomValues(mdp.StateCount, c.Seed + 2);
            double[] qv = BellmanOperators.ActionValues(mdp, v);
            double[] tv = BellmanOperators.ExpectationV(mdp, pi, v);
            double[] expectedQ = BellmanOperators.ActionValues(mdp, tv);
            double[] actualQ = BellmanOperators.ExpectationQ(mdp, pi, qv);
            double[] tStar = BellmanOperators.OptimalityV(mdp, v);
            double[] maxQ = new double[mdp.StateCount];
            for (int s = 0; s < mdp.StateCount; s++)
            {
                maxQ[s] = qv.AsSpan(s * mdp.ActionCount, mdp.ActionCount).ToArray().Max();
            }

            return TestMdps.SupDistance(expectedQ, actualQ) < 1e-9 && TestMdps.SupDistance(tStar, maxQ) < 1e-9;
        });
    }
}
