using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.OffPolicy;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.OffPolicy;

public class SacTargetsTests
{
    [Fact]
    public void Worked_example()
    {
        // Spinning Up SAC: y = r + γ(1 − d)(min(Q₁′, Q₂′) − α log π(ã′|s′)).
        // r = 1, γ = 0.99, Q′ = (10, 8), log π = −1.5, α = 0.2: min = 8, 8 − 0.2·(−1.5) = 8.3, y = 1 + 0.99·8.3 = 9.217.
        // The same transition terminated: y = r = 1 (no Q′ and no entropy bonus).
        double[] y = SacTargets.SoftTargets([1.0, 1.0], [false, true], [10.0, 10.0], [8.0, 8.0], [-1.5, -1.5], 0.2, 0.99);

        Assert.Equal(9.217, y[0], 13);
        Assert.Equal(1.0, y[1]);
    }

    [Fact]
    public void Terminated_target_is_the_reward_for_any_alpha_and_log_prob()
    {
        var gen =
            from r in Properties.Finite()
            from q1 in Properties.Finite(100)
            from q2 in Properties.Finite(100)
            from logProb in Properties.Finite(50)
            from alpha in Properties.Between(0.0, 10.0)
            from gamma in Properties.Between(0.0, 1.0)
            select (r, q1, q2, logProb, alpha, gamma);

        Properties.Check(gen, c =>
        {
            double y = SacTargets.SoftTargets([c.r], [true], [c.q1], [c.q2], [c.logProb], c.alpha, c.gamma)[0];
            Assert.Equal(c.r, y);
        });
    }

    [Fact]
    public void Zero_temperature_reduces_to_the_td3_twin_target()
    {
        var gen =
            from b in Gen.Choose(1, 8)
            from r in Gen.ArrayOf(Properties.Finite(), b)
            from d in Gen.ArrayOf(Gen.Elements(true, false), b)
            from q1 in Gen.ArrayOf(Properties.Finite(), b)
            from q2 in Gen.ArrayOf(Properties.Finite(), b)
            from logp in Gen.ArrayOf(Properties.Finite(), b)
            from gamma in Properties.Between(0.0, 1.0)
            select (r, d, q1, q2, logp, gamma);

        Properties.Check(gen, c =>
        {
            Assert.Equal(Td3Targets.Targets(c.r, c.d, c.q1, c.q2, c.gamma), SacTargets.SoftTargets(c.r, c.d, c.q1, c.q2, c.logp, 0.0, c.gamma));
            var into = new double[c.r.Length];
            SacTargets.SoftTargetsInto(c.r, c.d, c.q1, c.q2, c.logp, 0.3, c.gamma, into);
            Assert.Equal(SacTargets.SoftTargets(c.r, c.d, c.q1, c.q2, c.logp, 0.3, c.gamma), into);
        });
    }

    [Fact]
    public void Rejects_bad_input()
    {
        double[] one = [1.0];
        bool[] no = [false];

        Assert.Equal("alpha", Assert.ThrowsAny<ArgumentException>(() => SacTargets.SoftTargets(one, no, one, one, one, -0.1, 0.9)).ParamName);
        Assert.Equal("alpha", Assert.ThrowsAny<ArgumentException>(() => SacTargets.SoftTargets(one, no, one, one, one, double.NaN, 0.9)).ParamName);
        Assert.Equal("gamma", Assert.ThrowsAny<ArgumentException>(() => SacTargets.SoftTargets(one, no, one, one, one, 0.2, -1.0)).ParamName);
        Assert.Equal("nextLogProbs", Assert.ThrowsAny<ArgumentException>(() => SacTargets.SoftTargets(one, no, one, one, [1.0, 2.0], 0.2, 0.9)).ParamName);
        Assert.Equal("terminated", Assert.ThrowsAny<ArgumentException>(() => SacTargets.SoftTargets(one, [false, true], one, one, one, 0.2, 0.9)).ParamName);
        var inf = Assert.ThrowsAny<ArgumentException>(() => SacTargets.SoftTargets(one, no, one, one, [double.NegativeInfinity], 0.2, 0.9));
        Assert.Equal("nextLogProbs", inf.ParamName);
        Assert.Contains("nextLogProbs[0]", inf.Message);
        Assert.Equal("destination", Assert.ThrowsAny<ArgumentException>(() => SacTargets.SoftTargetsInto(one, no, one, one, one, 0.2, 0.9, new double[2])).ParamName);
    }
}
