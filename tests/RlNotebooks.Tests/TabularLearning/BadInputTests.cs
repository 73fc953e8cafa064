using RlNotebooks.TabularLearning;
using static RlNotebooks.Tests.Support.BadInput;

namespace RlNotebooks.Tests.TabularLearning;

public class BadInputTests
{
    private static readonly Transition Step = new(0, 1, 1.0, 1, false);

    [Fact]
    public void Transition_indices_out_of_range()
    {
        double[] q = new double[6];
        Fails(() => QLearning.UpdateInPlace(q, 2, Step with { State = 3 }, 0.5, 0.9), "transition.State", "3");
        Fails(() => QLearning.UpdateInPlace(q, 2, Step with { Action = -1 }, 0.5, 0.9), "transition.Action", "-1");
        Fails(() => Sarsa.UpdateInPlace(q, 2, Step with { NextState = 7 }, 0, 0.5, 0.9), "transition.NextState", "7");
        Fails(() => Sarsa.UpdateInPlace(q, 2, Step, 2, 0.5, 0.9), "nextAction", "2");
        Fails(() => TdZero.UpdateInPlace(new double[3], 3, 0.0, 0, false, 0.5, 0.9), "state", "3");
        Fails(() => MonteCarlo.ConstantAlphaUpdateInPlace(new double[3], -2, 0.0, 0.5), "index", "-2");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Step_size_outside_zero_one(double alpha)
    {
        double[] q = new double[6];
        string text = alpha.ToString(System.Globalization.CultureInfo.CurrentCulture);
        Fails(() => QLearning.UpdateInPlace(q, 2, Step, alpha, 0.9), "alpha", text);
        Fails(() => Sarsa.UpdateInPlace(q, 2, Step, 0, alpha, 0.9), "alpha", text);
        Fails(() => ExpectedSarsa.UpdateInPlace(q, 2, Step, 0.1, alpha, 0.9), "alpha", text);
        Fails(() => DoubleQLearning.UpdateInPlace(q, new double[6], 2, Step, alpha, 0.9, true), "alpha", text);
        Fails(() => TdZero.UpdateInPlace(new double[2], 0, 1.0, 1, false, alpha, 0.9), "alpha", text);
        Fails(() => MonteCarlo.ConstantAlpha(0.0, 1.0, alpha), "alpha", text);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Discount_outside_unit_interval(double gamma)
    {
        double[] q = new double[6];
        Fails(() => QLearning.TdError(q, 2, Step, gamma), "gamma", "[0, 1]");
        Fails(() => Sarsa.TdError(q, 2, Step, 0, gamma), "gamma", "[0, 1]");
        Fails(() => ExpectedSarsa.TdError(q, 2, Step, 0.1, gamma), "gamma", "[0, 1]");
        Fails(() => DoubleQLearning.TdError(q, q, 2, Step, gamma), "gamma", "[0, 1]");
        Fails(() => TdZero.TdError(new double[2], 0, 1.0, 1, false, gamma), "gamma", "[0, 1]");
    }

    [Fact]
    public void Non_finite_rewards_returns_and_table_entries()
    {
        double[] q = new double[6];
        Fails(() => QLearning.TdError(q, 2, Step with { Reward = double.NaN }, 0.9), "transition.Reward", "NaN");
        Fails(() => TdZero.TdError(new double[2], 0, double.PositiveInfinity, 1, false, 0.9), "reward", "Infinity");
        Fails(() => MonteCarlo.IncrementalMean(0.0, double.NaN, 1), "ret", "NaN");
        double[] bad = [0.0, 0.0, double.NaN, 0.0, 0.0, 0.0];
        Fails(() => QLearning.TdError(bad, 2, Step, 0.9), "q[next state 1]", "NaN");
        Fails(() => TdZero.TdError([double.NaN, 0.0], 0, 1.0, 1, false, 0.9), "v[0]", "NaN");
    }

    [Fact]
    public void Table_shape_and_distribution_errors()
    {
        Fails(() => QLearning.TdError(new double[5], 2, Step, 0.9), "q", "length 5");
        Fails(() => DoubleQLearning.TdError(new double[6], new double[4], 2, Step, 0.9), "evaluator", "length 4");
        double[] shared = new double[6];
        Fails(() => DoubleQLearning.UpdateInPlace(shared, shared, 2, Step, 0.5, 0.9, true), "second", "separate");
        Fails(() => ExpectedSarsa.TdError(new double[6], 2, Step, [0.5, 0.6], 0.9), "nextPolicy", "sum to 1");
        Fails(() => ExpectedSarsa.TdError(new double[6], 2, Step, [1.0], 0.9), "nextPolicy", "length 1");
        Fails(() => ExpectedSarsa.TdError(new double[6], 2, Step, 1.5, 0.9), "epsilon", "1.5");
        Fails(() => MonteCarlo.IncrementalMeanUpdateInPlace(new double[3], new int[2], 0, 1.0), "counts", "length 2");
        Fails(() => MonteCarlo.IncrementalMean(0.0, 1.0, 0), "count", "0");
        Fails(() => MonteCarlo.IncrementalMeanUpdateInPlace(new double[1], [-1], 0, 1.0), "counts[0]", "-1");
    }
}
