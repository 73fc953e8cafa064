using RlNotebooks.Bellman;
using RlNotebooks.Validation;

namespace RlNotebooks.Environments;

/// <summary>
/// Gymnasium's FrozenLake-v1 (gymnasium/envs/toy_text/frozen_lake.py): S start, F frozen, H hole, G goal.
/// <para>
/// Actions LEFT = 0, DOWN = 1, RIGHT = 2, UP = 3; a move into the border leaves the agent in place.
/// Slippery: action a moves in directions (a−1) mod 4, a, (a+1) mod 4, each with probability 1/3, listed in that order
/// (so a wall can produce duplicate entries, exactly like <c>env.P[s][a]</c>). Reward 1 when s′ is G, else 0;
/// s′ ∈ {H, G} terminates. Rows of H and G are [(1, s, 0)]. s₀ is uniform over the S cells.
/// Registered time limits: 100 steps (4x4, FrozenLake-v1) and 200 steps (8x8, FrozenLake8x8-v1).
/// </para>
/// </summary>
public static class FrozenLake
{
    /// <summary>Move left (column − 1).</summary>
    public const int Left = 0;

    /// <summary>Move down (row + 1).</summary>
    public const int Down = 1;

    /// <summary>Move right (column + 1).</summary>
    public const int Right = 2;

    /// <summary>Move up (row − 1).</summary>
    public const int Up = 3;

    /// <summary>The letters a map may contain.</summary>
    public const string Letters = "SFHG";

    private static readonly (int Row, int Col)[] Directions = [(0, -1), (1, 0), (0, 1), (-1, 0)];

    /// <summary>Gymnasium's "4x4" map.</summary>
    public static IReadOnlyList<string> Map4x4 { get; } = ["SFFF", "FHFH", "FFFH", "HFFG"];

    /// <summary>Gymnasium's "8x8" map.</summary>
    public static IReadOnlyList<string> Map8x8 { get; } =
        ["SFFFFFFF", "FFFFFFFF", "FFFHFFFF", "FFFFFHFF", "FFFHFFFF", "FHHFFFHF", "FHFFHFHF", "FFFHFFFG"];

    /// <summary>
    /// The exact model of FrozenLake on <paramref name="map"/> (outcome lists identical to Gymnasium's <c>env.P</c>).
    /// </summary>
    /// <param name="map">Rectangular rows over "SFHG" with at least one S.</param>
    /// <param name="isSlippery">Gymnasium's <c>is_slippery</c> (default true).</param>
    /// <param name="gamma">Discount γ (Gymnasium defines none; 0.99 is the usual choice for this task).</param>
    /// <exception cref="ArgumentException">The map is empty, not rectangular, has other letters or no S.</exception>
    public static TabularMdp Model(IReadOnlyList<string> map, bool isSlippery = true, double gamma = 0.99)
    {
        Validate(map);
        int rows = map.Count, cols = map[0].Length;
        var outcomes = new Outcome[rows * cols * 4][];
        var terminal = new List<int>();
        for (int s = 0; s < rows * cols; s++)
        {
            int row = s / cols, col = s % cols;
            bool isTerminal = map[row][col] is 'H' or 'G';
            if (isTerminal)
            {
                terminal.Add(s);
            }

            for (int a = 0; a < 4; a++)
            {
                outcomes[s * 4 + a] = isTerminal ? GridMoves.Absorbing(s)
                    : isSlippery ? [Slide(map, row, col, (a + 3) % 4, 1.0 / 3.0), Slide(map, row, col, a, 1.0 / 3.0), Slide(map, row, col, (a + 1) % 4, 1.0 / 3.0)]
                    : [Slide(map, row, col, a, 1.0)];
            }
        }

        return new TabularMdp(rows * cols, 4, outcomes, gamma, terminal);
    }

    /// <summary>
    /// FrozenLake-v1 on <paramref name="map"/> (default: <see cref="Map4x4"/>) with the registered 100-step time limit.
    /// </summary>
    public static TabularEnvironment Create(IReadOnlyList<string>? map = null, bool isSlippery = true, int? maxEpisodeSteps = 100,
        double gamma = 0.99)
    {
        map ??= Map4x4;
        TabularMdp model = Model(map, isSlippery, gamma);
        double[] mu = GridMoves.UniformOver(model.StateCount, s => map[s / map[0].Length][s % map[0].Length] == 'S');
        var layout = new GridLayout(map, ["←", "↓", "→", "↑"], "HG");
        string name = $"FrozenLake-v1 ({map.Count}x{map[0].Length}{(isSlippery ? "" : ", not slippery")})";
        return new TabularEnvironment(name, model, mu, maxEpisodeSteps, layout);
    }

    /// <summary>FrozenLake8x8-v1: <see cref="Map8x8"/> with the registered 200-step time limit.</summary>
    public static TabularEnvironment Create8x8(bool isSlippery = true, double gamma = 0.99) =>
        Create(Map8x8, isSlippery, 200, gamma);

    private static Outcome Slide(IReadOnlyList<string> map, int row, int col, int direction, double probability)
    {
        int cols = map[0].Length;
        (int dRow, int dCol) = Directions[direction];
        int next = GridMoves.Clamped(row, col, dRow, dCol, map.Count, cols);
        return new Outcome(next, probability, map[next / cols][next % cols] == 'G' ? 1.0 : 0.0);
    }

    private static void Validate(IReadOnlyList<string> map)
    {
        GridLayout.CheckMap(map, Letters, nameof(map));
        foreach (string line in map)
        {
            if (line.Contains('S', StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new ArgumentException("map must contain at least one start cell 'S'.", nameof(map));
    }
}
