using RlNotebooks.Bellman;

namespace RlNotebooks.Tests.Environments;

/// <summary>Test helpers: compare a model row with a Gymnasium-style list and evaluate a policy exactly.</summary>
internal static class ModelAssert
{
    /// <summary>Asserts that P[s][a] equals <paramref name="expected"/> entry by entry, in order, including Gymnasium's terminated flag.</summary>
    public static void Row(TabularMdp mdp, int s, int a, params (double P, int Next, double R, bool Terminated)[] expected)
    {
        IReadOnlyList<Outcome> row = mdp.Outcomes(s, a);
        Assert.Equal(expected.Length, row.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].P, row[i].Probability, 15);
            Assert.Equal(expected[i].Next, row[i].NextState);
            Assert.Equal(expected[i].R, row[i].Reward);
            Assert.Equal(expected[i].Terminated, mdp.IsTerminal(row[i].NextState));
        }
    }

    /// <summary>
    /// v_π for a stochastic policy π[s, a] by solving (I − γ P_π) v = r_π over the non-terminal states (terminal v = 0).
    /// </summary>
    public static double[] PolicyValues(TabularMdp mdp, Func<int, int, double> policy)
    {
        int n = mdp.StateCount;
        var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(n);
        var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(n);
        for (int s = 0; s < n; s++)
        {
            if (mdp.IsTerminal(s))
            {
                continue;
            }

            for (int act = 0; act < mdp.ActionCount; act++)
            {
                double pi = policy(s, act);
                b[s] += pi * mdp.ExpectedReward(s, act);
                foreach (Outcome o in mdp.Outcomes(s, act))
                {
                    if (!mdp.IsTerminal(o.NextState))
                    {
                        a[s, o.NextState] -= pi * mdp.Gamma * o.Probability;
                    }
                }
            }
        }

        return a.Solve(b).ToArray();
    }
}
