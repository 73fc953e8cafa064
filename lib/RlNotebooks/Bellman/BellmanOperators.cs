using System.Runtime.CompilerServices;
using RlNotebooks.Validation;

namespace RlNotebooks.Bellman;

/// <summary>
/// Bellman expectation and optimality operators on a <see cref="TabularMdp"/>, for state values V (length |𝒮|)
/// and action values Q (row-major |𝒮|×|𝒜|, entry s·|𝒜| + a).
/// <para>
/// Termination: a terminal state is absorbing with value 0, so every backup reads V(s′) = 0 and Q(s′,·) = 0 for a terminal
/// s′ whatever the table holds there, and writes (TV)(s) = 0 and (TQ)(s,·) = 0 for a terminal s.
/// </para>
/// <para>
/// The operators are synchronous: T V is computed entirely from the old V, so the destination of an <c>…Into</c> call must not
/// overlap its input. Each <c>…Into</c> overload allocates nothing.
/// </para>
/// </summary>
public static class BellmanOperators
{
    /// <summary>
    /// One-step lookahead Q_V(s,a) = Σ_{s′} P(s′|s,a)[r(s,a,s′) + γV(s′)] (0 when s is terminal).
    /// </summary>
    public static double ActionValue(TabularMdp mdp, ReadOnlySpan<double> v, int state, int action)
    {
        CheckValues(mdp, v);
        Guard.Index(state, mdp.StateCount);
        Guard.Index(action, mdp.ActionCount);
        ReadOnlySpan<bool> terminal = mdp.TerminalStates;
        double q = terminal[state] ? 0.0 : Lookahead(mdp, terminal, v, state, action, mdp.Gamma);
        return double.IsFinite(q) ? q : throw Guard.Overflow("Q(s,a) = Σ p(s′,r|s,a)[r + γV(s′)]", nameof(v));
    }

    /// <summary>The table of one-step lookaheads Q_V(s,a) = Σ_{s′} P(s′|s,a)[r(s,a,s′) + γV(s′)] for every (s, a).</summary>
    public static double[] ActionValues(TabularMdp mdp, ReadOnlySpan<double> v)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        var q = new double[mdp.StateCount * mdp.ActionCount];
        ActionValuesInto(mdp, v, q);
        return q;
    }

    /// <inheritdoc cref="ActionValues"/>
    /// <summary>Writes Q_V(s,a) = Σ_{s′} P(s′|s,a)[r(s,a,s′) + γV(s′)] into <paramref name="destination"/> (|𝒮|·|𝒜|).</summary>
    public static void ActionValuesInto(TabularMdp mdp, ReadOnlySpan<double> v, Span<double> destination)
    {
        CheckValues(mdp, v);
        CheckQDestination(mdp, v, destination, nameof(v));
        QBackup.Sweep(mdp, new QBackup.StateValue(v), destination, nameof(v));
    }

    /// <summary>
    /// Bellman expectation operator for V: (T^π V)(s) = Σₐ π(a|s) Σ_{s′} P(s′|s,a)[r(s,a,s′) + γV(s′)].
    /// </summary>
    public static double[] ExpectationV(TabularMdp mdp, TabularPolicy policy, ReadOnlySpan<double> v)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        var result = new double[mdp.StateCount];
        ExpectationVInto(mdp, policy, v, result);
        return result;
    }

    /// <inheritdoc cref="ExpectationV"/>
    /// <summary>Writes T^π V into <paramref name="destination"/> (length |𝒮|, not overlapping <paramref name="v"/>).</summary>
    public static void ExpectationVInto(TabularMdp mdp, TabularPolicy policy, ReadOnlySpan<double> v, Span<double> destination)
    {
        CheckValues(mdp, v);
        CheckPolicy(mdp, policy);
        CheckVDestination(mdp, v, destination, nameof(v));
        ExpectationSweep(mdp, policy.Probabilities, v, destination, nameof(v));
    }

    /// <summary>
    /// Bellman expectation operator for Q:
    /// (T^π Q)(s,a) = Σ_{s′} P(s′|s,a)[r(s,a,s′) + γ Σ_{a′} π(a′|s′) Q(s′,a′)].
    /// </summary>
    public static double[] ExpectationQ(TabularMdp mdp, TabularPolicy policy, ReadOnlySpan<double> q)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        var result = new double[mdp.StateCount * mdp.ActionCount];
        ExpectationQInto(mdp, policy, q, result);
        return result;
    }

    /// <inheritdoc cref="ExpectationQ"/>
    /// <summary>Writes T^π Q into <paramref name="destination"/> (length |𝒮|·|𝒜|, not overlapping <paramref name="q"/>).</summary>
    public static void ExpectationQInto(TabularMdp mdp, TabularPolicy policy, ReadOnlySpan<double> q, Span<double> destination)
    {
        CheckActionValues(mdp, q);
        CheckPolicy(mdp, policy);
        CheckQDestination(mdp, q, destination, nameof(q));
        QBackup.Sweep(mdp, new QBackup.PolicyExpectation(policy.Probabilities, q, mdp.ActionCount), destination, nameof(q));
    }

    /// <summary>
    /// Bellman optimality operator for V: (T* V)(s) = maxₐ Σ_{s′} P(s′|s,a)[r(s,a,s′) + γV(s′)].
    /// </summary>
    public static double[] OptimalityV(TabularMdp mdp, ReadOnlySpan<double> v)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        var result = new double[mdp.StateCount];
        OptimalityVInto(mdp, v, result);
        return result;
    }

    /// <inheritdoc cref="OptimalityV"/>
    /// <summary>Writes T* V into <paramref name="destination"/> (length |𝒮|, not overlapping <paramref name="v"/>); returns ‖T* V − V‖∞.</summary>
    public static double OptimalityVInto(TabularMdp mdp, ReadOnlySpan<double> v, Span<double> destination)
    {
        CheckValues(mdp, v);
        CheckVDestination(mdp, v, destination, nameof(v));
        return OptimalitySweep(mdp, v, destination, nameof(v));
    }

    /// <summary>
    /// Bellman optimality operator for Q: (T* Q)(s,a) = Σ_{s′} P(s′|s,a)[r(s,a,s′) + γ max_{a′} Q(s′,a′)].
    /// </summary>
    public static double[] OptimalityQ(TabularMdp mdp, ReadOnlySpan<double> q)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        var result = new double[mdp.StateCount * mdp.ActionCount];
        OptimalityQInto(mdp, q, result);
        return result;
    }

    /// <inheritdoc cref="OptimalityQ"/>
    /// <summary>Writes T* Q into <paramref name="destination"/> (length |𝒮|·|𝒜|, not overlapping <paramref name="q"/>).</summary>
    public static void OptimalityQInto(TabularMdp mdp, ReadOnlySpan<double> q, Span<double> destination)
    {
        CheckActionValues(mdp, q);
        CheckQDestination(mdp, q, destination, nameof(q));
        QBackup.Sweep(mdp, new QBackup.MaxActionValue(q, mdp.ActionCount), destination, nameof(q));
    }

    /// <summary>Bellman expectation residual ‖T^π V − V‖∞ (0 exactly at V = V^π). Allocates nothing.</summary>
    public static double ExpectationResidual(TabularMdp mdp, TabularPolicy policy, ReadOnlySpan<double> v)
    {
        CheckValues(mdp, v);
        CheckPolicy(mdp, policy);
        return ExpectationSweep(mdp, policy.Probabilities, v, default, nameof(v));
    }

    /// <summary>Bellman optimality residual ‖T* V − V‖∞ (0 exactly at V = V*). Allocates nothing.</summary>
    public static double OptimalityResidual(TabularMdp mdp, ReadOnlySpan<double> v)
    {
        CheckValues(mdp, v);
        return OptimalitySweep(mdp, v, default, nameof(v));
    }

    /// <summary>T* sweep from <paramref name="v"/> into <paramref name="destination"/> (separate: synchronous; v itself: in place; empty: residual only); returns the largest |change|. Unchecked.</summary>
    internal static double OptimalitySweep(TabularMdp mdp, ReadOnlySpan<double> v, Span<double> destination, string paramName) =>
        VBackup.Sweep(mdp, new VBackup.Optimality(mdp, v), v, destination, paramName);

    /// <summary>T^π sweep from <paramref name="v"/> into <paramref name="destination"/> (separate: synchronous; v itself: in place; empty: residual only); returns the largest |change|. Unchecked.</summary>
    internal static double ExpectationSweep(TabularMdp mdp, ReadOnlySpan<double> policy, ReadOnlySpan<double> v, Span<double> destination,
        string paramName) =>
        VBackup.Sweep(mdp, new VBackup.Expectation(mdp, policy, v), v, destination, paramName);

    /// <summary>Σₐ π(a|s) Q_V(s,a) for a non-terminal s. Unchecked.</summary>
    internal static double ExpectedBackup(TabularMdp mdp, ReadOnlySpan<bool> terminal, ReadOnlySpan<double> policy,
        ReadOnlySpan<double> v, int state, double gamma)
    {
        int actions = mdp.ActionCount;
        ReadOnlySpan<double> pi = policy.Slice(state * actions, actions);
        double sum = 0.0;
        for (int a = 0; a < actions; a++)
        {
            if (pi[a] != 0.0)
            {
                sum += pi[a] * Lookahead(mdp, terminal, v, state, a, gamma);
            }
        }

        return sum;
    }

    /// <summary>maxₐ Q_V(s,a) for a non-terminal s. Unchecked.</summary>
    internal static double MaxBackup(TabularMdp mdp, ReadOnlySpan<bool> terminal, ReadOnlySpan<double> v, int state, double gamma)
    {
        double best = Lookahead(mdp, terminal, v, state, 0, gamma);
        for (int a = 1; a < mdp.ActionCount; a++)
        {
            double qa = Lookahead(mdp, terminal, v, state, a, gamma);
            best = qa > best ? qa : best;
        }

        return best;
    }

    /// <summary>Q_V(s,a) = Σ_{s′} P(s′|s,a)[r(s,a,s′) + γV(s′)] with V(terminal) = 0, iterating the CSR row directly. Unchecked.</summary>
    internal static double Lookahead(TabularMdp mdp, ReadOnlySpan<bool> terminal, ReadOnlySpan<double> v, int state, int action, double gamma)
    {
        ReadOnlySpan<int> next = mdp.NextStates(state, action);
        ReadOnlySpan<double> p = mdp.Probabilities(state, action);
        ReadOnlySpan<double> r = mdp.Rewards(state, action);
        p = p[..next.Length];
        r = r[..next.Length];
        double sum = 0.0;
        for (int i = 0; i < next.Length; i++)
        {
            int n = next[i];
            double vNext = terminal[n] ? 0.0 : v[n];
            sum += p[i] * (r[i] + gamma * vNext);
        }

        return sum;
    }

    /// <summary>Validates a state-value vector against the MDP: length |𝒮| and finite entries.</summary>
    internal static void CheckValues(TabularMdp mdp, ReadOnlySpan<double> v, string paramName = "v")
    {
        ArgumentNullException.ThrowIfNull(mdp);
        Guard.SameLength(mdp.StateCount, v.Length, paramName, "mdp.StateCount");
        Guard.AllFinite(v, paramName);
    }

    /// <summary>Validates an action-value table against the MDP: length |𝒮|·|𝒜| and finite entries.</summary>
    internal static void CheckActionValues(TabularMdp mdp, ReadOnlySpan<double> q, string paramName = "q")
    {
        ArgumentNullException.ThrowIfNull(mdp);
        Guard.SameLength(mdp.StateCount * mdp.ActionCount, q.Length, paramName, "mdp.StateCount·mdp.ActionCount");
        Guard.AllFinite(q, paramName);
    }

    /// <summary>Validates that a policy has the MDP's shape.</summary>
    internal static void CheckPolicy(TabularMdp mdp, TabularPolicy policy, string paramName = "policy")
    {
        ArgumentNullException.ThrowIfNull(policy, paramName);
        Guard.SameLength(mdp.StateCount, policy.StateCount, paramName, "mdp.StateCount (states)");
        Guard.SameLength(mdp.ActionCount, policy.ActionCount, paramName, "mdp.ActionCount (actions)");
    }

    /// <summary>Validates the destination of a V operator: length |𝒮| and no overlap with the input <paramref name="sourceName"/>.</summary>
    internal static void CheckVDestination(TabularMdp mdp, ReadOnlySpan<double> source, Span<double> destination, string sourceName)
    {
        Guard.SameLength(mdp.StateCount, destination.Length, nameof(destination), "mdp.StateCount");
        NoOverlap(source, destination, sourceName);
    }

    /// <summary>Validates the destination of a Q operator: length |𝒮|·|𝒜| and no overlap with the input <paramref name="sourceName"/>.</summary>
    internal static void CheckQDestination(TabularMdp mdp, ReadOnlySpan<double> source, Span<double> destination, string sourceName)
    {
        Guard.SameLength(mdp.StateCount * mdp.ActionCount, destination.Length, nameof(destination), "mdp.StateCount·mdp.ActionCount");
        NoOverlap(source, destination, sourceName);
    }

    /// <summary>Throws when <paramref name="destination"/> overlaps <paramref name="source"/> (a synchronous backup must not read what it writes).</summary>
    private static void NoOverlap(ReadOnlySpan<double> source, ReadOnlySpan<double> destination, string sourceName,
        [CallerArgumentExpression(nameof(destination))] string? paramName = null)
    {
        if (source.Overlaps(destination))
        {
            throw new ArgumentException($"{paramName} must not overlap {sourceName}: a synchronous backup reads every old value.", paramName);
        }
    }
}
