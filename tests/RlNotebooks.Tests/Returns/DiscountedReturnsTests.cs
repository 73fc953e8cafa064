using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.Returns;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Returns;

public class DiscountedReturnsTests
{
    [Fact]
    public void Termination_and_truncation_differ_in_the_bootstrap()
    {
        // rewards 1, 2; nextValues 5, 10; γ = 0.5; the episode ends at t = 1.
        // terminated: G1 = 2,              G0 = 1 + 0.5·2 = 2.
        // truncated:  G1 = 2 + 0.5·10 = 7, G0 = 1 + 0.5·7 = 4.5.
        double[] r = [1, 2];
        double[] nv = [5, 10];
        Assert.Equal([2.0, 2.0], DiscountedReturns.Compute(r, nv, [false, true], [false, false], 0.5));
        Assert.Equal([4.5, 7.0], DiscountedReturns.Compute(r, nv, [false, false], [false, true], 0.5));
        // Rollout cut-off (no flag at the last step) bootstraps like truncation.
        Assert.Equal([4.5, 7.0], DiscountedReturns.Compute(r, nv, [false, false], [false, false], 0.5));
        // Terminated and truncated together: termination wins.
        Assert.Equal([2.0, 2.0], DiscountedReturns.Compute(r, nv, [false, true], [false, true], 0.5));
    }

    [Fact]
    public void Truncated_episode_bootstraps_from_its_final_observation_not_the_next_episode()
    {
        // Episode A = steps 0,1 (truncated at 1, final observation worth 10); episode B = step 2 (terminated).
        // γ = 0.9: G2 = 5; G1 = 1 + 0.9·10 = 10; G0 = 1 + 0.9·10 = 10. nextValues[0] = 3 is unused (mid-episode).
        double[] g = DiscountedReturns.Compute([1, 1, 5], [3, 10, 7], [false, false, true], [false, true, false], 0.9);
        Assert.Equal(10.0, g[0], 1e-12);
        Assert.Equal(10.0, g[1], 1e-12);
        Assert.Equal(5.0, g[2], 1e-12);
    }

    [Fact]
    public void A_batch_of_episodes_equals_each_episode_alone() =>
        Rollouts.CheckBatchEqualsEachEpisode(
            Rollouts.UnitParameter,
            (r, gamma) => DiscountedReturns.Compute(r.Rewards, r.NextValues, r.Terminated, r.Truncated, gamma),
            (pieces, whole) => Approx.Equal(pieces, whole));

    [Fact]
    public void Single_episode_equals_reward_to_go_with_the_episode_end_bootstrap()
    {
        Properties.Check(Rollouts.Episode(true).SelectMany(e => Rollouts.UnitParameter.Select(g => (e, g))), c =>
        {
            int last = c.e.Length - 1;
            double bootstrap = c.e.Terminated[last] ? 0.0 : c.e.NextValues[last];
            double[] expected = RewardToGo.Compute(c.e.Rewards, c.g, bootstrap);
            double[] actual = DiscountedReturns.Compute(c.e.Rewards, c.e.NextValues, c.e.Terminated, c.e.Truncated, c.g);
            for (int t = 0; t <= last; t++)
            {
                Assert.Equal(expected[t], actual[t], 1e-9);
            }
        });
    }
}
