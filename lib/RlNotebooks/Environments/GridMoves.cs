using RlNotebooks.Bellman;

namespace RlNotebooks.Environments;

/// <summary>Row-major grid arithmetic shared by the grid environments: moves that stop at the border.</summary>
internal static class GridMoves
{
    /// <summary>Action order UP, RIGHT, DOWN, LEFT as (Δrow, Δcol): Gymnasium CliffWalking's order, used by the Sutton–Barto grids.</summary>
    public static readonly (int Row, int Col)[] Compass = [(-1, 0), (0, 1), (1, 0), (0, -1)];

    /// <summary>Glyphs for <see cref="Compass"/>.</summary>
    public static readonly string[] CompassSymbols = ["↑", "→", "↓", "←"];

    /// <summary>The state reached from (row, col) by (Δrow, Δcol), each coordinate clamped to the grid.</summary>
    public static int Clamped(int row, int col, int dRow, int dCol, int rows, int cols) =>
        Math.Clamp(row + dRow, 0, rows - 1) * cols + Math.Clamp(col + dCol, 0, cols - 1);

    /// <summary>True when (row + Δrow, col + Δcol) lies on the grid.</summary>
    public static bool Inside(int row, int col, int dRow, int dCol, int rows, int cols) =>
        (uint)(row + dRow) < (uint)rows && (uint)(col + dCol) < (uint)cols;

    /// <summary>A row for a terminal state: stay with probability 1 and reward 0 (never used by backups).</summary>
    public static Outcome[] Absorbing(int state) => [new Outcome(state, 1.0, 0.0)];

    /// <summary>The uniform distribution over the states for which <paramref name="include"/> holds.</summary>
    public static double[] UniformOver(int stateCount, Func<int, bool> include)
    {
        var mu = new double[stateCount];
        int count = 0;
        for (int s = 0; s < stateCount; s++)
        {
            if (include(s))
            {
                count++;
            }
        }

        for (int s = 0; s < stateCount; s++)
        {
            mu[s] = include(s) ? 1.0 / count : 0.0;
        }

        return mu;
    }
}
