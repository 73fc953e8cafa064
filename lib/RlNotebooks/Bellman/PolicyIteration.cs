using RlNotebooks.Validation;

namespace RlNotebooks.Bellman;

/// <summary>The outcome of policy iteration.</summary>
/// <param name="Values">V^π of the final (stable) policy = V* when <paramref name="Converged"/>.</param>
/// <param name="Policy">The final deterministic policy π*.</param>
/// <param name="Actions">π*(s) for each state.</param>
/// <param name="Iterations">How many evaluate-then-improve rounds were made.</param>
/// <param name="Policies">π₀, π₁, …: the policy evaluated in each round (π₀ is the initial policy; the last equals <paramref name="Policy"/>).</param>
/// <param name="ValuesPerIteration">V^{π₀}, V^{π₁}, …, aligned with <paramref name="Policies"/> (monotonically non-decreasing).</param>
/// <param name="Converged">True when improvement left the policy unchanged; false when the iteration budget ran out.</param>
public sealed record PolicyIterationResult(double[] Values, TabularPolicy Policy, int[] Actions, int Iterations,
    IReadOnlyList<TabularPolicy> Policies, IReadOnlyList<double[]> ValuesPerIteration, bool Converged);

/// <summary>
/// Policy iteration: evaluate V^{πᵢ} exactly (<see cref="PolicyEvaluation.Exact"/>), improve
/// πᵢ₊₁(s) = argmaxₐ Σ_{s′} P(s′|s,a)[r(s,a,s′) + γV^{πᵢ}(s′)], stop when the policy is stable.
/// <para>
/// Deterministic tie-breaking: if πᵢ is deterministic and its action in s is still within <see cref="Greedy.DefaultTieTolerance"/> of the
/// best lookahead, it is kept (this is what guarantees termination instead of cycling between equally good actions); otherwise the lowest
/// greedy action index is taken. A stochastic initial policy is replaced in the first improvement by the lowest-index greedy actions.
/// </para>
/// </summary>
public static class PolicyIteration
{
    /// <summary>Runs policy iteration from <paramref name="initialPolicy"/> (the equiprobable random policy when null).</summary>
    /// <param name="mdp">The MDP. With γ = 1 every evaluated policy must be proper (reach a terminal state); an improper one throws.</param>
    /// <param name="initialPolicy">π₀, shaped like the MDP.</param>
    /// <param name="maxIterations">Budget of evaluate-then-improve rounds ≥ 1.</param>
    public static PolicyIterationResult Run(TabularMdp mdp, TabularPolicy? initialPolicy = null, int maxIterations = 1_000)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        Guard.AtLeast(maxIterations, 1);
        TabularPolicy policy = initialPolicy ?? TabularPolicy.Uniform(mdp.StateCount, mdp.ActionCount);
        BellmanOperators.CheckPolicy(mdp, policy, nameof(initialPolicy));

        int states = mdp.StateCount, actions = mdp.ActionCount;
        var policies = new List<TabularPolicy>();
        var values = new List<double[]>();
        var q = new double[states * actions];
        int[]? current = IsDeterministic(policy) ? policy.ModeActions() : null;
        while (policies.Count < maxIterations)
        {
            double[] v = PolicyEvaluation.Exact(mdp, policy);
            policies.Add(policy);
            values.Add(v);

            QBackup.Sweep(mdp, new QBackup.StateValue(v), q, nameof(mdp));
            var improved = new int[states];
            for (int s = 0; s < states; s++)
            {
                ReadOnlySpan<double> row = q.AsSpan(s * actions, actions);
                int best = Greedy.LowestMaximiser(row, Greedy.DefaultTieTolerance);
                bool keep = current is not null && row[current[s]] >= row[best] - Greedy.DefaultTieTolerance;
                improved[s] = keep ? current![s] : best;
            }

            if (current is not null && improved.AsSpan().SequenceEqual(current))
            {
                return new PolicyIterationResult(v, policy, current, policies.Count, policies, values, true);
            }

            current = improved;
            policy = TabularPolicy.Deterministic(improved, actions);
        }

        return new PolicyIterationResult(values[^1], policies[^1], policies[^1].ModeActions(), policies.Count, policies, values, false);
    }

    private static bool IsDeterministic(TabularPolicy policy)
    {
        foreach (double p in policy.Probabilities)
        {
            if (p != 0.0 && p != 1.0)
            {
                return false;
            }
        }

        return true;
    }
}
