using RlNotebooks.Bellman;
using RlNotebooks.Validation;

namespace RlNotebooks.Environments;

/// <summary>
/// The random walk of Sutton &amp; Barto Example 6.2 (p. 125; 19 states in Example 7.1): non-terminal states 1…n
/// (A…E for n = 5) between terminal states 0 (left) and n + 1 (right); every episode starts in the centre
/// (C = 3 for n = 5). A single action (a Markov reward process): move left or right with probability 1/2 each
/// (listed left first); entering the left terminal gives <c>leftReward</c>, entering the right terminal
/// <c>rightReward</c>, every other transition 0. Undiscounted (γ = 1).
/// </summary>
public static class RandomWalk
{
    /// <summary>The exact model with n non-terminal states (n odd ≥ 1).</summary>
    /// <exception cref="ArgumentException">n is even or &lt; 1, or a reward is not finite.</exception>
    public static TabularMdp Model(int nonTerminalStates = 5, double leftReward = 0.0, double rightReward = 1.0, double gamma = 1.0)
    {
        Validate(nonTerminalStates, leftReward, rightReward);
        int count = nonTerminalStates + 2, right = count - 1;
        var outcomes = new Outcome[count][];
        for (int s = 0; s < count; s++)
        {
            outcomes[s] = s == 0 || s == right
                ? GridMoves.Absorbing(s)
                : [new Outcome(s - 1, 0.5, s - 1 == 0 ? leftReward : 0.0), new Outcome(s + 1, 0.5, s + 1 == right ? rightReward : 0.0)];
        }

        return new TabularMdp(count, 1, outcomes, gamma, [0, right]);
    }

    /// <summary>The random-walk environment; s₀ = the centre state (n + 1) / 2.</summary>
    public static TabularEnvironment Create(int nonTerminalStates = 5, double leftReward = 0.0, double rightReward = 1.0,
        int? maxEpisodeSteps = null)
    {
        TabularMdp model = Model(nonTerminalStates, leftReward, rightReward);
        var mu = new double[model.StateCount];
        mu[(nonTerminalStates + 1) / 2] = 1.0;
        string cells = nonTerminalStates <= 26
            ? "T" + new string([.. Enumerable.Range(0, nonTerminalStates).Select(i => (char)('A' + i))]) + "T"
            : "T" + new string('.', nonTerminalStates) + "T";
        return new TabularEnvironment($"Random walk ({nonTerminalStates} states)", model, mu, maxEpisodeSteps,
            new GridLayout([cells], ["•"], "T"));
    }

    /// <summary>
    /// The true values v(i) = L + (R − L)·i/(n + 1) for i = 1…n (the probability of exiting right is i/(n + 1)),
    /// and 0 at both terminals; for n = 5, L = 0, R = 1: 1/6, 2/6, …, 5/6.
    /// </summary>
    public static double[] TrueValues(int nonTerminalStates = 5, double leftReward = 0.0, double rightReward = 1.0)
    {
        Validate(nonTerminalStates, leftReward, rightReward);
        var v = new double[nonTerminalStates + 2];
        for (int i = 1; i <= nonTerminalStates; i++)
        {
            v[i] = leftReward + (rightReward - leftReward) * i / (nonTerminalStates + 1);
        }

        return v;
    }

    private static void Validate(int nonTerminalStates, double leftReward, double rightReward)
    {
        Guard.AtLeast(nonTerminalStates, 1, nameof(nonTerminalStates));
        if (nonTerminalStates % 2 == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nonTerminalStates), nonTerminalStates,
                $"nonTerminalStates must be odd so the walk starts in the centre, but was {nonTerminalStates}.");
        }

        Guard.Finite(leftReward);
        Guard.Finite(rightReward);
    }
}
