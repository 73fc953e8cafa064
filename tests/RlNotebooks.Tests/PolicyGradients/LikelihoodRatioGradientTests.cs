using RlNotebooks.PolicyGradients;

namespace RlNotebooks.Tests.PolicyGradients;

public class LikelihoodRatioGradientTests
{
    // Episode 1: steps 0, 1 with scores (1, 0), (0, 2) and rewards 1, 2. Episode 2: step 2 with score (2, 2), reward 3.
    private static readonly double[] Scores = [1, 0, 0, 2, 2, 2];
    private static readonly double[] Rewards = [1, 2, 3];
    private static readonly bool[] Ends = [false, true, true];

    [Fact]
    public void Whole_trajectory_hand_example()
    {
        // γ = 0.5. R(τ₁) = 1 + 0.5·2 = 2, Σ scores = (1, 2) → (2, 4). R(τ₂) = 3, score (2, 2) → (6, 6). Mean: (4, 5).
        Assert.Equal([4.0, 5.0], LikelihoodRatioGradient.WholeTrajectory(Scores, 2, Rewards, Ends, 0.5));
    }

    [Fact]
    public void Reward_to_go_hand_example()
    {
        // γ = 0.5. Episode 1: G₁ = 2, G₀ = 1 + 0.5·2 = 2; γ⁰G₀(1, 0) + γ¹G₁(0, 2) = (2, 0) + (0, 2) = (2, 2).
        // Episode 2: G₀ = 3 → (6, 6). Mean: (4, 4).
        Assert.Equal([4.0, 4.0], LikelihoodRatioGradient.RewardToGo(Scores, 2, Rewards, Ends, 0.5));
    }

    [Fact]
    public void Reward_to_go_with_baseline_hand_example()
    {
        // b = (1, 1, 1). Episode 1: (2 − 1)(1, 0) + 0.5·(2 − 1)(0, 2) = (1, 1). Episode 2: (3 − 1)(2, 2) = (4, 4). Mean: (2.5, 2.5).
        Assert.Equal([2.5, 2.5], LikelihoodRatioGradient.RewardToGoWithBaseline(Scores, 2, Rewards, Ends, 0.5, [1, 1, 1]));
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 0.9)]
    [InlineData(3, 0.5)]
    public void Every_variant_is_unbiased_on_an_enumerated_softmax_bandit(int horizon, double gamma)
    {
        // A stateless two-armed bandit pulled `horizon` times with π = softmax(θ), θ = (0.4, −0.3); step-dependent rewards.
        // J(θ) = Σₜ γᵗ Σₐ π(a) rₜ(a), so ∂J/∂θ_k = Σₜ γᵗ Σₐ π(a)(1[a = k] − π(k)) rₜ(a).
        // The expected estimate is computed exactly by enumerating all 2^horizon action sequences.
        double[] theta = [0.4, -0.3];
        double[][] reward = [[1.0, 3.0], [2.0, -1.0], [0.5, 4.0]];
        double[] pi = Softmax(theta);
        var exact = new double[2];
        for (int t = 0; t < horizon; t++)
        {
            for (int a = 0; a < 2; a++)
            {
                for (int k = 0; k < 2; k++)
                {
                    exact[k] += Math.Pow(gamma, t) * pi[a] * ((a == k ? 1 : 0) - pi[k]) * reward[t][a];
                }
            }
        }

        double[] baseline = new[] { 5.0, -2.0, 0.7 }[..horizon];
        var expected = new double[3][];
        for (int v = 0; v < 3; v++)
        {
            expected[v] = new double[2];
        }

        for (int sequence = 0; sequence < 1 << horizon; sequence++)
        {
            double probability = 1.0;
            var scores = new double[horizon * 2];
            var rewards = new double[horizon];
            var ends = new bool[horizon];
            ends[horizon - 1] = true;
            for (int t = 0; t < horizon; t++)
            {
                int a = (sequence >> t) & 1;
                probability *= pi[a];
                scores[t * 2] = (a == 0 ? 1 : 0) - pi[0];
                scores[t * 2 + 1] = (a == 1 ? 1 : 0) - pi[1];
                rewards[t] = reward[t][a];
            }

            double[][] estimates =
            [
                LikelihoodRatioGradient.WholeTrajectory(scores, 2, rewards, ends, gamma),
                LikelihoodRatioGradient.RewardToGo(scores, 2, rewards, ends, gamma),
                LikelihoodRatioGradient.RewardToGoWithBaseline(scores, 2, rewards, ends, gamma, baseline),
            ];
            for (int v = 0; v < 3; v++)
            {
                for (int k = 0; k < 2; k++)
                {
                    expected[v][k] += probability * estimates[v][k];
                }
            }
        }

        double[] finiteDifference = FiniteDifference.Gradient(th =>
        {
            double[] p = Softmax(th);
            double j = 0.0;
            for (int t = 0; t < horizon; t++)
            {
                j += Math.Pow(gamma, t) * (p[0] * reward[t][0] + p[1] * reward[t][1]);
            }

            return j;
        }, theta, 1e-5);

        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(exact[k], finiteDifference[k], 1e-8);
            for (int v = 0; v < 3; v++)
            {
                Assert.Equal(exact[k], expected[v][k], 1e-12);
            }
        }
    }

    private static double[] Softmax(double[] theta)
    {
        double z = Math.Exp(theta[0]) + Math.Exp(theta[1]);
        return [Math.Exp(theta[0]) / z, Math.Exp(theta[1]) / z];
    }
}
