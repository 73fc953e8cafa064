using RlNotebooks.Bellman;

namespace RlNotebooks.Environments;

/// <summary>The action sets of the windy gridworld (Sutton &amp; Barto Example 6.5 and Exercise 6.9).</summary>
public enum WindyMoves
{
    /// <summary>UP, RIGHT, DOWN, LEFT (actions 0–3).</summary>
    Standard = 4,

    /// <summary>King's moves: the four above, then UP-RIGHT, DOWN-RIGHT, DOWN-LEFT, UP-LEFT (actions 4–7).</summary>
    KingsMoves = 8,

    /// <summary>King's moves plus STAY (action 8), moved by the wind only.</summary>
    KingsMovesAndStay = 9,
}

/// <summary>
/// Sutton &amp; Barto Example 6.5 (p. 130): a 7×10 grid, start (3, 0), goal (3, 7), r = −1 on every step, γ = 1.
/// The wind of the CURRENT column (strengths 0 0 0 1 1 1 2 2 1 0) shifts the result of the move upward;
/// rows and columns are then clamped to the grid. Reaching the goal terminates.
/// Stochastic wind (Exercise 6.10): in a column with wind w &gt; 0 the shift is w, w + 1 or w − 1 with probability 1/3 each
/// (listed in that order). No time limit unless one is given.
/// </summary>
public static class WindyGridWorld
{
    /// <summary>Grid rows.</summary>
    public const int Rows = 7;

    /// <summary>Grid columns.</summary>
    public const int Columns = 10;

    /// <summary>The start state 3·10 + 0.</summary>
    public const int StartState = 30;

    /// <summary>The goal state 3·10 + 7 (terminal).</summary>
    public const int GoalState = 37;

    private static readonly (int Row, int Col)[] Deltas =
        [(-1, 0), (0, 1), (1, 0), (0, -1), (-1, 1), (1, 1), (1, -1), (-1, -1), (0, 0)];

    private static readonly string[] Symbols = ["↑", "→", "↓", "←", "↗", "↘", "↙", "↖", "·"];

    /// <summary>Upward wind strength of each column.</summary>
    public static IReadOnlyList<int> Wind { get; } = [0, 0, 0, 1, 1, 1, 2, 2, 1, 0];

    /// <summary>The drawing: S start, G goal, '.' open.</summary>
    public static IReadOnlyList<string> Map { get; } =
        ["..........", "..........", "..........", "S......G..", "..........", "..........", ".........."];

    /// <summary>The exact model for the given action set and wind.</summary>
    public static TabularMdp Model(WindyMoves moves = WindyMoves.Standard, bool stochasticWind = false, double gamma = 1.0)
    {
        int actions = ActionCount(moves);
        var outcomes = new Outcome[Rows * Columns * actions][];
        for (int s = 0; s < Rows * Columns; s++)
        {
            int row = s / Columns, col = s % Columns, wind = Wind[col];
            for (int a = 0; a < actions; a++)
            {
                (int dRow, int dCol) = Deltas[a];
                outcomes[s * actions + a] = s == GoalState ? GridMoves.Absorbing(s)
                    : stochasticWind && wind > 0
                        ? [Blown(row, col, dRow - wind, dCol, 1.0 / 3.0), Blown(row, col, dRow - wind - 1, dCol, 1.0 / 3.0),
                            Blown(row, col, dRow - wind + 1, dCol, 1.0 / 3.0)]
                        : [Blown(row, col, dRow - wind, dCol, 1.0)];
            }
        }

        return new TabularMdp(Rows * Columns, actions, outcomes, gamma, [GoalState]);
    }

    /// <summary>The windy gridworld environment, s₀ = (3, 0).</summary>
    public static TabularEnvironment Create(WindyMoves moves = WindyMoves.Standard, bool stochasticWind = false,
        int? maxEpisodeSteps = null, double gamma = 1.0)
    {
        var mu = new double[Rows * Columns];
        mu[StartState] = 1.0;
        var layout = new GridLayout(Map, Symbols[..ActionCount(moves)], "G");
        return new TabularEnvironment($"Windy gridworld ({moves}{(stochasticWind ? ", stochastic wind" : "")})",
            Model(moves, stochasticWind, gamma), mu, maxEpisodeSteps, layout);
    }

    private static int ActionCount(WindyMoves moves) => moves switch
    {
        WindyMoves.Standard or WindyMoves.KingsMoves or WindyMoves.KingsMovesAndStay => (int)moves,
        _ => throw new ArgumentOutOfRangeException(nameof(moves), moves, $"moves must be a defined WindyMoves value but was {moves}."),
    };

    private static Outcome Blown(int row, int col, int dRow, int dCol, double probability) =>
        new(GridMoves.Clamped(row, col, dRow, dCol, Rows, Columns), probability, -1.0);
}
