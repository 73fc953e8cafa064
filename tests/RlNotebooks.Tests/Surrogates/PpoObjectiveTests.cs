using RlNotebooks.Surrogates;

namespace RlNotebooks.Tests.Surrogates;

public class PpoObjectiveTests
{
    [Fact]
    public void Combines_the_three_terms_as_in_eq_9()
    {
        // L^CLIP = 0.825 (see ClippedSurrogateTests), L^VF = ½(1 + 9 + 0 + 0)/4 = 1.25, S = (1 + 1 + 2 + 2)/4 = 1.5.
        // c₁ = 0.5, c₂ = 0.01: total = 0.825 − 0.625 + 0.015 = 0.215.
        double[] newLogProbs = [Math.Log(1.5), Math.Log(0.5), Math.Log(1.1), Math.Log(0.7)];
        var terms = PpoObjective.Evaluate(newLogProbs, new double[4], [1.0, -1.0, 2.0, 1.0], 0.2,
            [1.0, 3.0, 0.0, 0.0], new double[4], [1.0, 1.0, 2.0, 2.0], 0.5, 0.01);
        Assert.Equal(0.825, terms.ClippedSurrogate, 12);
        Assert.Equal(1.25, terms.ValueLoss, 12);
        Assert.Equal(1.5, terms.Entropy, 12);
        Assert.Equal(0.215, terms.Total, 12);
    }

    [Fact]
    public void Clipped_value_overload_uses_the_clipped_value_loss()
    {
        // Single sample with r = 1, Â = 2 → L^CLIP = 2; V = 1, V_old = 0, V^targ = 2, ε_v = 0.5 → L^VF = ½·2.25 = 1.125.
        // c₁ = 1, c₂ = 0.1, S = 0.7: total = 2 − 1.125 + 0.07 = 0.945.
        var terms = PpoObjective.Evaluate([0.0], [0.0], [2.0], 0.2, [1.0], [0.0], [2.0], 0.5, [0.7], 1.0, 0.1);
        Assert.Equal(1.125, terms.ValueLoss, 12);
        Assert.Equal(0.945, terms.Total, 12);
    }

    [Fact]
    public void Entropy_bonus_is_the_mean_entropy()
    {
        Assert.Equal(2.0, EntropyBonus.Mean([1.0, 2.0, 3.0]), 12);
    }

    [Fact]
    public void Bad_inputs_name_the_parameter()
    {
        Assert.Equal("entropies", Assert.ThrowsAny<ArgumentException>(
            () => PpoObjective.Evaluate([0.0], [0.0], [1.0], 0.2, [0.0], [0.0], [1.0, 1.0], 0.5, 0.01)).ParamName);
        Assert.Equal("values", Assert.ThrowsAny<ArgumentException>(
            () => PpoObjective.Evaluate([0.0], [0.0], [1.0], 0.2, [0.0, 1.0], [0.0, 1.0], [1.0], 0.5, 0.01)).ParamName);
        var c1 = Assert.ThrowsAny<ArgumentException>(
            () => PpoObjective.Evaluate([0.0], [0.0], [1.0], 0.2, [0.0], [0.0], [1.0], -0.5, 0.01));
        Assert.Equal("valueCoefficient", c1.ParamName);
        Assert.Contains("-0.5", c1.Message);
        var entropy = Assert.ThrowsAny<ArgumentException>(() => EntropyBonus.Mean([1.0, double.NaN]));
        Assert.Equal("entropies", entropy.ParamName);
        Assert.Contains("[1]", entropy.Message);
    }
}
