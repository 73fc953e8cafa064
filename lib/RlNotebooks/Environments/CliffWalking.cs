using RlNotebooks.Bellman;

namespace RlNotebooks.Environments;

/// <summary>
/// Gymnasium's CliffWalking-v1 (gymnasium/envs/toy_text/cliffwalking.py as of Farama-Foundation/Gymnasium commit 42d708dd, a version with
/// v1's <c>is_slippery</c>; Sutton &amp; Barto Example 6.6):
/// a 4×12 grid, start (3, 0) = state 36, goal (3, 11) = state 47, cliff (3, 1…10).
/// <para>
/// Actions UP = 0, RIGHT = 1, DOWN = 2, LEFT = 3; moves stop at the border. Every step gives −1, except that a move
/// into the cliff gives −100 and puts the agent back at the start WITHOUT terminating (s′ = 36; v0 behaved the same). Reaching the goal
/// terminates. Slippery (v1's <c>is_slippery</c>, off by default): directions (a−1) mod 4, a, (a+1) mod 4 with
/// probability 1/3 each, listed in that order. All 48 cells are states, as in Gymnasium (cliff cells are never
/// occupied); their rows, and the goal's, are computed by the same rule. No time limit is registered.
/// </para>
/// </summary>
public static class CliffWalking
{
    /// <summary>Move up.</summary>
    public const int Up = 0;

    /// <summary>Move right.</summary>
    public const int Right = 1;

    /// <summary>Move down.</summary>
    public const int Down = 2;

    /// <summary>Move left.</summary>
    public const int Left = 3;

    /// <summary>Grid rows.</summary>
    public const int Rows = 4;

    /// <summary>Grid columns.</summary>
    public const int Columns = 12;

    /// <summary>The start state 3·12 + 0.</summary>
    public const int StartState = 36;

    /// <summary>The goal state 3·12 + 11 (terminal).</summary>
    public const int GoalState = 47;

    /// <summary>The drawing: S start, C cliff, G goal, '.' open.</summary>
    public static IReadOnlyList<string> Map { get; } =
        ["............", "............", "............", "SCCCCCCCCCCG"];

    /// <summary>True for the cliff cells (3, 1…10).</summary>
    public static bool IsCliff(int state) => state > StartState && state < GoalState;

    /// <summary>The exact model, outcome lists identical to Gymnasium's <c>env.P</c> (γ = 1 as in the book by default).</summary>
    public static TabularMdp Model(bool isSlippery = false, double gamma = 1.0)
    {
        var outcomes = new Outcome[Rows * Columns * 4][];
        for (int s = 0; s < Rows * Columns; s++)
        {
            for (int a = 0; a < 4; a++)
            {
                outcomes[s * 4 + a] = isSlippery
                    ? [Move(s, (a + 3) % 4, 1.0 / 3.0), Move(s, a, 1.0 / 3.0), Move(s, (a + 1) % 4, 1.0 / 3.0)]
                    : [Move(s, a, 1.0)];
            }
        }

        return new TabularMdp(Rows * Columns, 4, outcomes, gamma, [GoalState]);
    }

    /// <summary>CliffWalking-v1: s₀ = 36 always, no time limit unless <paramref name="maxEpisodeSteps"/> is given.</summary>
    public static TabularEnvironment Create(bool isSlippery = false, int? maxEpisodeSteps = null, double gamma = 1.0)
    {
        var mu = new double[Rows * Columns];
        mu[StartState] = 1.0;
        var layout = new GridLayout(Map, GridMoves.CompassSymbols, "CG");
        return new TabularEnvironment(isSlippery ? "CliffWalking-v1 (slippery)" : "CliffWalking-v1", Model(isSlippery, gamma), mu,
            maxEpisodeSteps, layout);
    }

    private static Outcome Move(int state, int direction, double probability)
    {
        (int dRow, int dCol) = GridMoves.Compass[direction];
        int next = GridMoves.Clamped(state / Columns, state % Columns, dRow, dCol, Rows, Columns);
        return IsCliff(next) ? new Outcome(StartState, probability, -100.0) : new Outcome(next, probability, -1.0);
    }
}
