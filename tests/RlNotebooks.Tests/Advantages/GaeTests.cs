using FsCheck.Fluent;
using RlNotebooks.Advantages;
using RlNotebooks.Returns;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Advantages;

public class GaeTests
{
    [Fact]
    public void Termination_versus_truncation_hand_example()
    {
        // rewards 1, 2; values 4, 6; nextValues 5, 10; γ = 0.5, λ = 0.5 (γλ = 0.25); the episode ends at t = 1.
        // terminated: δ1 = 2 + 0 − 6 = −4,        δ0 = 1 + 0.5·5 − 4 = −0.5; Â1 = −4, Â0 = −0.5 + 0.25·(−4) = −1.5.
        // truncated:  δ1 = 2 + 0.5·10 − 6 = 1,    δ0 = −0.5;                 Â1 = 1,  Â0 = −0.5 + 0.25·1 = −0.25.
        double[] r = [1, 2], v = [4, 6], nv = [5, 10];
        GaeEstimate terminated = Gae.Estimate(r, v, nv, [false, true], [false, false], 0.5, 0.5);
        GaeEstimate truncated = Gae.Estimate(r, v, nv, [false, false], [false, true], 0.5, 0.5);
        Assert.Equal([-1.5, -4.0], terminated.Advantages);
        Assert.Equal([2.5, 2.0], terminated.ValueTargets);
        Assert.Equal([-0.25, 1.0], truncated.Advantages);
        Assert.Equal([3.75, 7.0], truncated.ValueTargets);
    }

    [Fact]
    public void Trace_is_cut_between_episodes()
    {
        // Episode A = step 0 (truncated, V(s1) = 2), episode B = step 1 (terminated). γ = λ = 1, all values 0 except nv[0].
        // Â1 = δ1 = 3; Â0 = δ0 = 1 + 2 − 0 = 3, with no contribution from episode B.
        double[] a = Gae.Advantages([1, 3], [0, 0], [2, 0], [false, true], [true, false], 1.0, 1.0);
        Assert.Equal([3.0, 3.0], a);
    }

    [Fact]
    public void Lambda_one_equals_discounted_returns_minus_values()
    {
        // Schulman et al. 2016, eq. 18: GAE(γ, 1) = Σₗ γˡ rₜ₊ₗ − V(sₜ).
        Properties.Check(Rollouts.BatchGammaLambda, c =>
        {
            var b = c.batch;
            double[] a = Gae.Advantages(b.Rewards, b.Values, b.NextValues, b.Terminated, b.Truncated, c.gamma, 1.0);
            double[] g = DiscountedReturns.Compute(b.Rewards, b.NextValues, b.Terminated, b.Truncated, c.gamma);
            for (int t = 0; t < b.Length; t++)
            {
                Assert.Equal(g[t] - b.Values[t], a[t], 1e-9);
            }
        });
    }

    [Fact]
    public void Lambda_zero_equals_td_errors()
    {
        // Schulman et al. 2016, eq. 17: GAE(γ, 0) = δₜ.
        Properties.Check(Rollouts.BatchGammaLambda, c =>
        {
            var b = c.batch;
            double[] a = Gae.Advantages(b.Rewards, b.Values, b.NextValues, b.Terminated, b.Truncated, c.gamma, 0.0);
            double[] delta = TdErrors.Compute(b.Rewards, b.Values, b.NextValues, b.Terminated, c.gamma);
            for (int t = 0; t < b.Length; t++)
            {
                Assert.Equal(delta[t], a[t], 1e-12);
            }
        });
    }

    [Fact]
    public void Matches_the_defining_sum_and_value_targets_are_lambda_returns()
    {
        // Âₜ = Σₗ (γλ)ˡ δₜ₊ₗ over the rest of the episode (Schulman et al. 2016, eq. 16), and Âₜ + V(sₜ) = G^λₜ.
        Properties.Check(Rollouts.BatchGammaLambda, c =>
        {
            var b = c.batch;
            GaeEstimate est = Gae.Estimate(b.Rewards, b.Values, b.NextValues, b.Terminated, b.Truncated, c.gamma, c.lambda);
            double[] delta = TdErrors.Compute(b.Rewards, b.Values, b.NextValues, b.Terminated, c.gamma);
            double[] lambdaReturns = LambdaReturns.Compute(b.Rewards, b.NextValues, b.Terminated, b.Truncated, c.gamma, c.lambda);
            for (int t = 0; t < b.Length; t++)
            {
                double sum = 0.0;
                double weight = 1.0;
                for (int k = t; k < b.Length; k++)
                {
                    sum += weight * delta[k];
                    if (b.Terminated[k] || b.Truncated[k])
                    {
                        break;
                    }

                    weight *= c.gamma * c.lambda;
                }

                Assert.Equal(sum, est.Advantages[t], 1e-9);
                Assert.Equal(lambdaReturns[t], est.ValueTargets[t], 1e-9);
            }
        });
    }

    [Fact]
    public void A_batch_of_episodes_equals_each_episode_alone() =>
        Rollouts.CheckBatchEqualsEachEpisode(
            from gamma in Rollouts.UnitParameter
            from lambda in Rollouts.UnitParameter
            select (gamma, lambda),
            (r, p) => Gae.Advantages(r.Rewards, r.Values, r.NextValues, r.Terminated, r.Truncated, p.gamma, p.lambda),
            (pieces, whole) => Approx.Equal(pieces, whole));
}
