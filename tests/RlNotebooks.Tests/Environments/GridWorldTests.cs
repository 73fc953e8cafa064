using RlNotebooks.Bellman;
using RlNotebooks.Environments;

namespace RlNotebooks.Tests.Environments;

public class GridWorldTests
{
    private static double Random4(int s, int a) => 0.25;

    [Fact]
    public void Example41_moves_cost_one_and_corners_terminate()
    {
        TabularMdp mdp = GridWorld.Example41().Model;
        Assert.Equal(1.0, mdp.Gamma);
        ModelAssert.Row(mdp, 1, GridWorld.Left, (1.0, 0, -1, true));
        ModelAssert.Row(mdp, 1, GridWorld.Up, (1.0, 1, -1, false));   // off the grid: stay, still −1
        ModelAssert.Row(mdp, 5, GridWorld.Down, (1.0, 9, -1, false));
        ModelAssert.Row(mdp, 14, GridWorld.Right, (1.0, 15, -1, true));
        Assert.Equal([0, 15], Enumerable.Range(0, 16).Where(mdp.IsTerminal));
    }

    [Fact]
    public void Example41_random_policy_values_match_figure_4_1()
    {
        // Sutton & Barto (2018), Figure 4.1, k = ∞.
        double[] expected = [0, -14, -20, -22, -14, -18, -20, -20, -20, -20, -18, -14, -22, -20, -14, 0];
        double[] v = ModelAssert.PolicyValues(GridWorld.Example41().Model, Random4);
        for (int s = 0; s < 16; s++)
        {
            Assert.Equal(expected[s], v[s], 9);
        }
    }

    [Fact]
    public void Example41_starts_only_in_non_terminal_states()
    {
        TabularEnvironment env = GridWorld.Example41();
        var seen = new HashSet<int> { env.Reset(seed: 7) };
        for (int i = 0; i < 500; i++)
        {
            seen.Add(env.Reset());
        }

        Assert.Equal(Enumerable.Range(1, 14), seen.Order());
    }

    [Fact]
    public void Example35_special_cells_and_walls()
    {
        TabularMdp mdp = GridWorld.Example35().Model;
        Assert.Equal(0.9, mdp.Gamma);
        for (int a = 0; a < 4; a++)
        {
            ModelAssert.Row(mdp, 1, a, (1.0, 21, 10, false)); // A (0,1) → A′ (4,1)
            ModelAssert.Row(mdp, 3, a, (1.0, 13, 5, false));  // B (0,3) → B′ (2,3)
        }

        ModelAssert.Row(mdp, 0, GridWorld.Up, (1.0, 0, -1, false));
        ModelAssert.Row(mdp, 0, GridWorld.Left, (1.0, 0, -1, false));
        ModelAssert.Row(mdp, 6, GridWorld.Right, (1.0, 7, 0, false));
        ModelAssert.Row(mdp, 24, GridWorld.Down, (1.0, 24, -1, false));
        Assert.DoesNotContain(true, mdp.TerminalStates.ToArray());
    }

    [Fact]
    public void Example35_random_policy_values_match_figure_3_2()
    {
        // Sutton & Barto (2018), Figure 3.2 (right), values printed to one decimal.
        double[] expected =
        [
            3.3, 8.8, 4.4, 5.3, 1.5,
            1.5, 3.0, 2.3, 1.9, 0.5,
            0.1, 0.7, 0.7, 0.4, -0.4,
            -1.0, -0.4, -0.4, -0.6, -1.2,
            -1.9, -1.3, -1.2, -1.4, -2.0,
        ];
        double[] v = ModelAssert.PolicyValues(GridWorld.Example35().Model, Random4);
        for (int s = 0; s < 25; s++)
        {
            Assert.True(Math.Abs(expected[s] - v[s]) <= 0.05 + 1e-12, $"state {s}: {v[s]} vs {expected[s]}");
        }
    }
}
