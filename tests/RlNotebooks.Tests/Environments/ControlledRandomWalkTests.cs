using RlNotebooks.Bellman;
using RlNotebooks.Environments;

namespace RlNotebooks.Tests.Environments;

public class ControlledRandomWalkTests
{
    [Fact]
    public void Moves_are_deterministic_with_the_random_walk_rewards()
    {
        TabularMdp mdp = ControlledRandomWalk.Model();
        Assert.Equal(7, mdp.StateCount);
        Assert.Equal(2, mdp.ActionCount);
        ModelAssert.Row(mdp, 1, ControlledRandomWalk.Left, (1.0, 0, 0, true));
        ModelAssert.Row(mdp, 1, ControlledRandomWalk.Right, (1.0, 2, 0, false));
        ModelAssert.Row(mdp, 5, ControlledRandomWalk.Right, (1.0, 6, 1, true));
        ModelAssert.Row(mdp, 3, ControlledRandomWalk.Left, (1.0, 2, 0, false));
        Assert.Equal(3, ControlledRandomWalk.Create().Reset(seed: 0));
    }

    [Fact]
    public void Uniform_policy_recovers_the_random_walk_values()
    {
        // Under π(·|s) = ½, ½ the walk is Example 6.2: v = 1/6 … 5/6 (and Example 7.1's 19-state walk with −1 on the left).
        double[] v5 = PolicyEvaluation.Exact(ControlledRandomWalk.Model(), TabularPolicy.Uniform(7, 2));
        AssertClose(RandomWalk.TrueValues(), v5);
        double[] v19 = PolicyEvaluation.Exact(ControlledRandomWalk.Model(19, -1.0, 1.0), TabularPolicy.Uniform(21, 2));
        AssertClose(RandomWalk.TrueValues(19, -1.0, 1.0), v19);
    }

    [Fact]
    public void Biased_policy_gives_the_gamblers_ruin_probabilities()
    {
        // π(Right|s) = p = 0.75, q = 0.25, r = q/p = 1/3, N = 6: P(exit right | k) = (1 − r^k)/(1 − r^N).
        // k = 3: (1 − 1/27)/(1 − 1/729) = (26/27)/(728/729) = 26·27/728 = 702/728 ≈ 0.964286.
        var probabilities = new double[14];
        for (int s = 0; s < 7; s++)
        {
            probabilities[2 * s + ControlledRandomWalk.Left] = 0.25;
            probabilities[2 * s + ControlledRandomWalk.Right] = 0.75;
        }

        double[] v = PolicyEvaluation.Exact(ControlledRandomWalk.Model(), new TabularPolicy(7, 2, probabilities));
        Assert.Equal(702.0 / 728.0, v[3], 12);
        for (int k = 1; k <= 5; k++)
        {
            Assert.Equal((1 - Math.Pow(1.0 / 3.0, k)) / (1 - Math.Pow(1.0 / 3.0, 6)), v[k], 12);
        }
    }

    [Fact]
    public void Environment_steps_follow_the_chosen_direction()
    {
        TabularEnvironment env = ControlledRandomWalk.Create();
        env.Reset(seed: 5);
        Assert.Equal(new StepResult(4, 0.0, false, false), env.Step(ControlledRandomWalk.Right));
        Assert.Equal(new StepResult(5, 0.0, false, false), env.Step(ControlledRandomWalk.Right));
        Assert.Equal(new StepResult(6, 1.0, true, false), env.Step(ControlledRandomWalk.Right));
        Assert.Equal("T A B C D E T\n", GridText.Map(env.Layout!));
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ControlledRandomWalk.Model(4));
        Assert.Equal("nonTerminalStates", ex.ParamName);
        Assert.Contains("4", ex.Message);
        Assert.ThrowsAny<ArgumentException>(() => ControlledRandomWalk.Model(5, double.NaN));
        Assert.ThrowsAny<ArgumentException>(() => ControlledRandomWalk.Model(gamma: 1.5));
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 12);
        }
    }
}
