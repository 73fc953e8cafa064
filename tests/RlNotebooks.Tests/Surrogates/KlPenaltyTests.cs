using RlNotebooks.Surrogates;

namespace RlNotebooks.Tests.Surrogates;

public class KlPenaltyTests
{
    [Fact]
    public void Penalised_surrogate_subtracts_beta_times_kl()
    {
        // r = [2, 0.5], Â = [1, 4] → L^CPI = (2 + 2)/2 = 2; β = 3, KL = 0.1 → 2 − 0.3 = 1.7.
        double[] newLogProbs = [Math.Log(2), Math.Log(0.5)];
        Assert.Equal(1.7, KlPenalizedSurrogate.Value(newLogProbs, [0.0, 0.0], [1.0, 4.0], 3.0, 0.1), 12);
    }

    [Theory]
    // PPO paper §4 with d_targ = 0.5: 1.5·d_targ = 0.75 and d_targ/1.5 = 1/3.
    [InlineData(1.0, 0.8, 2.0)]      // d > 0.75 → β × 2
    [InlineData(1.0, 0.75, 1.0)]     // boundary, not strictly greater → unchanged
    [InlineData(1.0, 0.5, 1.0)]      // on target → unchanged
    [InlineData(1.0, 0.34, 1.0)]     // just above 1/3 → unchanged
    [InlineData(1.0, 0.5 / 1.5, 1.0)] // boundary, not strictly less → unchanged
    [InlineData(1.0, 0.3, 0.5)]      // d < 1/3 → β / 2
    [InlineData(4.0, -0.01, 2.0)]    // a slightly negative k1 estimate still halves β
    public void Adaptive_beta_rule(double beta, double observed, double expected)
    {
        Assert.Equal(expected, AdaptiveKlPenalty.NextBeta(beta, observed, 0.5));
    }

    [Fact]
    public void Bad_inputs_name_the_parameter()
    {
        Assert.Equal("beta", Assert.ThrowsAny<ArgumentException>(() => AdaptiveKlPenalty.NextBeta(0.0, 0.1, 0.01)).ParamName);
        Assert.Equal("targetKl", Assert.ThrowsAny<ArgumentException>(() => AdaptiveKlPenalty.NextBeta(1.0, 0.1, -1)).ParamName);
        var nan = Assert.ThrowsAny<ArgumentException>(() => AdaptiveKlPenalty.NextBeta(1.0, double.NaN, 0.01));
        Assert.Equal("observedKl", nan.ParamName);
        Assert.Contains("NaN", nan.Message);
        var beta = Assert.ThrowsAny<ArgumentException>(() => KlPenalizedSurrogate.Value([0.0], [0.0], [1.0], -2.0, 0.1));
        Assert.Equal("beta", beta.ParamName);
        Assert.Contains("-2", beta.Message);
        Assert.Equal("klDivergence", Assert.ThrowsAny<ArgumentException>(
            () => KlPenalizedSurrogate.Value([0.0], [0.0], [1.0], 1.0, double.PositiveInfinity)).ParamName);
    }
}
