namespace RlNotebooks.Bellman;

/// <summary>The outcome of value iteration.</summary>
/// <param name="Values">The final Vₖ ≈ V* (length |𝒮|, 0 at terminal states).</param>
/// <param name="Policy">The greedy policy w.r.t. <paramref name="Values"/> (lowest action index on ties, see <see cref="Greedy"/>).</param>
/// <param name="Actions">The action π(s) of that deterministic greedy policy for each state.</param>
/// <param name="Sweeps">How many synchronous sweeps Vₖ₊₁ = T* Vₖ were made.</param>
/// <param name="MaxChanges">‖Vₖ − Vₖ₋₁‖∞ for k = 1..Sweeps (a γ-contraction: it shrinks at least geometrically).</param>
/// <param name="Converged">True when the last change fell below θ; false when the sweep budget ran out first.</param>
/// <param name="History">V₀, V₁, …, V_Sweeps when requested (for contraction plots); otherwise null.</param>
public sealed record ValueIterationResult(double[] Values, TabularPolicy Policy, int[] Actions, int Sweeps, double[] MaxChanges,
    bool Converged, IReadOnlyList<double[]>? History);

/// <summary>
/// Value iteration: Vₖ₊₁ = T* Vₖ with (T* V)(s) = maxₐ Σ_{s′} P(s′|s,a)[r(s,a,s′) + γV(s′)] and V(terminal) = 0,
/// run synchronously (two arrays) until ‖Vₖ₊₁ − Vₖ‖∞ &lt; θ. For γ &lt; 1 the result is within θγ/(1 − γ) of V* in the sup norm.
/// </summary>
public static class ValueIteration
{
    /// <summary>Runs value iteration from <paramref name="initialValues"/> (zeros when null) and returns V*, the greedy policy and the sweep log.</summary>
    /// <param name="mdp">The MDP (its γ is used). With γ = 1 convergence needs every policy's episodes to end or an optimum to exist.</param>
    /// <param name="theta">Stopping threshold θ &gt; 0 on ‖Vₖ₊₁ − Vₖ‖∞.</param>
    /// <param name="maxSweeps">Sweep budget ≥ 1.</param>
    /// <param name="recordHistory">Keep a copy of every Vₖ in <see cref="ValueIterationResult.History"/>.</param>
    /// <param name="initialValues">V₀ (length |𝒮|, finite); terminal entries are treated as 0.</param>
    public static ValueIterationResult Run(TabularMdp mdp, double theta = PolicyEvaluation.DefaultTheta,
        int maxSweeps = PolicyEvaluation.DefaultMaxSweeps, bool recordHistory = false, double[]? initialValues = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        double[] v = PolicyEvaluation.InitialValues(mdp, theta, maxSweeps, initialValues);
        List<double[]>? history = recordHistory ? [(double[])v.Clone()] : null;
        var next = new double[v.Length];
        var changes = new List<double>();
        bool converged = false;
        while (changes.Count < maxSweeps && !converged)
        {
            double delta = BellmanOperators.OptimalitySweep(mdp, v, next, nameof(mdp));
            (v, next) = (next, v);
            changes.Add(delta);
            history?.Add((double[])v.Clone());
            converged = delta < theta;
        }

        var q = new double[mdp.StateCount * mdp.ActionCount];
        QBackup.Sweep(mdp, new QBackup.StateValue(v), q, nameof(mdp));
        TabularPolicy policy = Greedy.FromQ(q, mdp.ActionCount);
        return new ValueIterationResult(v, policy, policy.ModeActions(), changes.Count, changes.ToArray(), converged, history);
    }

    /// <summary>
    /// One synchronous sweep: writes T* V into <paramref name="destination"/> and returns ‖T* V − V‖∞. Allocates nothing
    /// (same as <see cref="BellmanOperators.OptimalityVInto"/>; the building block of <see cref="Run"/>).
    /// </summary>
    public static double Sweep(TabularMdp mdp, ReadOnlySpan<double> v, Span<double> destination) =>
        BellmanOperators.OptimalityVInto(mdp, v, destination);

    /// <summary>
    /// One in-place (Gauss–Seidel) sweep V(s) ← (T* V)(s) for s = 0..|𝒮|−1, each backup using the values already updated;
    /// returns the largest |change|. Allocates nothing. Terminal entries are set to 0.
    /// </summary>
    public static double SweepInPlace(TabularMdp mdp, Span<double> values)
    {
        BellmanOperators.CheckValues(mdp, values, nameof(values));
        return BellmanOperators.OptimalitySweep(mdp, values, values, nameof(mdp));
    }
}
