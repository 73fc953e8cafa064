using RlNotebooks.Bellman;
using RlNotebooks.Environments;

namespace RlNotebooks.Tests.Environments;

public class RandomWalkAndWindyTests
{
    [Fact]
    public void Random_walk_true_values_are_one_sixth_to_five_sixths()
    {
        // Sutton & Barto Example 6.2: v(A..E) = 1/6, 2/6, 3/6, 4/6, 5/6; solved exactly from the model.
        TabularMdp mdp = RandomWalk.Model();
        double[] v = ModelAssert.PolicyValues(mdp, (_, _) => 1.0);
        double[] closed = RandomWalk.TrueValues();
        for (int i = 1; i <= 5; i++)
        {
            Assert.Equal(i / 6.0, v[i], 12);
            Assert.Equal(i / 6.0, closed[i], 12);
        }

        Assert.True(mdp.IsTerminal(0) && mdp.IsTerminal(6));
        ModelAssert.Row(mdp, 5, 0, (0.5, 4, 0, false), (0.5, 6, 1, true));
        ModelAssert.Row(mdp, 1, 0, (0.5, 0, 0, true), (0.5, 2, 0, false));
        Assert.Equal(3, RandomWalk.Create().Reset(seed: 0));
    }

    [Fact]
    public void Nineteen_state_walk_with_minus_one_on_the_left()
    {
        // Sutton & Barto Example 7.1: v(i) = −1 + 2i/20.
        TabularMdp mdp = RandomWalk.Model(19, -1.0, 1.0);
        double[] v = ModelAssert.PolicyValues(mdp, (_, _) => 1.0), closed = RandomWalk.TrueValues(19, -1.0, 1.0);
        for (int i = 1; i <= 19; i++)
        {
            Assert.Equal(-1 + 2.0 * i / 20, v[i], 10);
            Assert.Equal(-1 + 2.0 * i / 20, closed[i], 12);
        }

        Assert.Equal(10, RandomWalk.Create(19, -1.0).Reset(seed: 0));
    }

    [Fact]
    public void Random_walk_rejects_an_even_count()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RandomWalk.Model(4));
        Assert.Equal("nonTerminalStates", ex.ParamName);
        Assert.Contains("4", ex.Message);
    }

    [Fact]
    public void Windy_moves_use_the_wind_of_the_current_column()
    {
        TabularMdp mdp = WindyGridWorld.Model();
        ModelAssert.Row(mdp, 30, GridWorld.Right, (1.0, 31, -1, false)); // column 0: no wind
        ModelAssert.Row(mdp, 33, GridWorld.Right, (1.0, 24, -1, false)); // (3,3) wind 1 → (2,4)
        ModelAssert.Row(mdp, 36, GridWorld.Right, (1.0, 17, -1, false)); // (3,6) wind 2 → (1,7)
        ModelAssert.Row(mdp, 6, GridWorld.Up, (1.0, 6, -1, false));      // (0,6): clamped at the top
        ModelAssert.Row(mdp, 47, GridWorld.Left, (1.0, 26, -1, false));  // (4,7) wind 2, left → (2,6)
        ModelAssert.Row(mdp, 48, GridWorld.Left, (1.0, 37, -1, true));   // (4,8) wind 1, left → (3,7) = goal
    }

    [Theory]
    [InlineData(WindyMoves.Standard, 15)]   // Sutton & Barto Example 6.5: the optimal episode takes 15 steps
    [InlineData(WindyMoves.KingsMoves, 7)]  // Exercise 6.9: 7 steps with king's moves
    [InlineData(WindyMoves.KingsMovesAndStay, 7)]
    public void Shortest_episode_lengths(WindyMoves moves, int steps)
    {
        TabularMdp mdp = WindyGridWorld.Model(moves);
        var distance = new int[mdp.StateCount];
        Array.Fill(distance, -1);
        distance[WindyGridWorld.StartState] = 0;
        var queue = new Queue<int>([WindyGridWorld.StartState]);
        while (queue.Count > 0)
        {
            int s = queue.Dequeue();
            for (int a = 0; a < mdp.ActionCount; a++)
            {
                int next = mdp.NextStates(s, a)[0];
                if (distance[next] < 0)
                {
                    distance[next] = distance[s] + 1;
                    queue.Enqueue(next);
                }
            }
        }

        Assert.Equal(steps, distance[WindyGridWorld.GoalState]);
    }

    [Fact]
    public void Stochastic_wind_varies_by_one_only_in_windy_columns()
    {
        TabularMdp mdp = WindyGridWorld.Model(stochasticWind: true);
        const double third = 1.0 / 3.0;
        ModelAssert.Row(mdp, 30, GridWorld.Right, (1.0, 31, -1, false));
        ModelAssert.Row(mdp, 43, GridWorld.Right, (third, 34, -1, false), (third, 24, -1, false), (third, 44, -1, false));
        Assert.Equal(9, WindyGridWorld.Create(WindyMoves.KingsMovesAndStay).ActionCount);
    }

    [Fact]
    public void Windy_rejects_an_undefined_action_set()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => WindyGridWorld.Model((WindyMoves)5));
        Assert.Equal("moves", ex.ParamName);
        Assert.Contains("5", ex.Message);
    }
}
