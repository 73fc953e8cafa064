using RlNotebooks.Environments;

namespace RlNotebooks.Tests.Environments;

public class MaximizationBiasTests
{
    [Fact]
    public void Right_from_A_terminates_with_zero_and_left_leads_to_B_with_zero()
    {
        // Sutton & Barto Example 6.7: A —right→ terminal (0); A —left→ B (0).
        var env = new MaximizationBias();
        Assert.Equal(MaximizationBias.StateA, env.Reset(seed: 1));
        Assert.Equal(new StepResult(MaximizationBias.Terminal, 0.0, true, false), env.Step(MaximizationBias.Right));

        Assert.Equal(MaximizationBias.StateA, env.Reset());
        Assert.Equal(new StepResult(MaximizationBias.StateB, 0.0, false, false), env.Step(MaximizationBias.Left));
        Assert.Equal(MaximizationBias.StateB, env.State);

        StepResult fromB = env.Step(9);
        Assert.Equal(MaximizationBias.Terminal, fromB.Observation);
        Assert.True(fromB.Terminated);
        Assert.False(fromB.Truncated);
        Assert.NotEqual(0.0, fromB.Reward);
    }

    [Fact]
    public void Spaces_and_available_actions()
    {
        var env = new MaximizationBias(actionsInB: 10);
        Assert.Equal(3, env.ObservationCount);
        Assert.Equal(10, env.ActionCount);
        Assert.Null(env.MaxEpisodeSteps);
        Assert.Equal(2, env.AvailableActions(MaximizationBias.StateA));
        Assert.Equal(10, env.AvailableActions(MaximizationBias.StateB));
        Assert.Equal(0, env.AvailableActions(MaximizationBias.Terminal));

        // With a single action in B the Q rows still need room for A's two actions.
        Assert.Equal(2, new MaximizationBias(actionsInB: 1).ActionCount);
    }

    [Fact]
    public void Rewards_in_B_have_the_given_mean_and_standard_deviation()
    {
        // 𝒩(−0.1, 1): with n = 40 000 samples the standard error of the mean is 1/√n = 0.005 and of the std ≈ 1/√(2n) ≈ 0.0035,
        // so ±0.02 is four standard errors or more.
        var env = new MaximizationBias(actionsInB: 4, mean: -0.1, standardDeviation: 1.0);
        env.Reset(seed: 7);
        const int n = 40_000;
        double sum = 0.0, sumOfSquares = 0.0;
        for (int i = 0; i < n; i++)
        {
            env.Reset();
            env.Step(MaximizationBias.Left);
            double r = env.Step(i % 4).Reward;
            sum += r;
            sumOfSquares += r * r;
        }

        double mean = sum / n;
        double std = Math.Sqrt(sumOfSquares / n - mean * mean);
        Assert.InRange(mean, -0.12, -0.08);
        Assert.InRange(std, 0.98, 1.02);
    }

    [Fact]
    public void Zero_standard_deviation_gives_the_mean_exactly()
    {
        var env = new MaximizationBias(actionsInB: 3, mean: -0.25, standardDeviation: 0.0);
        env.Reset(seed: 0);
        env.Step(MaximizationBias.Left);
        Assert.Equal(-0.25, env.Step(2).Reward);
    }

    [Fact]
    public void Same_seed_gives_the_same_rewards_and_a_different_seed_does_not()
    {
        static double[] Rewards(int seed)
        {
            var env = new MaximizationBias();
            var rewards = new double[20];
            env.Reset(seed);
            for (int i = 0; i < rewards.Length; i++)
            {
                if (i > 0)
                {
                    env.Reset();
                }

                env.Step(MaximizationBias.Left);
                rewards[i] = env.Step(i % 10).Reward;
            }

            return rewards;
        }

        Assert.Equal(Rewards(3), Rewards(3));
        Assert.NotEqual(Rewards(3), Rewards(4));
    }

    [Fact]
    public void Bad_input_is_rejected_with_a_clear_error()
    {
        var actions = Assert.Throws<ArgumentOutOfRangeException>(() => new MaximizationBias(actionsInB: 0));
        Assert.Equal("actionsInB", actions.ParamName);
        Assert.Equal("mean", Assert.ThrowsAny<ArgumentException>(() => new MaximizationBias(mean: double.NaN)).ParamName);
        var std = Assert.ThrowsAny<ArgumentException>(() => new MaximizationBias(standardDeviation: -1.0));
        Assert.Equal("standardDeviation", std.ParamName);

        var env = new MaximizationBias(actionsInB: 10);
        Assert.Contains("Reset", Assert.Throws<InvalidOperationException>(() => env.Step(0)).Message);

        env.Reset(seed: 0);
        var inA = Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(2));
        Assert.Equal("action", inA.ParamName);
        Assert.Contains("state A", inA.Message);
        Assert.Contains("[0, 1]", inA.Message);

        env.Step(MaximizationBias.Left);
        var inB = Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(10));
        Assert.Contains("state B", inB.Message);
        Assert.Contains("10", inB.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(-1));

        env.Step(0);
        Assert.Contains("ended", Assert.Throws<InvalidOperationException>(() => env.Step(0)).Message);
        Assert.Equal("state", Assert.Throws<ArgumentOutOfRangeException>(() => env.AvailableActions(3)).ParamName);
    }
}
