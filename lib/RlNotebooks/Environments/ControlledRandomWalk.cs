using RlNotebooks.Bellman;

namespace RlNotebooks.Environments;

/// <summary>
/// The random walk of Sutton &amp; Barto Example 6.2 with the direction chosen by the agent: non-terminal states 1…n between
/// terminal states 0 and n + 1, s₀ = the centre; action <see cref="Left"/> moves to s − 1 and <see cref="Right"/> to s + 1
/// deterministically; entering the left terminal gives <c>leftReward</c>, the right terminal <c>rightReward</c>, every other
/// move 0. Under the uniform policy π(Left|s) = π(Right|s) = ½ this is exactly <see cref="RandomWalk"/>, which makes it a
/// small setting for off-policy prediction (behaviour b uniform, some other target π; v_π solvable exactly from the model).
/// </summary>
public static class ControlledRandomWalk
{
    /// <summary>Move to s − 1.</summary>
    public const int Left = 0;

    /// <summary>Move to s + 1.</summary>
    public const int Right = 1;

    /// <summary>The exact model with n non-terminal states (n odd ≥ 1) and two actions.</summary>
    /// <exception cref="ArgumentException">n is even or &lt; 1, a reward is not finite, or γ ∉ [0, 1].</exception>
    public static TabularMdp Model(int nonTerminalStates = 5, double leftReward = 0.0, double rightReward = 1.0, double gamma = 1.0)
    {
        TabularMdp walk = RandomWalk.Model(nonTerminalStates, leftReward, rightReward, gamma);
        int count = walk.StateCount;
        var outcomes = new Outcome[count * 2][];
        for (int s = 0; s < count; s++)
        {
            IReadOnlyList<Outcome> both = walk.Outcomes(s, 0);
            outcomes[s * 2 + Left] = walk.IsTerminal(s) ? GridMoves.Absorbing(s) : [both[0] with { Probability = 1.0 }];
            outcomes[s * 2 + Right] = walk.IsTerminal(s) ? GridMoves.Absorbing(s) : [both[1] with { Probability = 1.0 }];
        }

        return new TabularMdp(count, 2, outcomes, gamma, [0, count - 1]);
    }

    /// <summary>The environment; s₀ = the centre state (n + 1) / 2, drawn like <see cref="RandomWalk.Create"/>.</summary>
    public static TabularEnvironment Create(int nonTerminalStates = 5, double leftReward = 0.0, double rightReward = 1.0,
        int? maxEpisodeSteps = null)
    {
        TabularEnvironment walk = RandomWalk.Create(nonTerminalStates, leftReward, rightReward);
        GridLayout layout = new(walk.Layout!.Map, ["←", "→"], "T");
        return new TabularEnvironment($"Controlled random walk ({nonTerminalStates} states)",
            Model(nonTerminalStates, leftReward, rightReward), walk.InitialDistribution, maxEpisodeSteps, layout);
    }
}
