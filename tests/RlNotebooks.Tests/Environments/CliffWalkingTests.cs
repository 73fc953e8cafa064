using RlNotebooks.Bellman;
using RlNotebooks.Environments;

namespace RlNotebooks.Tests.Environments;

// Expected rows written by hand from Gymnasium's gymnasium/envs/toy_text/cliffwalking.py (CliffWalking-v1,
// Farama-Foundation/Gymnasium commit 42d708dd, a version with v1's is_slippery; v0 at commit 04b863db has the same cliff rule): UP=0, RIGHT=1, DOWN=2, LEFT=3; position clamped to the 4×12 grid;
// a cliff cell (3, 1..10) gives (p, 36, -100, False) — back to start, NOT terminated; otherwise (p, s', -1, s' == 47).
// is_slippery (default False) lists directions [(a - 1) % 4, a, (a + 1) % 4] with p = 1/3.
public class CliffWalkingTests
{
    private const double Third = 1.0 / 3.0;

    [Fact]
    public void Start_up_is_a_plain_step()
    {
        ModelAssert.Row(CliffWalking.Model(), 36, CliffWalking.Up, (1.0, 24, -1, false));
    }

    [Fact]
    public void Stepping_into_the_cliff_costs_100_and_returns_to_start_without_terminating()
    {
        TabularMdp mdp = CliffWalking.Model();
        ModelAssert.Row(mdp, 36, CliffWalking.Right, (1.0, 36, -100, false));
        ModelAssert.Row(mdp, 25, CliffWalking.Down, (1.0, 36, -100, false)); // (2,1) → (3,1) is cliff
        ModelAssert.Row(mdp, 36, CliffWalking.Left, (1.0, 36, -1, false));  // wall
        ModelAssert.Row(mdp, 35, CliffWalking.Down, (1.0, 47, -1, true));    // (2,11) → goal

        TabularEnvironment env = CliffWalking.Create();
        Assert.Null(env.MaxEpisodeSteps);
        Assert.Equal(CliffWalking.StartState, env.Reset(seed: 0));
        Assert.Equal(new StepResult(36, -100, false, false), env.Step(CliffWalking.Right));
    }

    [Fact]
    public void The_safe_optimal_path_returns_minus_13()
    {
        // Sutton & Barto Example 6.6: UP, RIGHT × 11, DOWN = 13 steps of −1.
        TabularEnvironment env = CliffWalking.Create();
        env.Reset(seed: 0);
        double total = env.Step(CliffWalking.Up).Reward;
        for (int i = 0; i < 11; i++)
        {
            total += env.Step(CliffWalking.Right).Reward;
        }

        StepResult last = env.Step(CliffWalking.Down);
        Assert.Equal(new StepResult(CliffWalking.GoalState, -1, true, false), last);
        Assert.Equal(-13, total + last.Reward);
    }

    [Fact]
    public void Slippery_rows_follow_gymnasium_order()
    {
        // a = RIGHT(1): b = UP(0) → 24, -1; RIGHT(1) → cliff → 36, -100; DOWN(2) → clamped at row 3 → 36, -1.
        ModelAssert.Row(CliffWalking.Model(isSlippery: true), 36, CliffWalking.Right,
            (Third, 24, -1, false), (Third, 36, -100, false), (Third, 36, -1, false));
    }

    [Fact]
    public void Only_the_goal_is_terminal_and_every_row_sums_to_one()
    {
        TabularMdp mdp = CliffWalking.Model(isSlippery: true);
        Assert.Equal(48, mdp.StateCount);
        for (int s = 0; s < 48; s++)
        {
            Assert.Equal(s == 47, mdp.IsTerminal(s));
            for (int a = 0; a < 4; a++)
            {
                Assert.Equal(3, mdp.NextStates(s, a).Length);
                Assert.Equal(1.0, mdp.Probability(s, a, 0) + SumExcept0(mdp, s, a), 12);
            }
        }
    }

    private static double SumExcept0(TabularMdp mdp, int s, int a)
    {
        double sum = 0;
        for (int n = 1; n < mdp.StateCount; n++)
        {
            sum += mdp.Probability(s, a, n);
        }

        return sum;
    }
}
