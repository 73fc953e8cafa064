using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.OffPolicy;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.OffPolicy;

public class DqnTargetsTests
{
    private static Gen<(double[] R, bool[] Done, double[] Online, double[] Target, int A, double Gamma)> Batches() =>
        from b in Gen.Choose(1, 10)
        from actions in Gen.Choose(1, 5)
        from r in Gen.ArrayOf(Properties.Finite(), b)
        from done in Gen.ArrayOf(Gen.Elements(true, false), b)
        from online in Gen.ArrayOf(Properties.Finite(), b * actions)
        from target in Gen.ArrayOf(Properties.Finite(), b * actions)
        from gamma in Properties.Between(0.0, 1.0)
        select (r, done, online, target, actions, gamma);

    [Fact]
    public void Worked_example()
    {
        // B = 2, |A| = 3, γ = 0.9.
        // DQN:    y₀ = 1 + 0.9·max(1, 3, 2) = 1 + 2.7 = 3.7;  y₁ = 0.5 (terminated, the row (5, 0, 0) is ignored).
        // Double: online row (2, 1, 4) picks a* = 2, target row gives Q = 2 → y₀ = 1 + 0.9·2 = 2.8; y₁ = 0.5.
        double[] rewards = [1.0, 0.5];
        bool[] terminated = [false, true];
        double[] target = [1, 3, 2, 5, 0, 0];
        double[] online = [2, 1, 4, 0, 9, 0];

        double[] dqn = DqnTargets.Dqn(rewards, terminated, target, 3, 0.9);
        double[] ddqn = DqnTargets.DoubleDqn(rewards, terminated, online, target, 3, 0.9);

        Assert.Equal(3.7, dqn[0], 14);
        Assert.Equal(0.5, dqn[1]);
        Assert.Equal(2.8, ddqn[0], 14);
        Assert.Equal(0.5, ddqn[1]);
    }

    [Fact]
    public void Truncated_transitions_bootstrap_because_terminated_is_false()
    {
        // A time-limit cut passes terminated = false with Q(s_T, ·) of the final observation: y = r + γ max Q.
        double[] y = DqnTargets.Dqn([0.0], [false], [4.0, 2.0], 2, 0.5);

        Assert.Equal(2.0, y[0]);
    }

    [Fact]
    public void Ties_in_the_online_argmax_pick_the_lowest_action()
    {
        double[] y = DqnTargets.DoubleDqn([0.0], [false], [1.0, 1.0], [7.0, 3.0], 2, 1.0);

        Assert.Equal(7.0, y[0]);
    }

    [Fact]
    public void Dqn_target_is_at_least_double_dqn_and_equal_for_identical_tables()
    {
        // max_a Q_target(s′, a) ≥ Q_target(s′, a*) for any a*, and γ(1 − d) ≥ 0: DQN ≥ Double DQN elementwise.
        // With the online table equal to the target table, a* is the target argmax, so they coincide exactly.
        Properties.Check(Batches(), c =>
        {
            double[] dqn = DqnTargets.Dqn(c.R, c.Done, c.Target, c.A, c.Gamma);
            double[] ddqn = DqnTargets.DoubleDqn(c.R, c.Done, c.Online, c.Target, c.A, c.Gamma);
            double[] same = DqnTargets.DoubleDqn(c.R, c.Done, c.Target, c.Target, c.A, c.Gamma);

            for (int t = 0; t < c.R.Length; t++)
            {
                Assert.True(dqn[t] >= ddqn[t]);
                Assert.Equal(dqn[t], same[t]);
                if (c.Done[t])
                {
                    Assert.Equal(c.R[t], dqn[t]);
                }
            }
        });
    }

    [Fact]
    public void Into_overloads_match()
    {
        Properties.Check(Batches(), c =>
        {
            var y = new double[c.R.Length];
            DqnTargets.DqnInto(c.R, c.Done, c.Target, c.A, c.Gamma, y);
            Assert.Equal(DqnTargets.Dqn(c.R, c.Done, c.Target, c.A, c.Gamma), y);
            DqnTargets.DoubleDqnInto(c.R, c.Done, c.Online, c.Target, c.A, c.Gamma, y);
            Assert.Equal(DqnTargets.DoubleDqn(c.R, c.Done, c.Online, c.Target, c.A, c.Gamma), y);
        });
    }

    [Fact]
    public void Rejects_bad_input()
    {
        double[] r = [1.0, 0.5];
        bool[] d = [false, true];
        double[] q = [1, 3, 2, 5, 0, 0];

        Assert.Equal("gamma", Assert.ThrowsAny<ArgumentException>(() => DqnTargets.Dqn(r, d, q, 3, 1.5)).ParamName);
        Assert.Equal("gamma", Assert.ThrowsAny<ArgumentException>(() => DqnTargets.Dqn(r, d, q, 3, -0.1)).ParamName);
        Assert.Equal("gamma", Assert.ThrowsAny<ArgumentException>(() => DqnTargets.Dqn(r, d, q, 3, double.NaN)).ParamName);
        Assert.Equal("terminated", Assert.ThrowsAny<ArgumentException>(() => DqnTargets.Dqn(r, [false], q, 3, 0.9)).ParamName);
        var rows = Assert.ThrowsAny<ArgumentException>(() => DqnTargets.Dqn(r, d, q, 2, 0.9));
        Assert.Equal("nextTargetQ", rows.ParamName);
        Assert.Contains("length 6", rows.Message);
        Assert.Equal("actionCount", Assert.ThrowsAny<ArgumentException>(() => DqnTargets.Dqn(r, d, q, 0, 0.9)).ParamName);
        Assert.Equal("rewards", Assert.ThrowsAny<ArgumentException>(() => DqnTargets.Dqn([], [], [], 3, 0.9)).ParamName);
        Assert.Equal("nextOnlineQ", Assert.ThrowsAny<ArgumentException>(() => DqnTargets.DoubleDqn(r, d, [1.0], q, 3, 0.9)).ParamName);
        Assert.Equal("destination", Assert.ThrowsAny<ArgumentException>(() => DqnTargets.DqnInto(r, d, q, 3, 0.9, new double[3])).ParamName);

        var nan = Assert.ThrowsAny<ArgumentException>(() => DqnTargets.Dqn(r, d, [1, 3, double.NaN, 5, 0, 0], 3, 0.9));
        Assert.Equal("nextTargetQ", nan.ParamName);
        Assert.Contains("nextTargetQ[2]", nan.Message);
        var badOnline = Assert.ThrowsAny<ArgumentException>(() => DqnTargets.DoubleDqn(r, d, [1, 3, 2, 5, double.PositiveInfinity, 0], q, 3, 0.9));
        Assert.Contains("nextOnlineQ[4]", badOnline.Message);
        Assert.Contains("rewards[1]", Assert.ThrowsAny<ArgumentException>(() => DqnTargets.Dqn([1.0, double.NaN], d, q, 3, 0.9)).Message);
    }
}
