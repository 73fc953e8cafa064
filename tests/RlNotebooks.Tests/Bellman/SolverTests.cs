using RlNotebooks.Bellman;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Bellman;

public class SolverTests
{
    /// <summary>Sutton &amp; Barto, 2nd ed., Figure 3.5 (middle): v* of the Example 3.5 gridworld, γ = 0.9.</summary>
    private static readonly double[] Figure35 =
    [
        22.0, 24.4, 22.0, 19.4, 17.5,
        19.8, 22.0, 19.8, 17.8, 16.0,
        17.8, 19.8, 17.8, 16.0, 14.4,
        16.0, 17.8, 16.0, 14.4, 13.0,
        14.4, 16.0, 14.4, 13.0, 11.7,
    ];

    [Fact]
    public void Value_and_policy_iteration_reproduce_Figure_3_5()
    {
        TabularMdp mdp = TestMdps.FiveByFiveGridworld();
        ValueIterationResult vi = ValueIteration.Run(mdp, 1e-10);
        PolicyIterationResult pi = PolicyIteration.Run(mdp);
        Assert.True(vi.Converged && pi.Converged);
        for (int s = 0; s < 25; s++)
        {
            Assert.InRange(vi.Values[s], Figure35[s] - 0.05, Figure35[s] + 0.05);
            Assert.Equal(vi.Values[s], pi.Values[s], 6);
        }

        // Figure 3.5 (right): from the bottom-left corner the optimal actions are up and right; lowest index wins → up (0).
        Assert.Equal(0, vi.Actions[20]);
        // Ties (e.g. up/left at B′ = state 13) may be resolved differently — PI keeps its current tied action — but both are optimal.
        double[] viPolicyValues = PolicyEvaluation.Exact(mdp, vi.Policy), piPolicyValues = PolicyEvaluation.Exact(mdp, pi.Policy);
        Assert.True(TestMdps.SupDistance(viPolicyValues, piPolicyValues) < 1e-8);
    }

    [Fact]
    public void Example_4_1_optimal_values_are_minus_the_distance_to_the_nearest_corner()
    {
        TabularMdp mdp = TestMdps.SmallGridworld();
        ValueIterationResult vi = ValueIteration.Run(mdp, recordHistory: true);
        PolicyIterationResult pi = PolicyIteration.Run(mdp);
        for (int s = 0; s < 16; s++)
        {
            int r = s / 4, c = s % 4;
            double expected = -Math.Min(r + c, 6 - r - c);
            Assert.Equal(expected, vi.Values[s], 9);
            Assert.Equal(expected, pi.Values[s], 9);
        }

        // Figure 4.1 notes the greedy policy of the random policy's values is already optimal: PI stops after one improvement.
        Assert.Equal(2, pi.Iterations);
        Assert.Equal(vi.Sweeps + 1, vi.History!.Count);
        Assert.Equal(new double[16], vi.History[0]);
        Assert.Equal(vi.Values, vi.History[^1]);
    }

    [Fact]
    public void Policy_iteration_values_improve_monotonically()
    {
        TabularMdp mdp = TestMdps.FiveByFiveGridworld();
        PolicyIterationResult pi = PolicyIteration.Run(mdp);
        Assert.Equal(pi.Iterations, pi.Policies.Count);
        Assert.Equal(pi.Iterations, pi.ValuesPerIteration.Count);
        for (int i = 1; i < pi.ValuesPerIteration.Count; i++)
        {
            for (int s = 0; s < 25; s++)
            {
                Assert.True(pi.ValuesPerIteration[i][s] >= pi.ValuesPerIteration[i - 1][s] - 1e-9);
            }
        }
    }

    [Fact]
    public void Value_and_policy_iteration_agree_on_random_MDPs()
    {
        Properties.Check(TestMdps.Cases(), c =>
        {
            TabularMdp mdp = TestMdps.Random(c.Seed, c.Gamma);
            ValueIterationResult vi = ValueIteration.Run(mdp, 1e-12);
            PolicyIterationResult pi = PolicyIteration.Run(mdp, TestMdps.RandomPolicy(mdp, c.Seed + 1));
            // Both greedy policies achieve V*: evaluate them exactly.
            double[] viPolicyValues = PolicyEvaluation.Exact(mdp, vi.Policy);
            double[] piPolicyValues = PolicyEvaluation.Exact(mdp, pi.Policy);
            return vi.Converged && pi.Converged
                && TestMdps.SupDistance(vi.Values, pi.Values) < 1e-8
                && TestMdps.SupDistance(viPolicyValues, pi.Values) < 1e-7
                && TestMdps.SupDistance(piPolicyValues, pi.Values) < 1e-9
                && BellmanOperators.OptimalityResidual(mdp, pi.Values) < 1e-9;
        });
    }

    [Fact]
    public void Value_iteration_changes_shrink_geometrically_and_in_place_sweeps_reach_the_same_fixed_point()
    {
        Properties.Check(TestMdps.Cases(), c =>
        {
            TabularMdp mdp = TestMdps.Random(c.Seed, c.Gamma);
            ValueIterationResult vi = ValueIteration.Run(mdp, 1e-12, initialValues: TestMdps.RandomValues(mdp.StateCount, c.Seed));
            for (int k = 2; k < vi.MaxChanges.Length; k++)
            {
                if (vi.MaxChanges[k] > c.Gamma * vi.MaxChanges[k - 1] + 1e-12)
                {
                    return false;
                }
            }

            double[] v = new double[mdp.StateCount];
            int sweeps = 0;
            while (ValueIteration.SweepInPlace(mdp, v) >= 1e-12 && ++sweeps < 10_000)
            {
            }

            return TestMdps.SupDistance(v, vi.Values) < 1e-9;
        });
    }

    [Fact]
    public void Value_iteration_sweep_matches_the_optimality_operator()
    {
        TabularMdp mdp = TestMdps.FiveByFiveGridworld();
        double[] v = TestMdps.RandomValues(25, 7), destination = new double[25];
        double change = ValueIteration.Sweep(mdp, v, destination);
        Assert.Equal(BellmanOperators.OptimalityV(mdp, v), destination);
        Assert.Equal(BellmanOperators.OptimalityResidual(mdp, v), change, 12);
    }

    [Fact]
    public void Policy_iteration_keeps_a_tied_optimal_action_instead_of_cycling()
    {
        // Figure 3.5 (right): in the bottom-left corner (state 20) up (0) and right (2) are both optimal.
        TabularMdp mdp = TestMdps.FiveByFiveGridworld();
        int[] actions = ValueIteration.Run(mdp).Actions;
        actions[20] = 2;
        PolicyIterationResult pi = PolicyIteration.Run(mdp, TabularPolicy.Deterministic(actions, 4));
        Assert.True(pi.Converged);
        Assert.Equal(1, pi.Iterations);
        Assert.Equal(2, pi.Actions[20]);
    }
}
