using RlNotebooks.Environments;

namespace RlNotebooks.Tests.Environments;

public class BanditTestbedTests
{
    [Fact]
    public void True_values_are_standard_normal_across_problems()
    {
        // 2000 problems × 10 arms (Sutton & Barto §2.3 uses 2000 problems). With N = 20000 draws of 𝒩(0,1):
        // sd(mean) = 1/√N ≈ 0.0071, sd(sample variance) ≈ √(2/N) = 0.01; allow 4 sd.
        const int problems = 2000, arms = 10, n = problems * arms;
        double sum = 0, sumSq = 0;
        for (int seed = 0; seed < problems; seed++)
        {
            foreach (double q in BanditTestbed.Stationary(arms, seed).TrueValues)
            {
                sum += q;
                sumSq += q * q;
            }
        }

        double mean = sum / n, variance = sumSq / n - mean * mean;
        Assert.InRange(mean, -4 / Math.Sqrt(n), 4 / Math.Sqrt(n));
        Assert.InRange(variance, 1 - 4 * Math.Sqrt(2.0 / n), 1 + 4 * Math.Sqrt(2.0 / n));
    }

    [Fact]
    public void Rewards_average_to_the_true_value_of_the_arm()
    {
        // N = 10000 pulls of 𝒩(q*(a), 1): sd of the mean = 0.01; allow 4 sd.
        BanditTestbed bandit = BanditTestbed.Stationary(10, seed: 11);
        const int n = 10_000;
        for (int a = 0; a < 3; a++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += bandit.Pull(a);
            }

            Assert.InRange(sum / n - bandit.TrueValues[a], -0.04, 0.04);
        }
    }

    [Fact]
    public void Optimal_action_is_the_argmax_and_seeds_are_deterministic()
    {
        BanditTestbed a = BanditTestbed.Stationary(10, seed: 3), b = BanditTestbed.Stationary(10, seed: 3);
        BanditTestbed c = BanditTestbed.Stationary(10, seed: 4);
        Assert.Equal(a.TrueValues.ToArray(), b.TrueValues.ToArray());
        Assert.NotEqual(a.TrueValues.ToArray(), c.TrueValues.ToArray());
        Assert.Equal(a.TrueValues.ToArray().Max(), a.TrueValues[a.OptimalAction]);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => a.Pull(i % 10)), Enumerable.Range(0, 20).Select(i => b.Pull(i % 10)));
        Assert.Equal(4.0, BanditTestbed.Stationary(10, seed: 0, mean: 4).TrueValues.ToArray().Average(), 0);
    }

    [Fact]
    public void Nonstationary_values_start_equal_then_walk()
    {
        // Exercise 2.5: after t pulls each q*(a) − q*(0 at start) ~ 𝒩(0, t σ²); with t = 10⁴, σ = 0.01 the sd is 1.
        BanditTestbed bandit = BanditTestbed.Nonstationary(10, seed: 2);
        Assert.All(bandit.TrueValues.ToArray(), q => Assert.Equal(0.0, q));
        for (int t = 0; t < 10_000; t++)
        {
            bandit.Pull(t % 10);
        }

        Assert.Equal(10, bandit.TrueValues.ToArray().Distinct().Count());
        Assert.All(bandit.TrueValues.ToArray(), q => Assert.InRange(q, -5, 5));
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        Assert.Equal("action", Assert.Throws<ArgumentOutOfRangeException>(() => BanditTestbed.Stationary().Pull(10)).ParamName);
        Assert.Equal("armCount", Assert.Throws<ArgumentOutOfRangeException>(() => BanditTestbed.Stationary(0)).ParamName);
        Assert.Equal("walkStd", Assert.Throws<ArgumentOutOfRangeException>(() => BanditTestbed.Nonstationary(walkStd: 0)).ParamName);
    }
}
