using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.OffPolicy;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.OffPolicy;

public class Td3TargetsTests
{
    [Fact]
    public void Worked_example_clips_noise_first_then_the_action()
    {
        // Spinning Up TD3: a′(s′) = clip(μ′(s′) + clip(ε, −c, c), a_low, a_high), c = 0.5, box [−1, 1]².
        // Row 0: μ′ = (0.9, −0.2), ε = (0.7, −0.1) → clip(ε) = (0.5, −0.1) → (1.4, −0.3) → clip → (1.0, −0.3).
        // Row 1: μ′ = (0.2, 0.0), ε = (0.7, −2.0) → clip(ε) = (0.5, −0.5) → (0.7, −0.5); adding the raw noise first would
        //        give clip(0.9) = 0.9 and clip(−2.0) = −1.0 instead.
        double[] actions = Td3Targets.SmoothedActions([0.9, -0.2, 0.2, 0.0], [0.7, -0.1, 0.7, -2.0], 0.5, [-1.0, -1.0], [1.0, 1.0]);

        Assert.Equal(1.0, actions[0]);
        Assert.Equal(-0.3, actions[1], 15);
        Assert.Equal(0.7, actions[2], 15);
        Assert.Equal(-0.5, actions[3]);
    }

    [Fact]
    public void Worked_example_twin_minimum_target()
    {
        // y = r + γ(1 − d) min(Q₁′, Q₂′): (1 + 0.99·min(10, 8) = 8.92), terminated → y = r = 2.
        double[] y = Td3Targets.Targets([1.0, 2.0], [false, true], [10.0, 10.0], [8.0, 8.0], 0.99);

        Assert.Equal(8.92, y[0], 14);
        Assert.Equal(2.0, y[1]);
    }

    [Fact]
    public void Sampled_noise_is_clipped_and_smoothed_actions_stay_in_bounds()
    {
        var gen =
            from dim in Gen.Choose(1, 4)
            from batch in Gen.Choose(1, 8)
            from mu in Gen.ArrayOf(Properties.Finite(3.0), dim * batch)
            from low in Gen.ArrayOf(Properties.Between(-2.0, 0.0), dim)
            from width in Gen.ArrayOf(Properties.Between(0.0, 3.0), dim)
            from sigma in Properties.Between(0.0, 2.0)
            from clip in Properties.Between(0.0, 1.0)
            from seed in Gen.Choose(0, int.MaxValue)
            select (dim, mu, low, high: low.Select((l, i) => l + width[i]).ToArray(), sigma, clip, seed);

        Properties.Check(gen, c =>
        {
            double[] noise = Td3Targets.SampleNoise(c.mu.Length, c.sigma, c.clip, new Random(c.seed));
            Assert.All(noise, e => Assert.InRange(e, -c.clip, c.clip));

            double[] actions = Td3Targets.SampleSmoothedActions(c.mu, c.sigma, c.clip, c.low, c.high, new Random(c.seed));
            for (int i = 0; i < actions.Length; i++)
            {
                Assert.InRange(actions[i], c.low[i % c.dim], c.high[i % c.dim]);
            }

            Assert.Equal(Td3Targets.SmoothedActions(c.mu, noise, c.clip, c.low, c.high), actions);
        });
    }

    [Fact]
    public void Same_seed_gives_the_same_noise_and_the_noise_has_the_requested_scale()
    {
        double[] a = Td3Targets.SampleNoise(20_000, 0.2, 10.0, new Random(7));
        double[] b = Td3Targets.SampleNoise(20_000, 0.2, 10.0, new Random(7));
        Assert.Equal(a, b);

        // With c = 10 = 50σ clipping is inactive: sample mean ≈ 0 (SE 0.0014), sample sd ≈ 0.2 (SE ≈ 0.001).
        double mean = a.Average();
        double sd = Math.Sqrt(a.Select(x => (x - mean) * (x - mean)).Sum() / (a.Length - 1));
        Assert.InRange(mean, -0.006, 0.006);
        Assert.InRange(sd, 0.195, 0.205);
    }

    [Fact]
    public void Twin_target_uses_the_smaller_critic()
    {
        var gen =
            from r in Properties.Finite()
            from q1 in Properties.Finite()
            from q2 in Properties.Finite()
            from gamma in Properties.Between(0.0, 1.0)
            select (r, q1, q2, gamma);

        Properties.Check(gen, c =>
        {
            double y = Td3Targets.Targets([c.r], [false], [c.q1], [c.q2], c.gamma)[0];
            Assert.Equal(c.r + c.gamma * Math.Min(c.q1, c.q2), y);
            Assert.True(y <= c.r + c.gamma * c.q1 && y <= c.r + c.gamma * c.q2);
        });
    }

    [Fact]
    public void Rejects_bad_input()
    {
        var order = Assert.ThrowsAny<ArgumentException>(() => Td3Targets.SmoothedActions([0.0, 0.0], [0.0, 0.0], 0.5, [-1.0, 2.0], [1.0, 1.0]));
        Assert.Equal("high", order.ParamName);
        Assert.Contains("low[1] = 2", order.Message);
        Assert.Equal("high", Assert.ThrowsAny<ArgumentException>(() => Td3Targets.SmoothedActions([0.0], [0.0], 0.5, [-1.0], [1.0, 2.0])).ParamName);
        Assert.Equal("targetActions", Assert.ThrowsAny<ArgumentException>(() => Td3Targets.SmoothedActions([0.0, 0.0, 0.0], [0.0, 0.0, 0.0], 0.5, [-1.0, -1.0], [1.0, 1.0])).ParamName);
        Assert.Equal("noise", Assert.ThrowsAny<ArgumentException>(() => Td3Targets.SmoothedActions([0.0], [0.0, 0.0], 0.5, [-1.0], [1.0])).ParamName);
        Assert.Equal("noiseClip", Assert.ThrowsAny<ArgumentException>(() => Td3Targets.SmoothedActions([0.0], [0.0], -0.5, [-1.0], [1.0])).ParamName);
        Assert.Contains("noise[0]", Assert.ThrowsAny<ArgumentException>(() => Td3Targets.SmoothedActions([0.0], [double.NaN], 0.5, [-1.0], [1.0])).Message);
        Assert.Equal("sigma", Assert.ThrowsAny<ArgumentException>(() => Td3Targets.SampleNoise(3, -0.2, 0.5, new Random(1))).ParamName);
        Assert.Equal("count", Assert.ThrowsAny<ArgumentException>(() => Td3Targets.SampleNoise(0, 0.2, 0.5, new Random(1))).ParamName);
        Assert.Throws<ArgumentNullException>(() => Td3Targets.SampleNoise(3, 0.2, 0.5, null!));

        Assert.Equal("gamma", Assert.ThrowsAny<ArgumentException>(() => Td3Targets.Targets([1.0], [false], [1.0], [1.0], 1.01)).ParamName);
        Assert.Equal("nextQ2", Assert.ThrowsAny<ArgumentException>(() => Td3Targets.Targets([1.0], [false], [1.0], [1.0, 2.0], 0.9)).ParamName);
        Assert.Contains("nextQ1[0]", Assert.ThrowsAny<ArgumentException>(() => Td3Targets.Targets([1.0], [false], [double.NaN], [1.0], 0.9)).Message);
    }
}
