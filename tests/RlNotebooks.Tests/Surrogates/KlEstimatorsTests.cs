using RlNotebooks.Distributions;
using RlNotebooks.Surrogates;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Surrogates;

public class KlEstimatorsTests
{
    [Fact]
    public void Worked_example()
    {
        // π_new(a) = 0.5, π_old(a) = 0.25 → r = 2: k1 = −ln 2 ≈ −0.6931472; k3 = (2 − 1) − ln 2 ≈ 0.3068528.
        double[] newLogProbs = [Math.Log(0.5)];
        double[] oldLogProbs = [Math.Log(0.25)];
        Assert.Equal(-Math.Log(2), KlEstimators.K1(newLogProbs, oldLogProbs), 12);
        Assert.Equal(1 - Math.Log(2), KlEstimators.K3(newLogProbs, oldLogProbs), 12);
    }

    [Fact]
    public void Both_estimators_are_unbiased_for_kl_old_to_new_under_old_samples()
    {
        // Exact expectation over a ~ π_old of a 3-action categorical: Σ_a π_old(a) k(a) must equal D_KL(π_old ‖ π_new).
        double[] logitsOld = [0.3, -1.2, 2.0];
        double[] logitsNew = [1.0, 0.4, -0.5];
        var pOld = Softmax.Probabilities(logitsOld);
        double expectedK1 = 0, expectedK3 = 0;
        for (int a = 0; a < 3; a++)
        {
            double[] newLp = [Categorical.LogProb(logitsNew, a)];
            double[] oldLp = [Categorical.LogProb(logitsOld, a)];
            expectedK1 += pOld[a] * KlEstimators.K1(newLp, oldLp);
            expectedK3 += pOld[a] * KlEstimators.K3(newLp, oldLp);
        }

        double exact = Categorical.KlDivergence(logitsOld, logitsNew);
        Assert.Equal(exact, expectedK1, 12);
        Assert.Equal(exact, expectedK3, 12);
        Assert.NotEqual(exact, Categorical.KlDivergence(logitsNew, logitsOld), 3);
    }

    [Fact]
    public void K3_is_never_negative()
    {
        var gen = Properties.ArrayOf(Properties.Finite(20));
        Properties.Check(gen, logRatios => KlEstimators.K3(logRatios, new double[logRatios.Length]) >= 0.0);
        Assert.True(KlEstimators.K3([1e-17], [0.0]) >= 0.0);
        Assert.True(KlEstimators.K3([-1e-17], [0.0]) >= 0.0);
    }

    [Fact]
    public void Bad_inputs_name_the_parameter()
    {
        var nan = Assert.ThrowsAny<ArgumentException>(() => KlEstimators.K1([0.0, double.NaN], [0.0, 0.0]));
        Assert.Equal("newLogProbs", nan.ParamName);
        Assert.Contains("[1]", nan.Message);
        var length = Assert.ThrowsAny<ArgumentException>(() => KlEstimators.K3([0.0], [0.0, 0.0]));
        Assert.Equal("oldLogProbs", length.ParamName);
    }
}
