using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.OffPolicy;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.OffPolicy;

public class SacTemperatureTests
{
    [Fact]
    public void Worked_example()
    {
        // log α = ln 0.5 → α = 0.5; log π = (−1, −3), H̄ = −2: log π + H̄ = (−3, −5), mean −4.
        // J = −0.5·(−4) = 2 and ∂J/∂log α = α·∂J/∂α = 0.5·4 = 2 > 0: the policy's entropy (≈ 2) exceeds the target (−2),
        // so gradient descent lowers α.
        TemperatureLoss result = SacTemperature.Loss(Math.Log(0.5), [-1.0, -3.0], -2.0);

        Assert.Equal(0.5, result.Alpha, 15);
        Assert.Equal(2.0, result.Loss, 14);
        Assert.Equal(2.0, result.GradientLogAlpha, 14);
    }

    [Fact]
    public void Default_target_entropy_is_minus_the_action_dimension()
    {
        // SAC "Algorithms and Applications" (Haarnoja et al. 2018) and Stable-Baselines3: H̄ = −dim(A).
        Assert.Equal(-6.0, SacTemperature.DefaultTargetEntropy(6));
        Assert.Equal(-1.0, SacTemperature.DefaultTargetEntropy(1));
    }

    [Fact]
    public void Low_entropy_policy_pushes_alpha_up()
    {
        // log π = 3 (a very peaked policy, entropy ≈ −3) with H̄ = −1: mean(log π + H̄) = 2 > 0 → ∂J/∂log α < 0.
        Assert.True(SacTemperature.Loss(0.0, [3.0, 3.0], -1.0).GradientLogAlpha < 0.0);
    }

    [Fact]
    public void Gradient_matches_central_finite_differences()
    {
        var gen =
            from logAlpha in Properties.Between(-5.0, 3.0)
            from logProbs in Properties.ArrayOf(Properties.Finite(5.0), 1, 16)
            from targetEntropy in Properties.Between(-6.0, 0.0)
            select (logAlpha, logProbs, targetEntropy);

        Properties.Check(gen, c =>
        {
            double numeric = FiniteDifferences.Gradient(a => SacTemperature.Loss(a[0], c.logProbs, c.targetEntropy).Loss, [c.logAlpha], h: 1e-5)[0];
            double analytic = SacTemperature.Loss(c.logAlpha, c.logProbs, c.targetEntropy).GradientLogAlpha;

            Assert.Equal(numeric, analytic, 1e-6 * (1 + Math.Abs(analytic)));
        });
    }

    [Fact]
    public void Rejects_bad_input()
    {
        Assert.Equal("logProbs", Assert.ThrowsAny<ArgumentException>(() => SacTemperature.Loss(0.0, [], -1.0)).ParamName);
        var nan = Assert.ThrowsAny<ArgumentException>(() => SacTemperature.Loss(0.0, [0.0, double.NaN], -1.0));
        Assert.Equal("logProbs", nan.ParamName);
        Assert.Contains("logProbs[1]", nan.Message);
        Assert.Equal("logAlpha", Assert.ThrowsAny<ArgumentException>(() => SacTemperature.Loss(double.NaN, [0.0], -1.0)).ParamName);
        Assert.Equal("logAlpha", Assert.ThrowsAny<ArgumentException>(() => SacTemperature.Loss(800.0, [0.0], -1.0)).ParamName);
        Assert.Equal("targetEntropy", Assert.ThrowsAny<ArgumentException>(() => SacTemperature.Loss(0.0, [0.0], double.PositiveInfinity)).ParamName);
        Assert.Equal("actionDimension", Assert.ThrowsAny<ArgumentException>(() => SacTemperature.DefaultTargetEntropy(0)).ParamName);
    }
}
