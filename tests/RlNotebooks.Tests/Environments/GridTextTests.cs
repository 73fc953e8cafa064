using RlNotebooks.Environments;

namespace RlNotebooks.Tests.Environments;

public class GridTextTests
{
    [Fact]
    public void Map_draws_letters_and_the_agent()
    {
        GridLayout layout = FrozenLake.Create().Layout!;
        Assert.Equal("S F F F\nF H F H\nF F F H\nH F F G\n", GridText.Map(layout));
        Assert.Equal("S F F F\nF x F H\nF F F H\nH F F G\n", GridText.Map(layout, agentState: 5));
    }

    [Fact]
    public void Values_are_right_aligned_with_fixed_decimals()
    {
        GridLayout layout = GridWorld.Example41().Layout!;
        double[] v = [0, -14, -20, -22, -14, -18, -20, -20, -20, -20, -18, -14, -22, -20, -14, 0];
        Assert.Equal(
            "  0.0 -14.0 -20.0 -22.0\n" +
            "-14.0 -18.0 -20.0 -20.0\n" +
            "-20.0 -20.0 -18.0 -14.0\n" +
            "-22.0 -20.0 -14.0   0.0\n",
            GridText.Values(layout, v, decimals: 1));
    }

    [Fact]
    public void Policy_draws_arrows_and_marks_terminal_cells()
    {
        GridLayout layout = FrozenLake.Create().Layout!;
        int[] policy = [0, 3, 3, 3, 0, 0, 0, 0, 3, 1, 0, 0, 0, 2, 1, 0];
        Assert.Equal("← ↑ ↑ ↑\n← H ← H\n↑ ↓ ← H\nH → ↓ G\n", GridText.Policy(layout, policy));
    }

    [Fact]
    public void Greedy_policy_of_the_random_policy_values_is_figure_4_1()
    {
        // Sutton & Barto Figure 4.1, k = ∞: greedy w.r.t. v_random (ties broken toward UP, RIGHT, DOWN, LEFT in that order).
        TabularEnvironment env = GridWorld.Example41();
        double[] v = [0, -14, -20, -22, -14, -18, -20, -20, -20, -20, -18, -14, -22, -20, -14, 0];
        Assert.Equal("T ← ← ↓\n↑ ↑ ↓ ↓\n↑ ↑ → ↓\n↑ → → T\n", GridText.GreedyPolicy(env.Layout!, env.Model, v));
    }

    [Fact]
    public void Cliff_policy_marks_cliff_and_goal()
    {
        TabularEnvironment env = CliffWalking.Create();
        var policy = new int[48];
        Array.Fill(policy, CliffWalking.Right);
        policy[36] = CliffWalking.Up;
        string text = GridText.Policy(env.Layout!, policy);
        Assert.EndsWith("↑ C C C C C C C C C C G\n", text);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        GridLayout layout = FrozenLake.Create().Layout!;
        var length = Assert.ThrowsAny<ArgumentException>(() => GridText.Values(layout, new double[3]));
        Assert.Equal("values", length.ParamName);
        var action = Assert.ThrowsAny<ArgumentException>(() => GridText.Policy(layout, new int[] { 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0 }));
        Assert.Equal("policy", action.ParamName);
        Assert.Contains("policy[6]", action.Message);
        var nan = Assert.ThrowsAny<ArgumentException>(() => GridText.Values(layout, Enumerable.Repeat(double.NaN, 16).ToArray()));
        Assert.Contains("values[0]", nan.Message);
    }
}
