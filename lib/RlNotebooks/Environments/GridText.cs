using System.Globalization;
using System.Text;
using RlNotebooks.Bellman;
using RlNotebooks.Validation;

namespace RlNotebooks.Environments;

/// <summary>
/// Plain-text drawings of grid environments for notebooks: the map, a value table V(s) and a policy π(s) as arrows.
/// Rows are separated by '\n'; cells by a single space, right-aligned to a common width.
/// </summary>
public static class GridText
{
    /// <summary>The map letters, with the agent's cell drawn as 'x' when <paramref name="agentState"/> is given.</summary>
    public static string Map(GridLayout layout, int? agentState = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (agentState is int agent)
        {
            Guard.Index(agent, layout.CellCount, nameof(agentState));
        }

        return Table(layout, s => s == agentState ? "x" : layout.Letter(s).ToString());
    }

    /// <summary>V(s) in grid form, each value with <paramref name="decimals"/> decimals (invariant culture).</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> has the wrong length or a non-finite entry.</exception>
    public static string Values(GridLayout layout, ReadOnlySpan<double> values, int decimals = 2)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Guard.SameLength(layout.CellCount, values.Length, nameof(values), "layout cells");
        Guard.AllFinite(values);
        Guard.AtLeast(decimals, 0);
        var text = new string[values.Length];
        for (int s = 0; s < text.Length; s++)
        {
            text[s] = values[s].ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        return Table(layout, s => text[s]);
    }

    /// <summary>The deterministic policy π(s) as action glyphs; cells whose letter is marked (terminals, cliff) show the letter.</summary>
    /// <exception cref="ArgumentException"><paramref name="policy"/> has the wrong length or an action outside the layout's actions.</exception>
    public static string Policy(GridLayout layout, ReadOnlySpan<int> policy)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Guard.SameLength(layout.CellCount, policy.Length, nameof(policy), "layout cells");
        int[] actions = policy.ToArray();
        for (int s = 0; s < actions.Length; s++)
        {
            if ((uint)actions[s] >= (uint)layout.ActionSymbols.Count && !IsMarked(layout, s))
            {
                throw new ArgumentException(
                    $"policy[{s}] must lie in [0, {layout.ActionSymbols.Count - 1}] but was {actions[s]}.", nameof(policy));
            }
        }

        return Table(layout, s => IsMarked(layout, s) ? layout.Letter(s).ToString() : layout.ActionSymbols[actions[s]]);
    }

    /// <summary>
    /// The greedy policy w.r.t. V drawn as arrows: π(s) = argmaxₐ Σ P(s′|s,a)[r + γ V(s′)], with V(s′) = 0 for terminal s′
    /// (lowest action on ties, within 1e-12).
    /// </summary>
    public static string GreedyPolicy(GridLayout layout, TabularMdp model, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(model);
        Guard.SameLength(model.StateCount, values.Length, nameof(values), "model states");
        Guard.AllFinite(values);
        var policy = new int[model.StateCount];
        for (int s = 0; s < policy.Length; s++)
        {
            double best = double.NegativeInfinity;
            for (int a = 0; a < model.ActionCount; a++)
            {
                ReadOnlySpan<int> next = model.NextStates(s, a);
                ReadOnlySpan<double> p = model.Probabilities(s, a), r = model.Rewards(s, a);
                double q = 0.0;
                for (int i = 0; i < next.Length; i++)
                {
                    q += p[i] * (r[i] + (model.IsTerminal(next[i]) ? 0.0 : model.Gamma * values[next[i]]));
                }

                if (q > best + 1e-12)
                {
                    best = q;
                    policy[s] = a;
                }
            }
        }

        return Policy(layout, policy);
    }

    private static bool IsMarked(GridLayout layout, int state) =>
        layout.MarkedLetters.Contains(layout.Letter(state), StringComparison.Ordinal);

    private static string Table(GridLayout layout, Func<int, string> cell)
    {
        int width = 1;
        for (int s = 0; s < layout.CellCount; s++)
        {
            width = Math.Max(width, cell(s).Length);
        }

        var text = new StringBuilder();
        for (int row = 0; row < layout.Rows; row++)
        {
            for (int col = 0; col < layout.Columns; col++)
            {
                if (col > 0)
                {
                    text.Append(' ');
                }

                text.Append(cell(row * layout.Columns + col).PadLeft(width));
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
