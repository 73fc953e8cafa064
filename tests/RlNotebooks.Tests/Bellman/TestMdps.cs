using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.Bellman;
using Outcome = RlNotebooks.Bellman.Outcome;

namespace RlNotebooks.Tests.Bellman;

/// <summary>Test-only MDP builders: the two Sutton &amp; Barto gridworlds and seeded random MDPs for properties.</summary>
internal static class TestMdps
{
    /// <summary>Actions of both gridworlds: 0 = up, 1 = down, 2 = right, 3 = left (Sutton &amp; Barto's order is immaterial).</summary>
    private static readonly (int Dr, int Dc)[] Moves = [(-1, 0), (1, 0), (0, 1), (0, -1)];

    /// <summary>
    /// Sutton &amp; Barto (2nd ed.) Example 4.1: 4×4 grid, states numbered row-major, the two corner states 0 and 15 are terminal,
    /// every transition gives r = −1, moves off the grid leave the state unchanged, γ = 1.
    /// </summary>
    public static TabularMdp SmallGridworld()
    {
        var outcomes = new List<IReadOnlyList<Outcome>>();
        for (int s = 0; s < 16; s++)
        {
            foreach ((int dr, int dc) in Moves)
            {
                int r = s / 4 + dr, c = s % 4 + dc;
                int next = r is >= 0 and < 4 && c is >= 0 and < 4 ? r * 4 + c : s;
                outcomes.Add([new Outcome(next, 1.0, -1.0)]);
            }
        }

        return new TabularMdp(16, 4, outcomes, 1.0, [0, 15]);
    }

    /// <summary>
    /// Sutton &amp; Barto (2nd ed.) Example 3.5: 5×5 grid, from A = (0,1) every action gives +10 and moves to A′ = (4,1); from
    /// B = (0,3) every action gives +5 and moves to B′ = (2,3); moves off the grid give −1 and leave the state unchanged;
    /// all other moves give 0. γ = 0.9, no terminal states.
    /// </summary>
    public static TabularMdp FiveByFiveGridworld()
    {
        var outcomes = new List<IReadOnlyList<Outcome>>();
        for (int s = 0; s < 25; s++)
        {
            foreach ((int dr, int dc) in Moves)
            {
                int r = s / 5 + dr, c = s % 5 + dc;
                Outcome o = s switch
                {
                    1 => new Outcome(21, 1.0, 10.0),
                    3 => new Outcome(13, 1.0, 5.0),
                    _ when r is < 0 or >= 5 || c is < 0 or >= 5 => new Outcome(s, 1.0, -1.0),
                    _ => new Outcome(r * 5 + c, 1.0, 0.0),
                };
                outcomes.Add([o]);
            }
        }

        return new TabularMdp(25, 4, outcomes, 0.9);
    }

    /// <summary>A random MDP from a seed: 1–8 states, 1–4 actions, 1–3 outcomes per (s,a), rewards in [−5, 5], some terminal states.</summary>
    public static TabularMdp Random(int seed, double gamma)
    {
        var random = new Random(seed);
        int states = random.Next(1, 9), actions = random.Next(1, 5);
        var outcomes = new List<IReadOnlyList<Outcome>>();
        for (int sa = 0; sa < states * actions; sa++)
        {
            int k = random.Next(1, 4);
            var weights = new double[k];
            for (int i = 0; i < k; i++)
            {
                weights[i] = random.NextDouble() + 0.05;
            }

            double total = weights.Sum();
            var row = new List<Outcome>();
            for (int i = 0; i < k; i++)
            {
                row.Add(new Outcome(random.Next(states), weights[i] / total, Math.Round(random.NextDouble() * 10 - 5, 3)));
            }

            outcomes.Add(row);
        }

        var terminal = Enumerable.Range(0, states).Where(_ => random.NextDouble() < 0.2).ToArray();
        return new TabularMdp(states, actions, outcomes, gamma, terminal);
    }

    /// <summary>A random stochastic policy shaped like <paramref name="mdp"/>.</summary>
    public static TabularPolicy RandomPolicy(TabularMdp mdp, int seed)
    {
        var random = new Random(seed);
        var table = new double[mdp.StateCount * mdp.ActionCount];
        for (int s = 0; s < mdp.StateCount; s++)
        {
            Span<double> row = table.AsSpan(s * mdp.ActionCount, mdp.ActionCount);
            double sum = 0.0;
            for (int a = 0; a < row.Length; a++)
            {
                row[a] = random.NextDouble() < 0.3 ? 0.0 : random.NextDouble();
                sum += row[a];
            }

            if (sum == 0.0)
            {
                row[0] = sum = 1.0;
            }

            for (int a = 0; a < row.Length; a++)
            {
                row[a] /= sum;
            }
        }

        return new TabularPolicy(mdp.StateCount, mdp.ActionCount, table);
    }

    /// <summary>A random vector of finite values in [−20, 20].</summary>
    public static double[] RandomValues(int length, int seed)
    {
        var random = new Random(seed);
        var v = new double[length];
        for (int i = 0; i < length; i++)
        {
            v[i] = random.NextDouble() * 40 - 20;
        }

        return v;
    }

    /// <summary>Generator of (mdp seed, γ ∈ [0, 0.95]) cases; the seeds are used for the MDP, policies and vectors.</summary>
    public static Gen<(int Seed, double Gamma)> Cases() =>
        from seed in Gen.Choose(0, int.MaxValue - 10)
        from gamma in Support.Properties.Between(0.0, 0.95)
        select (seed, gamma);

    /// <summary>‖x − y‖∞.</summary>
    public static double SupDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double max = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            max = Math.Max(max, Math.Abs(x[i] - y[i]));
        }

        return max;
    }
}
