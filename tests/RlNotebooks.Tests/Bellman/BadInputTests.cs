using RlNotebooks.Bellman;
using static RlNotebooks.Tests.Support.BadInput;

namespace RlNotebooks.Tests.Bellman;

public class BadInputTests
{
    private static readonly TabularMdp Grid = TestMdps.SmallGridworld();
    private static readonly TabularPolicy Random = TabularPolicy.Uniform(16, 4);

    [Fact]
    public void Policy_rows_must_be_distributions()
    {
        Fails(() => new TabularPolicy(2, 2, [0.5, 0.5, 0.7, 0.7]), "probabilities", "s=1");
        Fails(() => new TabularPolicy(2, 2, [1.5, -0.5, 0.5, 0.5]), "probabilities", "s=0");
        Fails(() => new TabularPolicy(2, 2, [1.0, 0.0, 1.0]), "probabilities", "length 3");
        Fails(() => TabularPolicy.Deterministic([0, 4], 4), "actions", "actions[1]");
        Fails(() => Random.Row(16), "state", "16");
        Fails(() => _ = Random[0, 4], "action", "4");
    }

    [Fact]
    public void Value_and_action_value_tables_must_match_the_MDP()
    {
        Fails(() => BellmanOperators.ExpectationV(Grid, Random, new double[15]), "v", "length 15");
        Fails(() => BellmanOperators.OptimalityV(Grid, new double[17]), "v", "length 17");
        Fails(() => BellmanOperators.OptimalityQ(Grid, new double[16]), "q", "length 16");
        Fails(() => BellmanOperators.ExpectationQ(Grid, Random, new double[63]), "q", "length 63");
        Fails(() => BellmanOperators.OptimalityQInto(Grid, new double[64], new double[16]), "destination", "length 16");
        Fails(() => SoftBellman.BackupQ(Grid, new double[60], 1.0), "q", "length 60");
        Fails(() => SoftBellman.BackupV(Grid, new double[3], 1.0), "v", "length 3");
        Fails(() => BellmanOperators.OptimalityResidual(Grid, new double[2]), "v", "length 2");
        Fails(() => Greedy.FromV(Grid, new double[2]), "v", "length 2");
    }

    [Fact]
    public void Non_finite_values_are_named_by_index()
    {
        double[] v = new double[16];
        v[5] = double.NaN;
        Fails(() => BellmanOperators.ExpectationV(Grid, Random, v), "v", "v[5]");
        Fails(() => ValueIteration.Run(Grid, initialValues: v), "initialValues", "initialValues[5]");
        double[] q = new double[64];
        q[9] = double.PositiveInfinity;
        Fails(() => BellmanOperators.OptimalityQ(Grid, q), "q", "q[9]");
        Fails(() => Greedy.FromQ(q, 4), "q", "q[9]");
        Fails(() => SoftBellman.Boltzmann(q, 4, 1.0), "q", "q[9]");
    }

    [Fact]
    public void State_and_action_indices_out_of_range()
    {
        Fails(() => BellmanOperators.ActionValue(Grid, new double[16], 16, 0), "state", "16");
        Fails(() => BellmanOperators.ActionValue(Grid, new double[16], 0, -1), "action", "-1");
    }

    [Fact]
    public void Policy_shape_must_match_the_MDP()
    {
        TabularPolicy wrong = TabularPolicy.Uniform(16, 3);
        Fails(() => BellmanOperators.ExpectationV(Grid, wrong, new double[16]), "policy", "length 3");
        Fails(() => PolicyEvaluation.Exact(Grid, TabularPolicy.Uniform(4, 4)), "policy", "length 4");
        Fails(() => PolicyIteration.Run(Grid, wrong), "initialPolicy", "length 3");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Gamma_outside_unit_interval(double gamma)
    {
        Fails(() => _ = Grid with { Gamma = gamma }, "gamma", "[0, 1]");
    }

    [Fact]
    public void Solver_settings()
    {
        Fails(() => PolicyEvaluation.Synchronous(Grid, Random, theta: 0.0), "theta", "0");
        Fails(() => PolicyEvaluation.InPlace(Grid, Random, theta: double.NaN), "theta", "NaN");
        Fails(() => PolicyEvaluation.Synchronous(Grid, Random, maxSweeps: 0), "maxSweeps", "0");
        Fails(() => ValueIteration.Run(Grid, theta: -1.0), "theta", "-1");
        Fails(() => PolicyIteration.Run(Grid, maxIterations: 0), "maxIterations", "0");
        Fails(() => PolicyEvaluation.InPlace(Grid, Random, initialValues: new double[3]), "initialValues", "length 3");
    }

    [Fact]
    public void Greedy_and_soft_parameters()
    {
        Fails(() => Greedy.FromQ(new double[7], 4), "q", "length 7");
        Fails(() => Greedy.EpsilonGreedyFromQ(new double[8], 4, 1.5), "epsilon", "1.5");
        Fails(() => Greedy.EpsilonGreedyFromQ(new double[8], 4, -0.1), "epsilon", "-0.1");
        Fails(() => Greedy.FromQ(new double[8], 4, tieTolerance: -1.0), "tieTolerance", "-1");
        Fails(() => Greedy.ActionsInto(new double[8], 4, new int[3]), "destination", "length 3");
        Fails(() => SoftBellman.SoftValue([1.0, 2.0], 0.0), "tau", "0");
        Fails(() => SoftBellman.SoftValues(new double[8], 4, double.NaN), "tau", "NaN");
        Fails(() => SoftBellman.SoftValue([], 1.0), "actionValues", "empty");
    }
}
