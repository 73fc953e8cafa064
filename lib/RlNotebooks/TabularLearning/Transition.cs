using System.Runtime.CompilerServices;
using RlNotebooks.Validation;

namespace RlNotebooks.TabularLearning;

/// <summary>
/// One environment step (sₜ, aₜ, rₜ₊₁, sₜ₊₁, terminated) for tabular learning updates.
/// <para>
/// Episode boundaries: <see cref="Terminated"/> = true means sₜ₊₁ is terminal, so the target does not bootstrap (V(sₜ₊₁) = 0).
/// A time-limit truncation is NOT termination: pass <c>Terminated = false</c> with the actual final observation as
/// <see cref="NextState"/>, so the target bootstraps from it; the caller then resets the environment (the update never ends a target itself).
/// </para>
/// </summary>
/// <param name="State">sₜ.</param>
/// <param name="Action">aₜ.</param>
/// <param name="Reward">rₜ₊₁, received after aₜ.</param>
/// <param name="NextState">sₜ₊₁, the actual next observation.</param>
/// <param name="Terminated">sₜ₊₁ is terminal → bootstrap 0.</param>
public readonly record struct Transition(int State, int Action, double Reward, int NextState, bool Terminated);

/// <summary>Shared argument checks of the tabular Q-learning family (row-major Q tables, entry s·|𝒜| + a).</summary>
internal static class TabularChecks
{
    /// <summary>Validates the table shape, the transition's indices and reward, and γ; returns |𝒮|.</summary>
    public static int Check(ReadOnlySpan<double> q, int actionCount, in Transition transition, double gamma, string tableName = "q")
    {
        int states = Guard.RowMajor(q.Length, actionCount, tableName, nameof(actionCount));
        Guard.Index(transition.State, states, "transition.State");
        Guard.Index(transition.Action, actionCount, "transition.Action");
        Guard.Index(transition.NextState, states, "transition.NextState");
        Guard.Finite(transition.Reward, "transition.Reward");
        Guard.UnitInterval(gamma, nameof(gamma));
        RowFinite(q, actionCount, transition.State, "state", tableName);
        RowFinite(q, actionCount, transition.NextState, "next state", tableName);
        return states;
    }

    /// <summary>Throws unless the step size α lies in (0, 1].</summary>
    public static void LearningRate(double alpha, [CallerArgumentExpression(nameof(alpha))] string? paramName = null)
    {
        if (!(alpha > 0.0 && alpha <= 1.0))
        {
            throw new ArgumentOutOfRangeException(paramName, alpha, $"{paramName} must lie in (0, 1] but was {alpha}.");
        }
    }

    /// <summary>The TD error δ = target − estimate; an overflow of finite terms is reported as an error naming the table.</summary>
    public static double TdError(double target, double estimate, string tableName)
    {
        double delta = target - estimate;
        return double.IsFinite(delta) ? delta : throw Guard.Overflow("δ", tableName);
    }

    /// <summary>table[index] ← table[index] + α·δ; a result beyond ±double.MaxValue throws before the table is changed.</summary>
    public static void Apply(Span<double> table, int index, double alpha, double delta, string tableName)
    {
        double updated = table[index] + alpha * delta;
        table[index] = double.IsFinite(updated) ? updated : throw Guard.Overflow($"{tableName}[{index}] + α·δ", tableName);
    }

    /// <summary>Throws unless table[index] is finite; the message (built only on failure) names the entry.</summary>
    public static void EntryFinite(ReadOnlySpan<double> table, int index, string tableName)
    {
        if (!double.IsFinite(table[index]))
        {
            throw new ArgumentException($"{tableName}[{index}] must be finite but was {table[index]}.", $"{tableName}[{index}]");
        }
    }

    /// <summary>Throws unless every Q(s,·) of the row is finite; the message (built only on failure) names the state and action.</summary>
    private static void RowFinite(ReadOnlySpan<double> q, int actionCount, int state, string role, string tableName)
    {
        ReadOnlySpan<double> row = q.Slice(state * actionCount, actionCount);
        for (int a = 0; a < row.Length; a++)
        {
            if (!double.IsFinite(row[a]))
            {
                string name = $"{tableName}[{role} {state}]";
                throw new ArgumentException($"{name}: Q({state},{a}) = {tableName}[{state * actionCount + a}] must be finite but was {row[a]}.", name);
            }
        }
    }
}
