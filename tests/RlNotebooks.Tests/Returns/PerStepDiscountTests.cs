using FsCheck.Fluent;
using RlNotebooks.Advantages;
using RlNotebooks.Returns;
using RlNotebooks.Tests.Support;
using Xunit;

namespace RlNotebooks.Tests.Returns;

/// <summary>
/// The primary, per-step-discount forms of λ-returns and n-step returns (rlax's <c>discount_t = γ·(1 − terminalₜ)</c>
/// convention) and their scalar-γ-plus-flags adapters.
/// </summary>
public class PerStepDiscountTests
{
    // rlax, rlax/_src/multistep_test.py (LambdaReturnsTest, NStepBootstrappedReturnsTest): the two trajectories shared by the
    // multistep tests. rlax's v_t[i] is the value of the state after step i, i.e. our nextValues[i]. Expected values are float32.
    private static readonly double[][] RlaxRewards = [[1.0, 0.0, -1.0, 0.0, 1.0], [0.5, 0.8, -0.7, 0.0, 2.1]];
    private static readonly double[][] RlaxDiscounts = [[0.5, 0.9, 1.0, 0.5, 0.8], [0.9, 0.5, 0.3, 0.8, 0.7]];
    private static readonly double[][] RlaxNextValues = [[3.0, 1.0, 5.0, -5.0, 3.0], [-1.7, 1.2, 2.3, 2.2, 2.7]];

    [Fact]
    public void Lambda_returns_match_rlax_reference_values()
    {
        double[][] expected = [[1.6460547, 0.72281253, 0.7375001, 0.6500001, 3.4], [0.7866317, 0.9913063, 0.1101501, 2.834, 3.99]];
        for (int row = 0; row < 2; row++)
        {
            double[] lambdas = Enumerable.Repeat(0.75, 5).ToArray();
            Approx.Equal(expected[row], LambdaReturns.Compute(RlaxRewards[row], RlaxDiscounts[row], RlaxNextValues[row], lambdas), 1e-6);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void N_step_returns_match_rlax_reference_values(int n)
    {
        double[][] expected = n == 3
            ? [[2.8, -3.15, 0.7, 1.7, 3.4], [1.2155, 0.714, 0.2576, 3.192, 3.99]]
            : [[1.315, 0.63, 0.7, 1.7, 3.4], [1.33592, 0.9288, 0.2576, 3.192, 3.99]];
        for (int row = 0; row < 2; row++)
        {
            Approx.Equal(expected[row], NStepReturns.Compute(RlaxRewards[row], RlaxDiscounts[row], RlaxNextValues[row], n), 1e-6);
        }
    }

    [Fact]
    public void Worked_example_lambda_returns_with_per_step_discounts()
    {
        // r = (1, 2, 3), γₜ = (0.9, 0, 0.5): the episode terminates after step 1; V(sₜ₊₁) = (4, 10, 6); λ = 0.5.
        // G₂ = 3 + 0.5·(0.5·6 + 0.5·6) = 6          (the batch end bootstraps from V(s₃) = 6)
        // G₁ = 2 + 0·(…) = 2                          (γ₁ = 0: terminal)
        // G₀ = 1 + 0.9·(0.5·4 + 0.5·2) = 1 + 0.9·3 = 3.7
        double[] g = LambdaReturns.Compute([1.0, 2.0, 3.0], [0.9, 0.0, 0.5], [4.0, 10.0, 6.0], [0.5, 0.5, 0.5]);
        Approx.Equal([3.7, 2.0, 6.0], g);
    }

    [Fact]
    public void Worked_example_n_step_returns_with_per_step_discounts()
    {
        // Same batch, n = 2. G₀:₂ = r₁ + γ₀ r₂ + γ₀γ₁ V(s₂) = 1 + 0.9·2 + 0.9·0·10 = 2.8;
        // G₁:₃ = 2 + 0·(…) = 2;  G₂ = 3 + 0.5·6 = 6 (the window stops at the batch end).
        Approx.Equal([2.8, 2.0, 6.0], NStepReturns.Compute([1.0, 2.0, 3.0], [0.9, 0.0, 0.5], [4.0, 10.0, 6.0], 2));
    }

    [Fact]
    public void Flag_adapters_equal_the_primary_form_with_discounts_from_the_flags()
    {
        // The adapters map γ and the flags onto the primary form: γₜ = γ(1 − terminatedₜ), λₜ = 0 at a truncation, and
        // n-step windows split after a truncation. Checked against the primary form called directly on each episode.
        Properties.Check(Rollouts.BatchGammaLambda, c =>
        {
            (Rollout batch, double gamma, double lambda) = c;
            double[] discounts = StepDiscounts.FromFlags(batch.Terminated, gamma);
            double[] lambdas = batch.Truncated.Select(t => t ? 0.0 : lambda).ToArray();
            Approx.Equal(LambdaReturns.Compute(batch.Rewards, discounts, batch.NextValues, lambdas),
                LambdaReturns.Compute(batch.Rewards, batch.NextValues, batch.Terminated, batch.Truncated, gamma, lambda), 1e-12);
            double[] cutAtTruncation = batch.Truncated.Select(t => t ? 0.0 : 1.0).ToArray();
            Approx.Equal(LambdaReturns.Compute(batch.Rewards, discounts, batch.NextValues, cutAtTruncation),
                DiscountedReturns.Compute(batch.Rewards, batch.NextValues, batch.Terminated, batch.Truncated, gamma), 1e-9);
        });
    }

    [Fact]
    public void N_step_adapter_equals_the_primary_form_on_each_truncated_segment()
    {
        var cases =
            from batch in Rollouts.Episodes.Select(Rollout.Concat)
            from gamma in Rollouts.UnitParameter
            from n in Gen.Choose(1, 6)
            select (batch, gamma, n);
        Properties.Check(cases, c =>
        {
            double[] discounts = StepDiscounts.FromFlags(c.batch.Terminated, c.gamma);
            var expected = new List<double>();
            int start = 0;
            for (int t = 0; t < c.batch.Length; t++)
            {
                if (c.batch.Truncated[t] || t == c.batch.Length - 1)
                {
                    expected.AddRange(NStepReturns.Compute(c.batch.Rewards[start..(t + 1)], discounts[start..(t + 1)],
                        c.batch.NextValues[start..(t + 1)], c.n));
                    start = t + 1;
                }
            }

            Approx.Equal([.. expected], NStepReturns.Compute(c.batch.Rewards, c.batch.NextValues, c.batch.Terminated, c.batch.Truncated, c.gamma, c.n));
        });
    }

    [Fact]
    public void Lambda_returns_of_the_primary_form_are_GAE_targets()
    {
        // With nextValues[t] = values[t+1] within episodes, G^λₜ − V(sₜ) is the GAE advantage.
        Properties.Check(Rollouts.BatchGammaLambda, c =>
        {
            (Rollout b, double gamma, double lambda) = c;
            double[] discounts = StepDiscounts.FromFlags(b.Terminated, gamma);
            double[] lambdas = b.Truncated.Select(t => t ? 0.0 : lambda).ToArray();
            double[] g = LambdaReturns.Compute(b.Rewards, discounts, b.NextValues, lambdas);
            double[] advantages = Gae.Advantages(b.Rewards, b.Values, b.NextValues, b.Terminated, b.Truncated, gamma, lambda);
            Approx.Equal(advantages, g.Select((x, t) => x - b.Values[t]).ToArray(), 1e-9);
        });
    }

    [Fact]
    public void Bad_inputs_name_the_parameter_index_and_value()
    {
        BadInput.Fails(() => LambdaReturns.Compute([1.0, 2.0], [0.9, 1.5], [0.0, 0.0], [0.5, 0.5]), "discounts", "discounts[1] must lie in [0, 1] but was 1.5");
        BadInput.Fails(() => LambdaReturns.Compute([1.0], [0.9], [0.0], [-0.1]), "lambdas", "lambdas[0]");
        BadInput.Fails(() => LambdaReturns.Compute([1.0, 2.0], [0.9], [0.0, 0.0], [0.5, 0.5]), "discounts", "length 1");
        BadInput.Fails(() => LambdaReturns.Compute([1.0, double.NaN], [0.9, 0.9], [0.0, 0.0], [0.5, 0.5]), "rewards", "rewards[1] must be finite but was NaN");
        BadInput.Fails(() => LambdaReturns.Compute([], [], [], []), "rewards", "empty");
        BadInput.Fails(() => NStepReturns.Compute([1.0], [double.NaN], [0.0], 2), "discounts", "discounts[0]");
        BadInput.Fails(() => NStepReturns.Compute([1.0], [0.5], [double.PositiveInfinity], 2), "nextValues", "nextValues[0]");
        BadInput.Fails(() => NStepReturns.Compute([1.0], [0.5], [0.0], 0), "n", "0");
        BadInput.Fails(() => NStepReturns.Compute([1.0, 2.0], [0.5, 0.5], [0.0], 1), "nextValues", "length 1");
        BadInput.Fails(() => StepDiscounts.FromFlags([true], 1.5), "gamma", "1.5");
    }
}
