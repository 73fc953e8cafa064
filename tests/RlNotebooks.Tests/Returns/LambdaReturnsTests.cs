using FsCheck.Fluent;
using RlNotebooks.Returns;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Returns;

public class LambdaReturnsTests
{
    [Fact]
    public void Hand_example_truncated_episode()
    {
        // rewards 1, 2; nextValues 4, 8; γ = 0.5, λ = 0.5; truncated at step 1.
        // G1 = 2 + 0.5·8 = 6 (truncation bootstraps from V(s2) = 8)
        // G0 = 1 + 0.5·((1 − 0.5)·4 + 0.5·6) = 1 + 0.5·5 = 3.5
        double[] g = LambdaReturns.Compute([1, 2], [4, 8], [false, false], [false, true], 0.5, 0.5);
        Assert.Equal([3.5, 6.0], g);
    }

    [Fact]
    public void Lambda_one_equals_discounted_returns_and_lambda_zero_equals_TD_targets()
    {
        Properties.Check(Rollouts.BatchGammaLambda, c =>
        {
            var b = c.batch;
            double[] mc = DiscountedReturns.Compute(b.Rewards, b.NextValues, b.Terminated, b.Truncated, c.gamma);
            double[] one = LambdaReturns.Compute(b.Rewards, b.NextValues, b.Terminated, b.Truncated, c.gamma, 1.0);
            double[] zero = LambdaReturns.Compute(b.Rewards, b.NextValues, b.Terminated, b.Truncated, c.gamma, 0.0);
            for (int t = 0; t < b.Length; t++)
            {
                Assert.Equal(mc[t], one[t], 1e-9);
                Assert.Equal(b.Rewards[t] + (b.Terminated[t] ? 0.0 : c.gamma * b.NextValues[t]), zero[t], 1e-12);
            }
        });
    }

    [Fact]
    public void Recursive_form_equals_the_forward_view_weighted_average_of_n_step_returns()
    {
        // Sutton & Barto (2018) eq. 12.3 for an episode ending N steps after t:
        // G^λₜ = (1 − λ) Σₙ₌₁^{N−1} λⁿ⁻¹ Gₜ:ₜ₊ₙ + λ^{N−1} Gₜ:ₜ₊N.
        Properties.Check(Rollouts.BatchGammaLambda, c =>
        {
            var b = c.batch;
            double[] actual = LambdaReturns.Compute(b.Rewards, b.NextValues, b.Terminated, b.Truncated, c.gamma, c.lambda);
            var nStep = new double[b.Length + 1][];
            for (int n = 1; n <= b.Length; n++)
            {
                nStep[n] = NStepReturns.Compute(b.Rewards, b.NextValues, b.Terminated, b.Truncated, c.gamma, n);
            }

            for (int t = 0; t < b.Length; t++)
            {
                int end = t;
                while (end < b.Length - 1 && !b.Terminated[end] && !b.Truncated[end])
                {
                    end++;
                }

                int remaining = end - t + 1;
                double expected = Math.Pow(c.lambda, remaining - 1) * nStep[remaining][t];
                for (int n = 1; n < remaining; n++)
                {
                    expected += (1 - c.lambda) * Math.Pow(c.lambda, n - 1) * nStep[n][t];
                }

                Assert.Equal(expected, actual[t], 1e-8);
            }
        });
    }

    [Fact]
    public void Constant_lambda_array_matches_scalar_lambda()
    {
        Properties.Check(Rollouts.BatchGammaLambda, c =>
        {
            var b = c.batch;
            double[] lambdas = Enumerable.Repeat(c.lambda, b.Length).ToArray();
            Assert.Equal(
                LambdaReturns.Compute(b.Rewards, b.NextValues, b.Terminated, b.Truncated, c.gamma, c.lambda),
                LambdaReturns.Compute(b.Rewards, b.NextValues, b.Terminated, b.Truncated, c.gamma, lambdas));
        });
    }

    [Fact]
    public void Per_step_lambda_hand_example()
    {
        // rewards 1, 1, 1; nextValues 2, 4, 6; γ = 1; λ = (1, 0, 1); cut-off at step 2.
        // G2 = 1 + 6 = 7; G1 = 1 + (1 − 0)·4 + 0·7 = 5; G0 = 1 + 0·2 + 1·5 = 6.
        double[] g = LambdaReturns.Compute([1, 1, 1], [2, 4, 6], new bool[3], new bool[3], 1.0, [1.0, 0.0, 1.0]);
        Assert.Equal([6.0, 5.0, 7.0], g);
    }

    [Fact]
    public void A_batch_of_episodes_equals_each_episode_alone() =>
        Rollouts.CheckBatchEqualsEachEpisode(
            from gamma in Rollouts.UnitParameter
            from lambda in Rollouts.UnitParameter
            select (gamma, lambda),
            (r, p) => LambdaReturns.Compute(r.Rewards, r.NextValues, r.Terminated, r.Truncated, p.gamma, p.lambda),
            (pieces, whole) => Assert.Equal(pieces, whole));
}
