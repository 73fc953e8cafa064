using FsCheck.Fluent;
using RlNotebooks.Bellman;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Bellman;

public class SoftBellmanTests
{
    [Fact]
    public void Tau_one_is_log_sum_exp()
    {
        // log(e⁰ + e^{ln 3}) = log 4.
        Assert.Equal(Math.Log(4.0), SoftBellman.SoftValue([0.0, Math.Log(3.0)], 1.0), 12);
        // log(e¹ + e² + e³) = 3 + log(1 + e⁻¹ + e⁻²) = 3.4076059644443806.
        Assert.Equal(3.4076059644443806, SoftBellman.SoftValue([1.0, 2.0, 3.0], 1.0), 12);
        // τ = 0.5: 0.5·log(e² + e⁴) = 2 + 0.5·log(1 + e⁻²).
        Assert.Equal(2.0 + 0.5 * Math.Log(1.0 + Math.Exp(-2.0)), SoftBellman.SoftValue([1.0, 2.0], 0.5), 12);
    }

    [Fact]
    public void Large_action_values_do_not_overflow()
    {
        Assert.Equal(1000.0 + Math.Log(2.0), SoftBellman.SoftValue([1000.0, 1000.0], 1.0), 9);
        Assert.Equal(-1000.0 + Math.Log(2.0), SoftBellman.SoftValue([-1000.0, -1000.0], 1.0), 9);
        TabularPolicy pi = SoftBellman.Boltzmann([1000.0, 0.0], 2, 1.0);
        Assert.Equal(1.0, pi[0, 0], 12);
        Assert.Equal(0.0, pi[0, 1], 12);
    }

    [Fact]
    public void Soft_value_tends_to_the_hard_max_as_tau_goes_to_zero()
    {
        Assert.Equal(5.0, SoftBellman.SoftValue([1.0, 5.0, 3.0], 1e-8), 7);
        // max Q ≤ V_soft ≤ max Q + τ log|𝒜| for every τ.
        Properties.Check(
            from q in Properties.ArrayOf(Properties.Finite(50.0), 1, 8)
            from tau in Properties.Between(1e-6, 10.0)
            select (q, tau),
            c =>
            {
                double soft = SoftBellman.SoftValue(c.q, c.tau), max = c.q.Max();
                return soft >= max - 1e-9 && soft <= max + c.tau * Math.Log(c.q.Length) + 1e-9;
            });
    }

    [Fact]
    public void Boltzmann_policy_matches_softmax()
    {
        // Row [0, ln 3] at τ = 1: softmax = [1/4, 3/4]; row [2, 2]: uniform.
        TabularPolicy pi = SoftBellman.Boltzmann([0.0, Math.Log(3.0), 2.0, 2.0], 2, 1.0);
        Assert.Equal(0.25, pi[0, 0], 12);
        Assert.Equal(0.75, pi[0, 1], 12);
        Assert.Equal(0.5, pi[1, 0], 12);
        Assert.Equal([Math.Log(4.0), 2.0 + Math.Log(2.0)], SoftBellman.SoftValues([0.0, Math.Log(3.0), 2.0, 2.0], 2, 1.0), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Soft_backups_are_consistent_contractions_that_become_the_hard_backups_as_tau_goes_to_zero()
    {
        Properties.Check(TestMdps.Cases(), c =>
        {
            TabularMdp mdp = TestMdps.Random(c.Seed, c.Gamma);
            int n = mdp.StateCount * mdp.ActionCount;
            double[] v = TestMdps.RandomValues(mdp.StateCount, c.Seed + 1);
            double[] q = TestMdps.RandomValues(n, c.Seed + 2), w = TestMdps.RandomValues(n, c.Seed + 3);

            // T_soft V = V_soft of the lookahead table (0 at terminal states).
            double[] softOfLookahead = SoftBellman.SoftValues(BellmanOperators.ActionValues(mdp, v), mdp.ActionCount, 0.7);
            double[] backupV = SoftBellman.BackupV(mdp, v, 0.7);
            for (int s = 0; s < mdp.StateCount; s++)
            {
                double expected = mdp.IsTerminal(s) ? 0.0 : softOfLookahead[s];
                if (Math.Abs(expected - backupV[s]) > 1e-9)
                {
                    return false;
                }
            }

            double contraction = TestMdps.SupDistance(SoftBellman.BackupQ(mdp, q, 0.7), SoftBellman.BackupQ(mdp, w, 0.7));
            return contraction <= c.Gamma * TestMdps.SupDistance(q, w) + 1e-9
                && TestMdps.SupDistance(SoftBellman.BackupQ(mdp, q, 1e-9), BellmanOperators.OptimalityQ(mdp, q)) < 1e-7
                && TestMdps.SupDistance(SoftBellman.BackupV(mdp, v, 1e-9), BellmanOperators.OptimalityV(mdp, v)) < 1e-7;
        });
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
