using RlNotebooks.Bellman;
using RlNotebooks.TabularLearning;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Bellman;

/// <summary>The span (<c>…Into</c>, <c>…InPlace</c>) overloads of the hot backups must not allocate (checked by bytes, not time).</summary>
public class AllocationTests
{
    [Fact]
    public void Span_overloads_allocate_nothing()
    {
        TabularMdp mdp = TestMdps.FiveByFiveGridworld();
        TabularPolicy pi = TabularPolicy.Uniform(25, 4);
        double[] v = TestMdps.RandomValues(25, 1), vOut = new double[25];
        double[] q = TestMdps.RandomValues(100, 2), qOut = new double[100];
        int[] counts = new int[25];

        Assert.Equal(0, Allocations.LeastBytes(() => BellmanOperators.OptimalityVInto(mdp, v, vOut)));
        Assert.Equal(0, Allocations.LeastBytes(() => BellmanOperators.ExpectationVInto(mdp, pi, v, vOut)));
        Assert.Equal(0, Allocations.LeastBytes(() => BellmanOperators.OptimalityQInto(mdp, q, qOut)));
        Assert.Equal(0, Allocations.LeastBytes(() => BellmanOperators.ExpectationQInto(mdp, pi, q, qOut)));
        Assert.Equal(0, Allocations.LeastBytes(() => BellmanOperators.ActionValuesInto(mdp, v, qOut)));
        Assert.Equal(0, Allocations.LeastBytes(() => BellmanOperators.OptimalityResidual(mdp, v)));
        Assert.Equal(0, Allocations.LeastBytes(() => ValueIteration.SweepInPlace(mdp, vOut)));
        Assert.Equal(0, Allocations.LeastBytes(() => PolicyEvaluation.SweepInPlace(mdp, pi, vOut)));
        Assert.Equal(0, Allocations.LeastBytes(() => SoftBellman.BackupVInto(mdp, v, 0.5, vOut)));
        Assert.Equal(0, Allocations.LeastBytes(() => SoftBellman.BackupQInto(mdp, q, 0.5, qOut)));
        Assert.Equal(0, Allocations.LeastBytes(() => Greedy.EpsilonGreedyFromQInto(q, 4, 0.1, qOut)));
        Assert.Equal(0, Allocations.LeastBytes(() => QLearning.UpdateInPlace(q, 4, new Transition(0, 1, 1.0, 2, false), 0.1, 0.9)));
        Assert.Equal(0, Allocations.LeastBytes(() => Sarsa.UpdateInPlace(q, 4, new Transition(0, 1, 1.0, 2, false), 3, 0.1, 0.9)));
        Assert.Equal(0, Allocations.LeastBytes(() => DoubleQLearning.UpdateInPlace(q, qOut, 4, new Transition(0, 1, 1.0, 2, false), 0.1, 0.9, true)));
        Assert.Equal(0, Allocations.LeastBytes(() => TdZero.UpdateInPlace(v, 0, 1.0, 2, false, 0.1, 0.9)));
        Assert.Equal(0, Allocations.LeastBytes(() => MonteCarlo.IncrementalMeanUpdateInPlace(v, counts, 3, 1.0)));
        Assert.Equal(0, Allocations.LeastBytes(() => ExpectedSarsa.UpdateInPlace(q, 4, new Transition(0, 1, 1.0, 2, false), 0.1, 0.1, 0.9)));
    }
}
