using RlNotebooks.Bellman;
using RlNotebooks.TabularLearning;

namespace RlNotebooks.Tests.Bellman;

/// <summary>The span (<c>…Into</c>, <c>…InPlace</c>) overloads of the hot backups must not allocate (checked by bytes, not time).</summary>
public class AllocationTests
{
    /// <summary>
    /// Bytes allocated by one call, the minimum over several trials after warm-up: the runtime occasionally allocates on the calling
    /// thread for its own bookkeeping (tiered-compilation workers, type loading), which is not the function's allocation.
    /// </summary>
    private static long Allocated(Action call)
    {
        for (int i = 0; i < 3; i++)
        {
            call();
        }

        long least = long.MaxValue;
        for (int trial = 0; trial < 5; trial++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            call();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }

    [Fact]
    public void Span_overloads_allocate_nothing()
    {
        TabularMdp mdp = TestMdps.FiveByFiveGridworld();
        TabularPolicy pi = TabularPolicy.Uniform(25, 4);
        double[] v = TestMdps.RandomValues(25, 1), vOut = new double[25];
        double[] q = TestMdps.RandomValues(100, 2), qOut = new double[100];
        int[] counts = new int[25];

        Assert.Equal(0, Allocated(() => BellmanOperators.OptimalityVInto(mdp, v, vOut)));
        Assert.Equal(0, Allocated(() => BellmanOperators.ExpectationVInto(mdp, pi, v, vOut)));
        Assert.Equal(0, Allocated(() => BellmanOperators.OptimalityQInto(mdp, q, qOut)));
        Assert.Equal(0, Allocated(() => BellmanOperators.ExpectationQInto(mdp, pi, q, qOut)));
        Assert.Equal(0, Allocated(() => BellmanOperators.ActionValuesInto(mdp, v, qOut)));
        Assert.Equal(0, Allocated(() => BellmanOperators.OptimalityResidual(mdp, v)));
        Assert.Equal(0, Allocated(() => ValueIteration.SweepInPlace(mdp, vOut)));
        Assert.Equal(0, Allocated(() => PolicyEvaluation.SweepInPlace(mdp, pi, vOut)));
        Assert.Equal(0, Allocated(() => SoftBellman.BackupVInto(mdp, v, 0.5, vOut)));
        Assert.Equal(0, Allocated(() => SoftBellman.BackupQInto(mdp, q, 0.5, qOut)));
        Assert.Equal(0, Allocated(() => Greedy.EpsilonGreedyFromQInto(q, 4, 0.1, qOut)));
        Assert.Equal(0, Allocated(() => QLearning.UpdateInPlace(q, 4, new Transition(0, 1, 1.0, 2, false), 0.1, 0.9)));
        Assert.Equal(0, Allocated(() => Sarsa.UpdateInPlace(q, 4, new Transition(0, 1, 1.0, 2, false), 3, 0.1, 0.9)));
        Assert.Equal(0, Allocated(() => DoubleQLearning.UpdateInPlace(q, qOut, 4, new Transition(0, 1, 1.0, 2, false), 0.1, 0.9, true)));
        Assert.Equal(0, Allocated(() => TdZero.UpdateInPlace(v, 0, 1.0, 2, false, 0.1, 0.9)));
        Assert.Equal(0, Allocated(() => MonteCarlo.IncrementalMeanUpdateInPlace(v, counts, 3, 1.0)));
        Assert.Equal(0, Allocated(() => ExpectedSarsa.UpdateInPlace(q, 4, new Transition(0, 1, 1.0, 2, false), 0.1, 0.1, 0.9)));
    }
}
