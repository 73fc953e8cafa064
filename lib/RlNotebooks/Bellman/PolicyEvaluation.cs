using MathNet.Numerics.LinearAlgebra;
using RlNotebooks.Validation;

namespace RlNotebooks.Bellman;

/// <summary>The outcome of iterative policy evaluation.</summary>
/// <param name="Values">The final estimate of V^π (length |𝒮|, 0 at terminal states).</param>
/// <param name="Sweeps">How many full sweeps over 𝒮 were made.</param>
/// <param name="MaxChanges">Δₖ = maxₛ |Vₖ(s) − Vₖ₋₁(s)| for each sweep k = 1..Sweeps (for convergence plots).</param>
/// <param name="Converged">True when the last Δₖ fell below θ; false when the sweep budget ran out first.</param>
public sealed record PolicyEvaluationResult(double[] Values, int Sweeps, double[] MaxChanges, bool Converged);

/// <summary>
/// Policy evaluation: compute V^π, the fixed point of T^π, where
/// V^π(s) = Σₐ π(a|s) Σ_{s′} P(s′|s,a)[r(s,a,s′) + γV^π(s′)] and V^π(terminal) = 0.
/// </summary>
public static class PolicyEvaluation
{
    /// <summary>Default stopping threshold θ on the sup-norm change of one sweep.</summary>
    public const double DefaultTheta = 1e-10;

    /// <summary>Default sweep budget.</summary>
    public const int DefaultMaxSweeps = 100_000;

    /// <summary>
    /// Synchronous (Jacobi) iterative evaluation Vₖ₊₁ = T^π Vₖ with two arrays, stopping when maxₛ |Vₖ₊₁(s) − Vₖ(s)| &lt; θ
    /// or after <paramref name="maxSweeps"/> sweeps.
    /// </summary>
    /// <param name="mdp">The MDP (its γ is used).</param>
    /// <param name="policy">π(a|s), shaped like the MDP.</param>
    /// <param name="theta">θ &gt; 0.</param>
    /// <param name="maxSweeps">Sweep budget ≥ 1.</param>
    /// <param name="initialValues">V₀ (length |𝒮|, finite); all zeros when null. Terminal entries are ignored (treated as 0).</param>
    public static PolicyEvaluationResult Synchronous(TabularMdp mdp, TabularPolicy policy, double theta = DefaultTheta,
        int maxSweeps = DefaultMaxSweeps, double[]? initialValues = null)
    {
        double[] v = Start(mdp, policy, theta, maxSweeps, initialValues);
        var next = new double[v.Length];
        var changes = new List<double>();
        bool converged = false;
        while (changes.Count < maxSweeps && !converged)
        {
            double delta = BellmanOperators.ExpectationSweep(mdp, policy.Probabilities, v, next, nameof(mdp));
            (v, next) = (next, v);
            changes.Add(delta);
            converged = delta < theta;
        }

        return new PolicyEvaluationResult(v, changes.Count, changes.ToArray(), converged);
    }

    /// <summary>
    /// In-place (Gauss–Seidel) iterative evaluation: one array, each V(s) ← (T^π V)(s) uses the values already updated in this
    /// sweep (states in index order). Stops when the largest change of a sweep is below θ or after <paramref name="maxSweeps"/> sweeps.
    /// Same fixed point V^π as <see cref="Synchronous"/>, usually in fewer sweeps.
    /// </summary>
    /// <inheritdoc cref="Synchronous" path="/param"/>
    public static PolicyEvaluationResult InPlace(TabularMdp mdp, TabularPolicy policy, double theta = DefaultTheta,
        int maxSweeps = DefaultMaxSweeps, double[]? initialValues = null)
    {
        double[] v = Start(mdp, policy, theta, maxSweeps, initialValues);
        var changes = new List<double>();
        bool converged = false;
        while (changes.Count < maxSweeps && !converged)
        {
            double delta = SweepInPlace(mdp, policy.Probabilities, v);
            changes.Add(delta);
            converged = delta < theta;
        }

        return new PolicyEvaluationResult(v, changes.Count, changes.ToArray(), converged);
    }

    /// <summary>
    /// One in-place (Gauss–Seidel) sweep V(s) ← (T^π V)(s) for s = 0..|𝒮|−1 over <paramref name="values"/>; returns the largest |change|.
    /// Allocates nothing. Terminal entries are set to 0.
    /// </summary>
    public static double SweepInPlace(TabularMdp mdp, TabularPolicy policy, Span<double> values)
    {
        BellmanOperators.CheckValues(mdp, values, nameof(values));
        BellmanOperators.CheckPolicy(mdp, policy);
        return SweepInPlace(mdp, policy.Probabilities, values);
    }

    /// <summary>
    /// Exact evaluation by solving the linear system (I − γP^π)V = r^π with a dense LU factorisation, where
    /// P^π(s,s′) = Σₐ π(a|s)P(s′|s,a) restricted to non-terminal s′ and r^π(s) = Σₐ π(a|s) r(s,a);
    /// terminal rows are fixed to V(s) = 0. O(|𝒮|³): meant for small MDPs.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// γ = 1 and some state never reaches a terminal state under π (the system is singular; the message names that state).
    /// </exception>
    public static double[] Exact(TabularMdp mdp, TabularPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        BellmanOperators.CheckPolicy(mdp, policy);
        if (mdp.Gamma == 1.0)
        {
            RequireProper(mdp, policy);
        }

        int n = mdp.StateCount, actions = mdp.ActionCount;
        double gamma = mdp.Gamma;
        ReadOnlySpan<bool> terminal = mdp.TerminalStates;
        Matrix<double> system = Matrix<double>.Build.Dense(n, n);
        Vector<double> rewards = Vector<double>.Build.Dense(n);
        for (int s = 0; s < n; s++)
        {
            system[s, s] = 1.0;
            if (terminal[s])
            {
                continue;
            }

            for (int a = 0; a < actions; a++)
            {
                double pi = policy.Probabilities[s * actions + a];
                if (pi == 0.0)
                {
                    continue;
                }

                rewards[s] += pi * mdp.ExpectedReward(s, a);
                ReadOnlySpan<int> next = mdp.NextStates(s, a);
                ReadOnlySpan<double> p = mdp.Probabilities(s, a);
                for (int i = 0; i < next.Length; i++)
                {
                    if (!terminal[next[i]])
                    {
                        system[s, next[i]] -= gamma * pi * p[i];
                    }
                }
            }
        }

        double[] v = system.LU().Solve(rewards).ToArray();
        for (int s = 0; s < n; s++)
        {
            if (!double.IsFinite(v[s]))
            {
                // With γ < 1, I − γP^π is strictly diagonally dominant, so a non-finite V is an overflow of r^π/(1 − γ), not singularity.
                throw mdp.Gamma < 1.0
                    ? Guard.Overflow($"V^π({s})", nameof(mdp))
                    : new ArgumentException($"(I − γP^π) is numerically singular: V({s}) came out as {v[s]}.", nameof(policy));
            }
        }

        return v;
    }

    private static double SweepInPlace(TabularMdp mdp, ReadOnlySpan<double> policy, Span<double> v) =>
        BellmanOperators.ExpectationSweep(mdp, policy, v, v, nameof(mdp));

    private static double[] Start(TabularMdp mdp, TabularPolicy policy, double theta, int maxSweeps, double[]? initialValues)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        BellmanOperators.CheckPolicy(mdp, policy);
        return InitialValues(mdp, theta, maxSweeps, initialValues);
    }

    /// <summary>
    /// Shared set-up of the iterative solvers: checks θ &gt; 0 and the sweep budget ≥ 1, and returns a fresh V₀ — a copy of
    /// <paramref name="initialValues"/> (zeros when null) with every terminal entry set to 0.
    /// </summary>
    internal static double[] InitialValues(TabularMdp mdp, double theta, int maxSweeps, double[]? initialValues)
    {
        Guard.Positive(theta);
        Guard.AtLeast(maxSweeps, 1);
        var v = new double[mdp.StateCount];
        if (initialValues is not null)
        {
            BellmanOperators.CheckValues(mdp, initialValues, nameof(initialValues));
            initialValues.CopyTo(v, 0);
        }

        ReadOnlySpan<bool> terminal = mdp.TerminalStates;
        for (int s = 0; s < v.Length; s++)
        {
            v[s] = terminal[s] ? 0.0 : v[s];
        }

        return v;
    }

    /// <summary>With γ = 1, (I − P^π) is invertible iff every state reaches a terminal state under π; throws naming one that does not.</summary>
    private static void RequireProper(TabularMdp mdp, TabularPolicy policy)
    {
        int n = mdp.StateCount, actions = mdp.ActionCount;
        ReadOnlySpan<bool> terminal = mdp.TerminalStates;
        var reaches = new bool[n];
        for (int s = 0; s < n; s++)
        {
            reaches[s] = terminal[s];
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int s = 0; s < n; s++)
            {
                if (!reaches[s] && StepsIntoReaching(mdp, policy.Probabilities.Slice(s * actions, actions), s, reaches))
                {
                    reaches[s] = true;
                    changed = true;
                }
            }
        }

        int stuck = Array.IndexOf(reaches, false);
        if (stuck >= 0)
        {
            throw new ArgumentException(
                $"With γ = 1, state {stuck} never reaches a terminal state under π, so (I − γP^π) is singular and V^π is unbounded or undefined. "
                + "Use γ < 1 or a proper policy.", nameof(policy));
        }
    }

    private static bool StepsIntoReaching(TabularMdp mdp, ReadOnlySpan<double> pi, int state, bool[] reaches)
    {
        for (int a = 0; a < pi.Length; a++)
        {
            if (pi[a] == 0.0)
            {
                continue;
            }

            ReadOnlySpan<int> next = mdp.NextStates(state, a);
            ReadOnlySpan<double> p = mdp.Probabilities(state, a);
            for (int i = 0; i < next.Length; i++)
            {
                if (p[i] > 0.0 && reaches[next[i]])
                {
                    return true;
                }
            }
        }

        return false;
    }
}
