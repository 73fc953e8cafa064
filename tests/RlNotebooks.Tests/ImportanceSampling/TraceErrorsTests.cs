using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.ImportanceSampling;
using RlNotebooks.Returns;
using RlNotebooks.Tests.Support;
using Xunit;

namespace RlNotebooks.Tests.ImportanceSampling;

/// <summary>Multi-step importance-corrected TD errors with λ traces (rlax <c>importance_corrected_td_errors</c>).</summary>
public class TraceErrorsTests
{
    [Fact]
    public void Worked_example()
    {
        // r = (1, 2), γₜ = (0.9, 0.9), V(sₜ) = (0.5, 1), V(sₜ₊₁) = (1, 3), ρ = (0.5, 2), λ = (1, 1).
        // δ₁ = 2 + 0.9·3 − 1 = 3.7,   e₁ = δ₁ = 3.7,                         ρ₁e₁ = 2·3.7 = 7.4
        // δ₀ = 1 + 0.9·1 − 0.5 = 1.4, e₀ = δ₀ + γ₀λ₀ρ₁e₁ = 1.4 + 0.9·2·3.7 = 8.06, ρ₀e₀ = 0.5·8.06 = 4.03
        double[] errors = ImportanceCorrectedTd.TraceErrors([1.0, 2.0], [0.9, 0.9], [0.5, 1.0], [1.0, 3.0], [0.5, 2.0], [1.0, 1.0]);
        Approx.Equal([4.03, 7.4], errors, 1e-12);
    }

    [Fact]
    public void With_unit_ratios_and_rlax_truncated_gae_inputs_they_match_rlax_reference_values()
    {
        // rlax, rlax/_src/multistep_test.py (TruncatedGeneralizedAdvantageEstimationTest, first trajectory, λ = 1, 0.7, 0.4;
        // test_gae_as_special_case_of_importance_corrected_td_errors runs the same inputs through importance_corrected_td_errors
        // with ρ ≡ 1). values[t] = v_t[t], nextValues[t] = v_t[t + 1]; rlax compares with atol 1e-3.
        double[] rewards = [0.0, 0.0, 1.0, 0.0, -0.5];
        double[] v = [1.0, 4.0, -3.0, -2.0, -1.0, -1.0];
        double[] discounts = Enumerable.Repeat(0.99, 5).ToArray();
        double[] ones = Enumerable.Repeat(1.0, 5).ToArray();
        (double Lambda, double[] Expected)[] cases =
        [
            (1.0, [-1.45118, -4.4557, 2.5396, 0.5249, -0.49]),
            (0.7, [-0.676979, -5.248167, 2.4846, 0.6704, -0.49]),
            (0.4, [0.56731, -6.042, 2.3431, 0.815, -0.49]),
        ];
        foreach (var (lambda, expected) in cases)
        {
            double[] lambdas = Enumerable.Repeat(lambda, 5).ToArray();
            Approx.Equal(expected, ImportanceCorrectedTd.TraceErrors(rewards, discounts, v[..5], v[1..], ones, lambdas), 1e-3);
        }
    }

    private static Gen<(double[] R, double[] Discounts, double[] V, double[] Rho, double[] Lambdas)> Trajectories =>
        from n in Gen.Choose(1, 12)
        from r in Gen.ArrayOf(Properties.Finite(), n)
        from discounts in Gen.ArrayOf(Rollouts.UnitParameter, n)
        from v in Gen.ArrayOf(Properties.Finite(20.0), n + 1)
        from rho in Gen.ArrayOf(Properties.Between(0.0, 1.0), n)
        from lambdas in Gen.ArrayOf(Rollouts.UnitParameter, n)
        select (r, discounts, v, rho, lambdas);

    [Fact]
    public void With_unit_ratios_they_are_lambda_returns_minus_values()
    {
        Properties.Check(Trajectories, c =>
        {
            double[] ones = Enumerable.Repeat(1.0, c.R.Length).ToArray();
            double[] g = LambdaReturns.Compute(c.R, c.Discounts, c.V[1..], c.Lambdas);
            Approx.Equal(g.Select((x, t) => x - c.V[t]).ToArray(),
                ImportanceCorrectedTd.TraceErrors(c.R, c.Discounts, c.V[..^1], c.V[1..], ones, c.Lambdas), 1e-9);
        });
    }

    [Fact]
    public void They_equal_rho_times_the_lambda_return_with_lambda_t_rho_t_plus_1()
    {
        // rlax's own check (test_importance_corrected_td_errors_batch): ρₜ eₜ = ρₜ (G^λ'ₜ − V(sₜ)) with λ'ₜ = λₜρₜ₊₁ and
        // λ'_{T−1} arbitrary (here λ_{T−1}). Ratios ≤ 1 keep λ' in [0, 1].
        Properties.Check(Trajectories, c =>
        {
            int n = c.R.Length;
            double[] lambdaPrime = Enumerable.Range(0, n).Select(t => t < n - 1 ? c.Lambdas[t] * c.Rho[t + 1] : c.Lambdas[t]).ToArray();
            double[] g = LambdaReturns.Compute(c.R, c.Discounts, c.V[1..], lambdaPrime);
            Approx.Equal(g.Select((x, t) => c.Rho[t] * (x - c.V[t])).ToArray(),
                ImportanceCorrectedTd.TraceErrors(c.R, c.Discounts, c.V[..^1], c.V[1..], c.Rho, c.Lambdas), 1e-9);
        });
    }

    [Fact]
    public void With_zero_lambda_they_are_the_one_step_errors()
    {
        Properties.Check(Trajectories, c =>
        {
            int n = c.R.Length;
            bool[] terminated = new bool[n];
            double[] expected = Enumerable.Range(0, n).Select(t => c.Rho[t] * (c.R[t] + c.Discounts[t] * c.V[t + 1] - c.V[t])).ToArray();
            Approx.Equal(expected, ImportanceCorrectedTd.TraceErrors(c.R, c.Discounts, c.V[..^1], c.V[1..], c.Rho, new double[n]), 1e-12);
        });
    }

    [Fact]
    public void Bad_inputs_name_the_parameter_index_and_value()
    {
        BadInput.Fails(() => ImportanceCorrectedTd.TraceErrors([1.0], [0.9], [0.0], [0.0], [-0.5], [1.0]), "ratios", "ratios[0] must be a finite weight ≥ 0 but was -0.5");
        BadInput.Fails(() => ImportanceCorrectedTd.TraceErrors([1.0], [0.9], [0.0], [0.0], [1.0], [1.5]), "lambdas", "lambdas[0]");
        BadInput.Fails(() => ImportanceCorrectedTd.TraceErrors([1.0], [-0.9], [0.0], [0.0], [1.0], [1.0]), "discounts", "discounts[0]");
        BadInput.Fails(() => ImportanceCorrectedTd.TraceErrors([1.0, 2.0], [0.9, 0.9], [0.0], [0.0, 0.0], [1.0, 1.0], [1.0, 1.0]), "values", "length 1");
        BadInput.Fails(() => ImportanceCorrectedTd.TraceErrors([1.0], [0.9], [double.NaN], [0.0], [1.0], [1.0]), "values", "values[0] must be finite but was NaN");
        BadInput.Fails(() => ImportanceCorrectedTd.TraceErrors([], [], [], [], [], []), "rewards", "empty");
    }
}
