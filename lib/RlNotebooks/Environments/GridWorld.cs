using RlNotebooks.Bellman;

namespace RlNotebooks.Environments;

/// <summary>
/// The gridworlds of Sutton &amp; Barto (2nd ed.). Actions UP = 0, RIGHT = 1, DOWN = 2, LEFT = 3 (deterministic);
/// state s = row·columns + col.
/// </summary>
public static class GridWorld
{
    /// <summary>Move up.</summary>
    public const int Up = 0;

    /// <summary>Move right.</summary>
    public const int Right = 1;

    /// <summary>Move down.</summary>
    public const int Down = 2;

    /// <summary>Move left.</summary>
    public const int Left = 3;

    /// <summary>Example 4.1's map: T terminal corners.</summary>
    public static IReadOnlyList<string> Example41Map { get; } = ["T...", "....", "....", "...T"];

    /// <summary>Example 3.5's map: A → a (A′), B → b (B′).</summary>
    public static IReadOnlyList<string> Example35Map { get; } = [".A.B.", ".....", "...b.", ".....", ".a..."];

    /// <summary>
    /// Example 4.1 (p. 76): 4×4, terminal states 0 and 15 (the shaded corners), r = −1 on every transition,
    /// moves off the grid leave the state unchanged, undiscounted (γ = 1). s₀ uniform over the 14 non-terminal states.
    /// Under the equiprobable random policy v_π(1) = −14, v_π(2) = −20, v_π(3) = −22 (Figure 4.1).
    /// </summary>
    public static TabularEnvironment Example41(int? maxEpisodeSteps = null, double gamma = 1.0)
    {
        const int n = 4;
        var outcomes = new Outcome[n * n * 4][];
        for (int s = 0; s < n * n; s++)
        {
            for (int a = 0; a < 4; a++)
            {
                (int dRow, int dCol) = GridMoves.Compass[a];
                outcomes[s * 4 + a] = s is 0 or n * n - 1
                    ? GridMoves.Absorbing(s)
                    : [new Outcome(GridMoves.Clamped(s / n, s % n, dRow, dCol, n, n), 1.0, -1.0)];
            }
        }

        var model = new TabularMdp(n * n, 4, outcomes, gamma, [0, n * n - 1]);
        double[] mu = GridMoves.UniformOver(n * n, s => s is not (0 or n * n - 1));
        return new TabularEnvironment("Gridworld (Sutton & Barto Example 4.1)", model, mu, maxEpisodeSteps,
            new GridLayout(Example41Map, GridMoves.CompassSymbols, "T"));
    }

    /// <summary>
    /// Example 3.5 (p. 60): 5×5 continuing task, γ = 0.9. From A = (0, 1) every action gives +10 and moves to
    /// A′ = (4, 1); from B = (0, 3) every action gives +5 and moves to B′ = (2, 3); a move off the grid gives −1 and
    /// leaves the state unchanged; every other move gives 0. No terminal states; s₀ uniform over the 25 cells.
    /// Under the equiprobable random policy v_π(A) ≈ 8.8 and v_π(B) ≈ 5.3 (Figure 3.2).
    /// </summary>
    public static TabularEnvironment Example35(int? maxEpisodeSteps = null, double gamma = 0.9)
    {
        const int n = 5, a = 1, aPrime = 4 * n + 1, b = 3, bPrime = 2 * n + 3;
        var outcomes = new Outcome[n * n * 4][];
        for (int s = 0; s < n * n; s++)
        {
            int row = s / n, col = s % n;
            for (int action = 0; action < 4; action++)
            {
                (int dRow, int dCol) = GridMoves.Compass[action];
                outcomes[s * 4 + action] = s switch
                {
                    a => [new Outcome(aPrime, 1.0, 10.0)],
                    b => [new Outcome(bPrime, 1.0, 5.0)],
                    _ when !GridMoves.Inside(row, col, dRow, dCol, n, n) => [new Outcome(s, 1.0, -1.0)],
                    _ => [new Outcome((row + dRow) * n + col + dCol, 1.0, 0.0)],
                };
            }
        }

        var model = new TabularMdp(n * n, 4, outcomes, gamma);
        double[] mu = GridMoves.UniformOver(n * n, _ => true);
        return new TabularEnvironment("Gridworld (Sutton & Barto Example 3.5)", model, mu, maxEpisodeSteps,
            new GridLayout(Example35Map, GridMoves.CompassSymbols, ""));
    }
}
