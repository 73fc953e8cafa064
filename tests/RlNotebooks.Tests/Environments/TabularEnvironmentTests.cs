using FsCheck.Fluent;
using RlNotebooks.Bellman;
using RlNotebooks.Environments;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Environments;

public class TabularEnvironmentTests
{
    private static List<StepResult> Rollout(TabularEnvironment env, int seed, int actionSeed, int maxSteps = 300)
    {
        var actions = new Random(actionSeed);
        var trajectory = new List<StepResult> { new(env.Reset(seed), 0, false, false) };
        for (int t = 0; t < maxSteps; t++)
        {
            StepResult step = env.Step(actions.Next(env.ActionCount));
            trajectory.Add(step);
            if (step.Done)
            {
                trajectory.Add(new StepResult(env.Reset(), 0, false, false));
            }
        }

        return trajectory;
    }

    [Fact]
    public void Same_seed_gives_identical_trajectories_and_different_seeds_differ()
    {
        TabularEnvironment env = FrozenLake.Create8x8();
        List<StepResult> first = Rollout(env, seed: 42, actionSeed: 1);
        List<StepResult> again = Rollout(env, seed: 42, actionSeed: 1);
        List<StepResult> other = Rollout(env, seed: 43, actionSeed: 1);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Every_sampled_transition_is_an_outcome_of_the_model()
    {
        Properties.Check(Gen.Choose(0, int.MaxValue), seed =>
        {
            TabularEnvironment env = CliffWalking.Create(isSlippery: true, maxEpisodeSteps: 40);
            var actions = new Random(seed);
            int s = env.Reset(seed);
            for (int t = 0; t < 120; t++)
            {
                int a = actions.Next(4);
                StepResult step = env.Step(a);
                Assert.Contains(new Outcome(step.Observation, 1.0 / 3.0, step.Reward), env.Model.Outcomes(s, a));
                Assert.Equal(env.Model.IsTerminal(step.Observation), step.Terminated);
                s = step.Done ? env.Reset() : step.Observation;
            }
        });
    }

    [Fact]
    public void Sampling_frequencies_match_the_model_including_duplicates()
    {
        // FrozenLake slippery (0, LEFT) lists state 0 twice: P(0) = 2/3, P(4) = 1/3. Binomial sd = √(pq/n) ≈ 0.0047 at n = 10⁴.
        TabularEnvironment env = FrozenLake.Create();
        const int n = 10_000;
        int stayed = 0;
        env.Reset(seed: 5);
        for (int i = 0; i < n; i++)
        {
            env.Reset();
            stayed += env.Step(FrozenLake.Left).Observation == 0 ? 1 : 0;
        }

        Assert.InRange(stayed / (double)n, 2.0 / 3 - 4 * 0.0047, 2.0 / 3 + 4 * 0.0047);
    }

    [Fact]
    public void Time_limit_truncates_without_terminating()
    {
        TabularEnvironment env = FrozenLake.Create(isSlippery: false);
        env.Reset(seed: 0);
        for (int t = 1; t < 100; t++)
        {
            Assert.Equal(new StepResult(0, 0, false, false), env.Step(FrozenLake.Left));
        }

        StepResult last = env.Step(FrozenLake.Left);
        Assert.Equal(new StepResult(0, 0, false, true), last);
        Assert.Equal(100, env.ElapsedSteps);
        Assert.Throws<InvalidOperationException>(() => env.Step(FrozenLake.Left));
    }

    [Fact]
    public void Termination_on_the_last_allowed_step_is_reported_as_termination_only()
    {
        // 0 →D 4 →D 8 →R 9 →R 10 →D 14 →R 15 (G): six steps, time limit six.
        TabularEnvironment env = FrozenLake.Create(isSlippery: false).WithTimeLimit(6);
        env.Reset(seed: 0);
        int[] path = [FrozenLake.Down, FrozenLake.Down, FrozenLake.Right, FrozenLake.Right, FrozenLake.Down];
        foreach (int a in path)
        {
            Assert.False(env.Step(a).Done);
        }

        Assert.Equal(new StepResult(15, 1.0, true, false), env.Step(FrozenLake.Right));
    }

    [Fact]
    public void Step_before_reset_or_after_the_end_throws()
    {
        TabularEnvironment env = FrozenLake.Create(isSlippery: false);
        var before = Assert.Throws<InvalidOperationException>(() => env.Step(0));
        Assert.Contains("Reset", before.Message);
        env.Reset(seed: 0);
        env.Step(FrozenLake.Right);
        Assert.True(env.Step(FrozenLake.Down).Terminated); // 1 → 5 is a hole
        Assert.Throws<InvalidOperationException>(() => env.Step(0));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Invalid_action_names_the_parameter_and_value(int action)
    {
        TabularEnvironment env = CliffWalking.Create();
        env.Reset(seed: 0);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(action));
        Assert.Equal("action", ex.ParamName);
        Assert.Contains(action.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
    }

    [Fact]
    public void Constructor_rejects_bad_initial_distribution_and_limit()
    {
        TabularMdp mdp = RandomWalk.Model();
        Assert.Equal("initialDistribution", Assert.ThrowsAny<ArgumentException>(() =>
            new TabularEnvironment("x", mdp, new double[] { 1, 0 })).ParamName);
        Assert.Equal("initialDistribution", Assert.ThrowsAny<ArgumentException>(() =>
            new TabularEnvironment("x", mdp, new double[] { 0.5, 0, 0, 0, 0, 0, 0 })).ParamName);
        Assert.Equal("maxEpisodeSteps", Assert.ThrowsAny<ArgumentException>(() =>
            new TabularEnvironment("x", mdp, new double[] { 0, 0, 0, 1, 0, 0, 0 }, 0)).ParamName);
    }

    [Fact]
    public void ToMdp_changes_only_gamma()
    {
        TabularEnvironment env = FrozenLake.Create();
        TabularMdp mdp = env.ToMdp(0.5);
        Assert.Equal(0.5, mdp.Gamma);
        Assert.Equal(env.Model.Outcomes(14, 2), mdp.Outcomes(14, 2));
    }
}
