using RlNotebooks.Bellman;
using RlNotebooks.Environments;

namespace RlNotebooks.Tests.Environments;

// Expected rows are written by hand from Gymnasium's gymnasium/envs/toy_text/frozen_lake.py (FrozenLake-v1,
// Farama-Foundation/Gymnasium commit 04b863db; registration in gymnasium/envs/__init__.py: 4x4 max_episode_steps=100, 8x8 200): for a non-terminal cell and action a it appends, for
// b in [(a - 1) % 4, a, (a + 1) % 4], (1/3, s', float(letter == 'G'), letter in 'GH'), moves clamped by inc();
// rows of H and G cells are [(1.0, s, 0, True)].
public class FrozenLakeTests
{
    private const double Third = 1.0 / 3.0;

    [Fact]
    public void Slippery_state_0_left_lists_the_wall_twice_like_gymnasium()
    {
        // a = LEFT(0): b = UP(3) → (0,0) stays 0; LEFT(0) → stays 0; DOWN(1) → (1,0) = 4.
        ModelAssert.Row(FrozenLake.Model(FrozenLake.Map4x4), 0, FrozenLake.Left,
            (Third, 0, 0, false), (Third, 0, 0, false), (Third, 4, 0, false));
    }

    [Fact]
    public void Slippery_state_14_right_can_reach_the_goal()
    {
        // s = 14 = (3,2), a = RIGHT(2): b = DOWN(1) → clamped, stays 14; RIGHT(2) → 15 = G (reward 1, terminal); UP(3) → 10.
        ModelAssert.Row(FrozenLake.Model(FrozenLake.Map4x4), 14, FrozenLake.Right,
            (Third, 14, 0, false), (Third, 15, 1.0, true), (Third, 10, 0, false));
    }

    [Fact]
    public void Slippery_state_6_up_can_fall_in_either_hole()
    {
        // s = 6 = (1,2), a = UP(3): b = RIGHT(2) → 7 = H; UP(3) → 2; LEFT(0) → 5 = H.
        ModelAssert.Row(FrozenLake.Model(FrozenLake.Map4x4), 6, FrozenLake.Up,
            (Third, 7, 0, true), (Third, 2, 0, false), (Third, 5, 0, true));
    }

    [Fact]
    public void Every_slippery_row_has_three_entries_summing_to_one_and_terminal_rows_one()
    {
        TabularMdp mdp = FrozenLake.Model(FrozenLake.Map4x4);
        int[] terminal = [5, 7, 11, 12, 15];
        for (int s = 0; s < 16; s++)
        {
            Assert.Equal(terminal.Contains(s), mdp.IsTerminal(s));
            for (int a = 0; a < 4; a++)
            {
                Assert.Equal(terminal.Contains(s) ? 1 : 3, mdp.NextStates(s, a).Length);
                double sum = 0;
                foreach (double p in mdp.Probabilities(s, a))
                {
                    sum += p;
                }

                Assert.Equal(1.0, sum, 12);
            }
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(15)]
    public void Hole_and_goal_rows_are_absorbing_with_reward_zero(int s)
    {
        TabularMdp mdp = FrozenLake.Model(FrozenLake.Map4x4);
        for (int a = 0; a < 4; a++)
        {
            ModelAssert.Row(mdp, s, a, (1.0, s, 0, true));
        }
    }

    [Fact]
    public void Not_slippery_rows_are_the_intended_move()
    {
        TabularMdp mdp = FrozenLake.Model(FrozenLake.Map4x4, isSlippery: false);
        ModelAssert.Row(mdp, 0, FrozenLake.Down, (1.0, 4, 0, false));
        ModelAssert.Row(mdp, 0, FrozenLake.Up, (1.0, 0, 0, false));
        ModelAssert.Row(mdp, 14, FrozenLake.Right, (1.0, 15, 1.0, true));
        ModelAssert.Row(mdp, 4, FrozenLake.Right, (1.0, 5, 0, true));
    }

    [Fact]
    public void Registered_defaults_match_gymnasium()
    {
        TabularEnvironment small = FrozenLake.Create(), large = FrozenLake.Create8x8();
        Assert.Equal(100, small.MaxEpisodeSteps);
        Assert.Equal(200, large.MaxEpisodeSteps);
        Assert.Equal(16, small.ObservationCount);
        Assert.Equal(64, large.ObservationCount);
        Assert.Equal(4, large.ActionCount);
        Assert.True(large.Model.IsTerminal(63));
        Assert.True(large.Model.IsTerminal(19)); // row 2 "FFFHFFFF": (2,3)
        Assert.Equal(1.0, small.InitialDistribution[0]);
        Assert.Equal(0, small.Reset(seed: 3));
    }

    [Fact]
    public void Slippery_8x8_row_next_to_the_goal()
    {
        // s = 62 = (7,6), a = RIGHT(2): DOWN → clamped, stays 62; RIGHT → 63 = G; UP → 54 = (6,6) = H in "FHFFHFHF".
        ModelAssert.Row(FrozenLake.Model(FrozenLake.Map8x8), 62, FrozenLake.Right,
            (Third, 62, 0, false), (Third, 63, 1.0, true), (Third, 54, 0, true));
    }

    [Fact]
    public void Custom_map_starts_uniformly_on_its_S_cells()
    {
        TabularEnvironment env = FrozenLake.Create(["SFS", "FHG"]);
        Assert.Equal([0.5, 0, 0.5, 0, 0, 0], env.InitialDistribution.ToArray());
        var seen = new HashSet<int>();
        env.Reset(seed: 1);
        for (int i = 0; i < 50; i++)
        {
            seen.Add(env.Reset());
        }

        Assert.Equal([0, 2], seen.Order());
    }

    [Fact]
    public void Rejects_an_unknown_letter_naming_its_cell()
    {
        var ex = Assert.Throws<ArgumentException>(() => FrozenLake.Model(["SFFF", "FXFH"]));
        Assert.Equal("map", ex.ParamName);
        Assert.Contains("map[1][1] is 'X'", ex.Message);
    }

    [Fact]
    public void Rejects_a_non_rectangular_map()
    {
        var ex = Assert.Throws<ArgumentException>(() => FrozenLake.Model(["SFFF", "FFG"]));
        Assert.Equal("map", ex.ParamName);
        Assert.Contains("row 1 has 3 columns", ex.Message);
    }

    [Fact]
    public void Rejects_a_map_without_start_or_empty()
    {
        Assert.Equal("map", Assert.Throws<ArgumentException>(() => FrozenLake.Model(["FFG"])).ParamName);
        Assert.Equal("map", Assert.ThrowsAny<ArgumentException>(() => FrozenLake.Model([])).ParamName);
    }
}
