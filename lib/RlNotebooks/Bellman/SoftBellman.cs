using RlNotebooks.Distributions;
using RlNotebooks.Validation;

namespace RlNotebooks.Bellman;

/// <summary>
/// Entropy-regularised (soft) Bellman backups with temperature τ &gt; 0:
/// V_soft(s) = τ log Σₐ exp(Q(s,a)/τ),  (T_soft Q)(s,a) = Σ_{s′} P(s′|s,a)[r(s,a,s′) + γ V_soft(s′)],
/// and the Boltzmann policy π(a|s) = exp((Q(s,a) − V_soft(s))/τ).
/// <para>
/// As τ → 0, V_soft(s) → maxₐ Q(s,a) and the backups become the hard optimality operators (the gap is at most τ log|𝒜|).
/// All log-sum-exps are computed stably as m + τ log Σₐ exp((Q(s,a) − m)/τ) with m = maxₐ Q(s,a), so no overflow for any finite Q.
/// Terminal states: V_soft(terminal) = 0 and (T_soft Q)(terminal,·) = 0. Q tables are row-major |𝒮|×|𝒜|.
/// </para>
/// </summary>
public static class SoftBellman
{
    /// <summary>V_soft = τ log Σₐ exp(qₐ/τ) for one row of action values, computed stably.</summary>
    public static double SoftValue(ReadOnlySpan<double> actionValues, double tau)
    {
        Guard.NotEmpty(actionValues.Length, nameof(actionValues));
        Guard.AllFinite(actionValues);
        Guard.Positive(tau);

        // V_soft ≥ max Q, so it overflows only when max Q + τ·log Σ exp((Q − max Q)/τ) is truly beyond double.MaxValue.
        double value = Softmax.LogSumExp(actionValues, tau);
        return double.IsFinite(value) ? value : throw Guard.Overflow("V_soft = τ log Σ exp(Q/τ)", nameof(actionValues));
    }

    /// <summary>V_soft(s) = τ log Σₐ exp(Q(s,a)/τ) for every state of a Q table.</summary>
    public static double[] SoftValues(ReadOnlySpan<double> q, int actionCount, double tau)
    {
        var v = new double[Guard.RowMajor(q.Length, actionCount, nameof(q), nameof(actionCount))];
        SoftValuesInto(q, actionCount, tau, v);
        return v;
    }

    /// <inheritdoc cref="SoftValues"/>
    /// <summary>Writes V_soft(s) for every state into <paramref name="destination"/> (length |𝒮|).</summary>
    public static void SoftValuesInto(ReadOnlySpan<double> q, int actionCount, double tau, Span<double> destination)
    {
        int states = CheckQ(q, actionCount, tau);
        Guard.SameLength(states, destination.Length, nameof(destination), "q (states)");
        for (int s = 0; s < states; s++)
        {
            destination[s] = Softmax.LogSumExp(q.Slice(s * actionCount, actionCount), tau);
        }

        if (!Guard.IsAllFinite(destination[..states]))
        {
            throw Guard.Overflow("V_soft(s) = τ log Σₐ exp(Q(s,a)/τ)", nameof(q));
        }
    }

    /// <summary>The Boltzmann (softmax) policy π(a|s) = exp((Q(s,a) − V_soft(s))/τ).</summary>
    public static TabularPolicy Boltzmann(ReadOnlySpan<double> q, int actionCount, double tau)
    {
        var table = new double[q.Length];
        BoltzmannInto(q, actionCount, tau, table);
        return new TabularPolicy(q.Length / actionCount, actionCount, table);
    }

    /// <inheritdoc cref="Boltzmann"/>
    /// <summary>Writes the Boltzmann policy table into <paramref name="destination"/> (length |𝒮|·|𝒜|).</summary>
    public static void BoltzmannInto(ReadOnlySpan<double> q, int actionCount, double tau, Span<double> destination)
    {
        int states = CheckQ(q, actionCount, tau);
        Guard.SameLength(q.Length, destination.Length, nameof(destination), nameof(q));
        for (int s = 0; s < states; s++)
        {
            Softmax.ProbabilitiesInto(q.Slice(s * actionCount, actionCount), destination.Slice(s * actionCount, actionCount), tau);
        }
    }

    /// <summary>Soft Q backup (T_soft Q)(s,a) = Σ_{s′} P(s′|s,a)[r(s,a,s′) + γ τ log Σ_{a′} exp(Q(s′,a′)/τ)].</summary>
    public static double[] BackupQ(TabularMdp mdp, ReadOnlySpan<double> q, double tau)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        var result = new double[mdp.StateCount * mdp.ActionCount];
        BackupQInto(mdp, q, tau, result);
        return result;
    }

    /// <inheritdoc cref="BackupQ"/>
    /// <summary>Writes T_soft Q into <paramref name="destination"/> (length |𝒮|·|𝒜|, not overlapping <paramref name="q"/>).</summary>
    public static void BackupQInto(TabularMdp mdp, ReadOnlySpan<double> q, double tau, Span<double> destination)
    {
        BellmanOperators.CheckActionValues(mdp, q);
        Guard.Positive(tau);
        BellmanOperators.CheckQDestination(mdp, q, destination, nameof(q));
        QBackup.Sweep(mdp, new QBackup.SoftMaxActionValue(q, mdp.ActionCount, tau), destination, nameof(q));
    }

    /// <summary>
    /// Soft V backup (T_soft V)(s) = τ log Σₐ exp(Q_V(s,a)/τ) with the lookahead Q_V(s,a) = Σ_{s′} P(s′|s,a)[r(s,a,s′) + γV(s′)].
    /// </summary>
    public static double[] BackupV(TabularMdp mdp, ReadOnlySpan<double> v, double tau)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        var result = new double[mdp.StateCount];
        BackupVInto(mdp, v, tau, result);
        return result;
    }

    /// <inheritdoc cref="BackupV"/>
    /// <summary>Writes T_soft V into <paramref name="destination"/> (length |𝒮|, not overlapping <paramref name="v"/>). Allocates nothing.</summary>
    public static void BackupVInto(TabularMdp mdp, ReadOnlySpan<double> v, double tau, Span<double> destination)
    {
        BellmanOperators.CheckValues(mdp, v);
        Guard.Positive(tau);
        BellmanOperators.CheckVDestination(mdp, v, destination, nameof(v));
        VBackup.Sweep(mdp, new VBackup.Soft(mdp, v, tau), v, destination, nameof(v));
    }

    private static int CheckQ(ReadOnlySpan<double> q, int actionCount, double tau)
    {
        int states = Guard.RowMajor(q.Length, actionCount, nameof(q), nameof(actionCount));
        Guard.AllFinite(q, nameof(q));
        Guard.Positive(tau);
        return states;
    }
}
