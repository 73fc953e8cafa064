using RlNotebooks.Bellman;

namespace RlNotebooks.Tests.Bellman;

public class TabularMdpTests
{
    [Fact]
    public void Rejects_rows_that_do_not_sum_to_one()
    {
        var p = new double[1, 1, 1] { { { 0.5 } } };
        var ex = Assert.ThrowsAny<ArgumentException>(() => TabularMdp.FromDense(p, new double[1, 1], 0.9));
        Assert.Contains("s=0, a=0", ex.Message);
        Assert.Contains("0.5", ex.Message);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Rejects_gamma_outside_unit_interval(double gamma)
    {
        var p = new double[1, 1, 1] { { { 1.0 } } };
        var ex = Assert.ThrowsAny<ArgumentException>(() => TabularMdp.FromDense(p, new double[1, 1], gamma));
        Assert.Equal("gamma", ex.ParamName);
    }

    [Fact]
    public void Duplicate_outcomes_add_up_like_gymnasium_lists()
    {
        var mdp = new TabularMdp(2, 1,
            [[new Outcome(0, 1.0 / 3, 0), new Outcome(0, 1.0 / 3, 0), new Outcome(1, 1.0 / 3, 1)], [new Outcome(1, 1, 0)]],
            0.9, [1]);
        Assert.Equal(2.0 / 3, mdp.Probability(0, 0, 0), 12);
        Assert.Equal(1.0 / 3, mdp.ExpectedReward(0, 0), 12);
        Assert.True(mdp.IsTerminal(1));
        Assert.Equal(0.5, (mdp with { Gamma = 0.5 }).Gamma);
    }

    [Fact]
    public void FsCheck_glue_runs()
    {
        Support.Properties.Check(Support.Properties.ArrayOf(Support.Properties.Finite()), xs => xs.All(double.IsFinite));
    }
}
