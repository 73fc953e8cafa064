using RlNotebooks.Rlhf;

namespace RlNotebooks.Tests.Rlhf;

public class KlRegularizedRewardTests
{
    [Fact]
    public void Reward_minus_beta_times_the_log_ratio()
    {
        // R̂ = 2 − 0.5 (−3 − (−5)) = 1;  R̂ = −1 − 0.5 (−4 − (−2)) = 0;  R̂ = 0.5 − 0.5 · 0 = 0.5.
        double[] rewards = KlRegularizedReward.Compute([2.0, -1.0, 0.5], [-3.0, -4.0, -7.0], [-5.0, -2.0, -7.0], beta: 0.5);
        Assert.Equal([1.0, 0.0, 0.5], rewards);
    }

    [Fact]
    public void Beta_zero_or_identical_models_leave_the_score_unchanged()
    {
        Assert.Equal([1.5, -2.0], KlRegularizedReward.Compute([1.5, -2.0], [-1.0, -9.0], [-8.0, -1.0], beta: 0.0));
        Assert.Equal([1.5, -2.0], KlRegularizedReward.Compute([1.5, -2.0], [-1.0, -9.0], [-1.0, -9.0], beta: 7.0));
    }

    [Fact]
    public void Its_mean_is_the_mean_score_minus_beta_times_the_k1_kl_estimate()
    {
        var random = new Random(3);
        double[] scores = Enumerable.Range(0, 50).Select(_ => random.NextDouble()).ToArray();
        double[] policy = Enumerable.Range(0, 50).Select(_ => -10 * random.NextDouble()).ToArray();
        double[] reference = Enumerable.Range(0, 50).Select(_ => -10 * random.NextDouble()).ToArray();
        double kl = RlNotebooks.Surrogates.KlEstimators.K1(reference, policy);   // (1/n) Σ (log p^RL − log p^PT)
        Assert.Equal(scores.Average() - 0.2 * kl, KlRegularizedReward.Compute(scores, policy, reference, 0.2).Average(), 12);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => KlRegularizedReward.Compute([1.0], [0.0], [0.0], -0.1)).ParamName);
        Assert.Equal("pretrainedLogProbs", Assert.Throws<ArgumentException>(() => KlRegularizedReward.Compute([1.0], [0.0], [0.0, 1.0], 0.1)).ParamName);
        Assert.Contains("policyLogProbs[0]", Assert.Throws<ArgumentException>(() => KlRegularizedReward.Compute([1.0], [double.NegativeInfinity], [0.0], 0.1)).Message);
    }
}
