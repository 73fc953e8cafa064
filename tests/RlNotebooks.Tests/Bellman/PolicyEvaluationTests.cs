using RlNotebooks.Bellman;
using RlNotebooks.Tests.Support;
using Outcome = RlNotebooks.Bellman.Outcome;

namespace RlNotebooks.Tests.Bellman;

public class PolicyEvaluationTests
{
    /// <summary>Sutton &amp; Barto, Reinforcement Learning: An Introduction, 2nd ed., Figure 4.1 (k = ∞), v_π of the equiprobable random policy.</summary>
    private static readonly double[] Figure41 =
    [
        0, -14, -20, -22,
        -14, -18, -20, -20,
        -20, -20, -18, -14,
        -22, -20, -14, 0,
    ];

    /// <summary>Sutton &amp; Barto, 2nd ed., Figure 3.2 (right): v_π of the equiprobable random policy on the Example 3.5 gridworld, γ = 0.9.</summary>
    private static readonly double[] Figure32 =
    [
        3.3, 8.8, 4.4, 5.3, 1.5,
        1.5, 3.0, 2.3, 1.9, 0.5,
        0.1, 0.7, 0.7, 0.4, -0.4,
        -1.0, -0.4, -0.4, -0.6, -1.2,
        -1.9, -1.3, -1.2, -1.4, -2.0,
    ];

    [Fact]
    public void Example_4_1_random_policy_values_match_Figure_4_1()
    {
        TabularMdp mdp = TestMdps.SmallGridworld();
        TabularPolicy random = TabularPolicy.Uniform(16, 4);
        double[] exact = PolicyEvaluation.Exact(mdp, random);
        PolicyEvaluationResult synchronous = PolicyEvaluation.Synchronous(mdp, random, 1e-10);
        PolicyEvaluationResult inPlace = PolicyEvaluation.InPlace(mdp, random, 1e-10);
        for (int s = 0; s < 16; s++)
        {
            // The figure's values are integers, and the exact solution is too.
            Assert.Equal(Figure41[s], exact[s], 9);
            Assert.Equal(Figure41[s], synchronous.Values[s], 6);
            Assert.Equal(Figure41[s], inPlace.Values[s], 6);
        }

        Assert.True(synchronous.Converged && inPlace.Converged);
        Assert.True(inPlace.Sweeps < synchronous.Sweeps, $"Gauss–Seidel took {inPlace.Sweeps} sweeps, Jacobi {synchronous.Sweeps}.");
    }

    [Fact]
    public void Example_4_1_first_sweeps_match_Figure_4_1_k_1_and_k_2()
    {
        // Figure 4.1: after k = 1 every non-terminal value is −1; after k = 2 the states next to a terminal are −1.75, the rest −2.
        TabularMdp mdp = TestMdps.SmallGridworld();
        TabularPolicy random = TabularPolicy.Uniform(16, 4);
        double[] v1 = BellmanOperators.ExpectationV(mdp, random, new double[16]);
        double[] v2 = BellmanOperators.ExpectationV(mdp, random, v1);
        Assert.All(Enumerable.Range(1, 14), s => Assert.Equal(-1.0, v1[s], 12));
        Assert.Equal(-1.75, v2[1], 12);
        Assert.Equal(-2.0, v2[2], 12);
        Assert.Equal(-2.0, v2[5], 12);
    }

    [Fact]
    public void Example_3_5_random_policy_values_match_Figure_3_2()
    {
        TabularMdp mdp = TestMdps.FiveByFiveGridworld();
        double[] exact = PolicyEvaluation.Exact(mdp, TabularPolicy.Uniform(25, 4));
        for (int s = 0; s < 25; s++)
        {
            Assert.InRange(exact[s], Figure32[s] - 0.05, Figure32[s] + 0.05);
        }
    }

    [Fact]
    public void Sweep_log_is_consistent()
    {
        TabularMdp mdp = TestMdps.FiveByFiveGridworld();
        PolicyEvaluationResult result = PolicyEvaluation.Synchronous(mdp, TabularPolicy.Uniform(25, 4), 1e-6);
        Assert.Equal(result.Sweeps, result.MaxChanges.Length);
        Assert.True(result.MaxChanges[^1] < 1e-6);
        Assert.True(result.MaxChanges[^2] >= 1e-6);
        // Synchronous evaluation is a γ-contraction: each change is at most γ times the previous one.
        for (int k = 1; k < result.MaxChanges.Length; k++)
        {
            Assert.True(result.MaxChanges[k] <= 0.9 * result.MaxChanges[k - 1] + 1e-12);
        }

        PolicyEvaluationResult capped = PolicyEvaluation.Synchronous(mdp, TabularPolicy.Uniform(25, 4), 1e-6, maxSweeps: 3);
        Assert.False(capped.Converged);
        Assert.Equal(3, capped.Sweeps);
    }

    [Fact]
    public void Exact_synchronous_and_in_place_evaluation_agree_on_random_MDPs()
    {
        Properties.Check(TestMdps.Cases(), c =>
        {
            TabularMdp mdp = TestMdps.Random(c.Seed, c.Gamma);
            TabularPolicy pi = TestMdps.RandomPolicy(mdp, c.Seed + 1);
            double[] exact = PolicyEvaluation.Exact(mdp, pi);
            double[] start = TestMdps.RandomValues(mdp.StateCount, c.Seed + 2);
            PolicyEvaluationResult synchronous = PolicyEvaluation.Synchronous(mdp, pi, 1e-11, initialValues: start);
            PolicyEvaluationResult inPlace = PolicyEvaluation.InPlace(mdp, pi, 1e-11, initialValues: start);
            return synchronous.Converged && inPlace.Converged
                && TestMdps.SupDistance(exact, synchronous.Values) < 1e-8
                && TestMdps.SupDistance(exact, inPlace.Values) < 1e-8
                && BellmanOperators.ExpectationResidual(mdp, pi, exact) < 1e-9;
        });
    }

    [Fact]
    public void Exact_evaluation_with_gamma_one_rejects_a_policy_that_never_terminates()
    {
        // In Example 4.1, "always go up" from state 1 bumps into the wall forever: V would be −∞.
        TabularMdp mdp = TestMdps.SmallGridworld();
        var up = TabularPolicy.Deterministic(new int[16], 4);
        var ex = Assert.Throws<ArgumentException>(() => PolicyEvaluation.Exact(mdp, up));
        Assert.Equal("policy", ex.ParamName);
        Assert.Contains("state 1 never reaches a terminal state", ex.Message);
        // The same policy is fine with discounting.
        double[] v = PolicyEvaluation.Exact(mdp with { Gamma = 0.5 }, up);
        Assert.Equal(-2.0, v[1], 9); // −1/(1 − 0.5)
    }

    [Fact]
    public void Gamma_one_without_terminal_states_is_rejected()
    {
        var mdp = new TabularMdp(1, 1, [[new Outcome(0, 1.0, 1.0)]], 1.0);
        var ex = Assert.Throws<ArgumentException>(() => PolicyEvaluation.Exact(mdp, TabularPolicy.Uniform(1, 1)));
        Assert.Contains("state 0", ex.Message);
    }

    [Fact]
    public void In_place_sweep_writes_zero_at_terminal_states()
    {
        TabularMdp mdp = TestMdps.SmallGridworld();
        double[] v = new double[16];
        v[0] = 5.0;
        double change = PolicyEvaluation.SweepInPlace(mdp, TabularPolicy.Uniform(16, 4), v);
        Assert.Equal(0.0, v[0]);
        Assert.Equal(5.0, change, 12);
    }
}
