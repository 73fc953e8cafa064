using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.Returns;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Returns;

public class NStepReturnsTests
{
    [Fact]
    public void Hand_example_two_step_returns_with_termination()
    {
        // rewards 1, 2, 3; nextValues 10, 20, 30; γ = 0.5; n = 2; step 2 terminates.
        // G0:2 = 1 + 0.5·2 + 0.25·V(s2) = 1 + 1 + 0.25·20 = 7
        // G1:3 = 2 + 0.5·3 + 0.25·0 (terminal)   = 3.5
        // G2:3 = 3 (window reaches the terminal step)
        double[] g = NStepReturns.Compute([1, 2, 3], [10, 20, 30], [false, false, true], [false, false, false], 0.5, 2);
        Assert.Equal([7.0, 3.5, 3.0], g);
    }

    [Fact]
    public void One_step_returns_are_TD_targets()
    {
        Properties.Check(Rollouts.Episodes.SelectMany(e => Rollouts.UnitParameter.Select(g => (b: Rollout.Concat(e), g))), c =>
        {
            double[] g = NStepReturns.Compute(c.b.Rewards, c.b.NextValues, c.b.Terminated, c.b.Truncated, c.g, 1);
            for (int t = 0; t < c.b.Length; t++)
            {
                double target = c.b.Rewards[t] + (c.b.Terminated[t] ? 0.0 : c.g * c.b.NextValues[t]);
                Assert.Equal(target, g[t], 1e-12);
            }
        });
    }

    [Fact]
    public void N_at_least_the_horizon_equals_discounted_returns()
    {
        var gen = from episodes in Rollouts.Episodes
                  from gamma in Rollouts.UnitParameter
                  from extra in Gen.Choose(0, 5)
                  select (batch: Rollout.Concat(episodes), gamma, extra);
        Properties.Check(gen, c =>
        {
            var b = c.batch;
            double[] expected = DiscountedReturns.Compute(b.Rewards, b.NextValues, b.Terminated, b.Truncated, c.gamma);
            double[] actual = NStepReturns.Compute(b.Rewards, b.NextValues, b.Terminated, b.Truncated, c.gamma, b.Length + c.extra);
            for (int t = 0; t < b.Length; t++)
            {
                Assert.Equal(expected[t], actual[t], 1e-9);
            }
        });
        // n = int.MaxValue must not overflow the window end.
        Assert.Equal([3.0, 2.0], NStepReturns.Compute([1, 2], [0, 0], [false, true], [false, false], 1.0, int.MaxValue));
    }

    [Fact]
    public void A_batch_of_episodes_equals_each_episode_alone() =>
        Rollouts.CheckBatchEqualsEachEpisode(
            from gamma in Rollouts.UnitParameter
            from n in Gen.Choose(1, 6)
            select (gamma, n),
            (r, p) => NStepReturns.Compute(r.Rewards, r.NextValues, r.Terminated, r.Truncated, p.gamma, p.n),
            (pieces, whole) => Assert.Equal(pieces, whole));
}
