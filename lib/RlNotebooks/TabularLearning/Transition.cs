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
        int states = Guard.TableShape(q.Length, actionCount, tableName);
        Guard.Index(transition.State, states, "transition.State");
        Guard.Index(transition.Action, actionCount, "transition.Action");
        Guard.Index(transition.NextState, states, "transition.NextState");
        Guard.Finite(transition.Reward, "transition.Reward");
        Guard.UnitInterval(gamma, nameof(gamma));
        RowFinite(q, actionCount, transition.State, "state", tableName);
        RowFinite(q, actionCount, transition.NextState, "next state", tableName);
        return states;
    }

    /// <summary>
    /// Applies table[index] += α·δ and returns nothing; when the sum overflows (both near ±double.MaxValue) it is taken as
    /// (1 − α)·table[index] + α·(table[index] + δ) evaluated as 4·(x/4 + αδ/4), and a result beyond ±double.MaxValue throws a
    /// named overflow error before the table is changed.
    /// </summary>
    public static void Apply(Span<double> table, int index, double alpha, double delta, string tableName)
    {
        double updated = table[index] + alpha * delta;
        if (!double.IsFinite(updated))
        {
            updated = 4.0 * (0.25 * table[index] + 0.25 * alpha * delta);
            if (!double.IsFinite(updated))
            {
                throw Guard.Overflow($"{tableName}[{index}] + α·δ", tableName);
            }
        }

        table[index] = updated;
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
