using RlNotebooks.TabularLearning;

namespace RlNotebooks.Tests.TabularLearning;

public class UpdateTests
{
    private const int Actions = 2;

    /// <summary>Q for 3 states × 2 actions: Q(0,·) = (0.5, 1), Q(1,·) = (2, 4), Q(2,·) = (3, −1).</summary>
    private static double[] NewQ() => [0.5, 1.0, 2.0, 4.0, 3.0, -1.0];

    private static readonly Transition Step = new(State: 0, Action: 1, Reward: 1.0, NextState: 1, Terminated: false);

    [Fact]
    public void Q_learning_by_hand()
    {
        double[] q = NewQ();
        // δ = 1 + 0.9·max(2, 4) − Q(0,1) = 1 + 3.6 − 1 = 3.6;  Q(0,1) ← 1 + 0.5·3.6 = 2.8.
        Assert.Equal(3.6, QLearning.TdError(q, Actions, Step, 0.9), 12);
        Assert.Equal(1.0, q[1]); // TdError is pure.
        Assert.Equal(3.6, QLearning.UpdateInPlace(q, Actions, Step, 0.5, 0.9), 12);
        Assert.Equal(2.8, q[1], 12);
        Assert.Equal([0.5, 2.8, 2.0, 4.0, 3.0, -1.0], q.Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void Terminated_transitions_do_not_bootstrap_but_truncated_ones_do()
    {
        double[] q = NewQ();
        // Terminated with r = 2: δ = 2 − Q(0,1) = 1;  Q(0,1) ← 1 + 0.5·1 = 1.5.
        var terminated = Step with { Reward = 2.0, Terminated = true };
        Assert.Equal(1.0, QLearning.UpdateInPlace(q, Actions, terminated, 0.5, 0.9), 12);
        Assert.Equal(1.5, q[1], 12);
        // Every TD method ignores the next state's values on termination.
        Assert.Equal(1.0, Sarsa.TdError(NewQ(), Actions, terminated, nextAction: 1, 0.9), 12);
        Assert.Equal(1.0, ExpectedSarsa.TdError(NewQ(), Actions, terminated, 0.2, 0.9), 12);
        Assert.Equal(1.0, DoubleQLearning.TdError(NewQ(), new double[6], Actions, terminated, 0.9), 12);
        Assert.Equal(1.0, TdZero.TdError([1.0, 5.0], 0, 2.0, 1, terminated: true, 0.9), 12);
        // A truncated step is passed with Terminated = false and the real final observation: it bootstraps like any other step.
        var truncated = Step with { Reward = 2.0 };
        Assert.Equal(2.0 + 0.9 * 4.0 - 1.0, QLearning.TdError(NewQ(), Actions, truncated, 0.9), 12);
    }

    [Fact]
    public void Sarsa_by_hand()
    {
        double[] q = NewQ();
        // a′ = 0: δ = 1 + 0.9·Q(1,0) − Q(0,1) = 1 + 1.8 − 1 = 1.8;  Q(0,1) ← 1 + 0.5·1.8 = 1.9.
        Assert.Equal(1.8, Sarsa.UpdateInPlace(q, Actions, Step, nextAction: 0, 0.5, 0.9), 12);
        Assert.Equal(1.9, q[1], 12);
    }

    [Fact]
    public void Expected_sarsa_by_hand()
    {
        double[] q = NewQ();
        // π(·|1) = (¼, ¾): E = 0.25·2 + 0.75·4 = 3.5;  δ = 1 + 0.9·3.5 − 1 = 3.15;  Q(0,1) ← 1 + 0.5·3.15 = 2.575.
        Assert.Equal(3.15, ExpectedSarsa.UpdateInPlace(q, Actions, Step, [0.25, 0.75], 0.5, 0.9), 12);
        Assert.Equal(2.575, q[1], 12);
        // ε-greedy, ε = 0.2: E = 0.2·mean(2, 4) + 0.8·4 = 0.6 + 3.2 = 3.8;  δ = 1 + 3.42 − 1 = 3.42.
        Assert.Equal(3.42, ExpectedSarsa.TdError(NewQ(), Actions, Step, 0.2, 0.9), 12);
        // ε = 0 is Q-learning.
        Assert.Equal(QLearning.TdError(NewQ(), Actions, Step, 0.9), ExpectedSarsa.TdError(NewQ(), Actions, Step, 0.0, 0.9), 12);
    }

    [Fact]
    public void Double_q_learning_selects_with_one_table_and_evaluates_with_the_other()
    {
        double[] first = NewQ(), second = [0.0, 0.0, 10.0, -10.0, 0.0, 0.0];
        // Update Q₁: a* = argmax Q₁(1,·) = 1 (4 > 2); Q₂(1,1) = −10;  δ = 1 + 0.9·(−10) − Q₁(0,1) = −9;  Q₁(0,1) ← 1 − 4.5 = −3.5.
        Assert.Equal(-9.0, DoubleQLearning.UpdateInPlace(first, second, Actions, Step, 0.5, 0.9, updateFirst: true), 12);
        Assert.Equal(-3.5, first[1], 12);
        Assert.Equal(0.0, second[1]);
        // Update Q₂: a* = argmax Q₂(1,·) = 0 (10 > −10); Q₁(1,0) = 2;  δ = 1 + 0.9·2 − Q₂(0,1) = 2.8;  Q₂(0,1) ← 0 + 0.5·2.8 = 1.4.
        Assert.Equal(2.8, DoubleQLearning.UpdateInPlace(first, second, Actions, Step, 0.5, 0.9, updateFirst: false), 12);
        Assert.Equal(1.4, second[1], 12);
        Assert.Equal(-3.5, first[1], 12);
    }

    [Fact]
    public void Double_q_learning_with_a_random_choice_is_reproducible()
    {
        bool expectedFirst = new Random(42).Next(2) == 0;
        double[] first = NewQ(), second = NewQ();
        DoubleQStep step = DoubleQLearning.UpdateInPlace(first, second, Actions, Step, 0.5, 0.9, new Random(42));
        Assert.Equal(expectedFirst, step.UpdatedFirst);
        Assert.Equal(3.6, step.TdError, 12); // Both tables equal: same as Q-learning.
        Assert.Equal(expectedFirst ? 2.8 : 1.0, first[1], 12);
        Assert.Equal(expectedFirst ? 1.0 : 2.8, second[1], 12);
    }

    [Fact]
    public void Td_zero_by_hand()
    {
        double[] v = [1.0, 2.0, 3.0];
        // δ = 1 + 0.9·V(2) − V(0) = 1 + 2.7 − 1 = 2.7;  V(0) ← 1 + 0.1·2.7 = 1.27.
        Assert.Equal(2.7, TdZero.UpdateInPlace(v, 0, 1.0, 2, terminated: false, 0.1, 0.9), 12);
        Assert.Equal(1.27, v[0], 12);
        // Terminated, r = −1: δ = −1 − V(1) = −3;  V(1) ← 2 + 0.1·(−3) = 1.7.
        Assert.Equal(-3.0, TdZero.UpdateInPlace(v, 1, -1.0, 2, terminated: true, 0.1, 0.9), 12);
        Assert.Equal(1.7, v[1], 12);
    }

    [Fact]
    public void Monte_carlo_by_hand()
    {
        // Incremental mean of returns 4, 8, 6: 4, 4 + (8 − 4)/2 = 6, 6 + (6 − 6)/3 = 6 (= their average).
        double[] v = [0.0, 0.0];
        int[] n = [0, 0];
        Assert.Equal(4.0, MonteCarlo.IncrementalMeanUpdateInPlace(v, n, 1, 4.0), 12);
        Assert.Equal(4.0, MonteCarlo.IncrementalMeanUpdateInPlace(v, n, 1, 8.0), 12);
        Assert.Equal(0.0, MonteCarlo.IncrementalMeanUpdateInPlace(v, n, 1, 6.0), 12);
        Assert.Equal([0.0, 6.0], v);
        Assert.Equal([0, 3], n);
        // Pure forms: 2 + (5 − 2)/3 = 3;  constant α = 0.5: 2 + 0.5·(6 − 2) = 4.
        Assert.Equal(3.0, MonteCarlo.IncrementalMean(2.0, 5.0, 3), 12);
        Assert.Equal(4.0, MonteCarlo.ConstantAlpha(2.0, 6.0, 0.5), 12);
        double[] w = [2.0];
        Assert.Equal(4.0, MonteCarlo.ConstantAlphaUpdateInPlace(w, 0, 6.0, 0.5), 12);
        Assert.Equal(4.0, w[0], 12);
    }
}
