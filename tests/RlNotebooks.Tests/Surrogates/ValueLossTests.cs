using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.Surrogates;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Surrogates;

public class ValueLossTests
{
    [Fact]
    public void Worked_example_unclipped()
    {
        // V = [1, 3], V^targ = [0, 0]: ½(1 + 9)/2 = 2.5; gradient (V − V^targ)/n = [0.5, 1.5].
        var result = ValueLoss.UnclippedWithGradient([1.0, 3.0], [0.0, 0.0]);
        Assert.Equal(2.5, result.Value, 12);
        Assert.Equal([0.5, 1.5], result.Gradient);
    }

    [Fact]
    public void Worked_example_clipped_like_baselines_ppo2()
    {
        // V_old = [0, 0], ε_v = 0.5, V = [1, −1], V^targ = [2, 0].
        // t0: (1 − 2)² = 1; V^clip = 0 + clip(1, ±0.5) = 0.5 → (0.5 − 2)² = 2.25; max = 2.25 (clipped → gradient 0).
        // t1: (−1 − 0)² = 1; V^clip = −0.5 → 0.25; max = 1 (unclipped → gradient −1/2).
        // L^VF = ½(2.25 + 1)/2 = 0.8125.
        var result = ValueLoss.ClippedWithGradient([1.0, -1.0], [0.0, 0.0], [2.0, 0.0], 0.5);
        Assert.Equal(0.8125, result.Value, 12);
        Assert.Equal([0.0, -0.5], result.Gradient);
        Assert.Equal(0.8125, ValueLoss.Clipped([1.0, -1.0], [0.0, 0.0], [2.0, 0.0], 0.5), 12);
    }

    /// <summary>V, V_old, V^targ of one length n ∈ [1, 10] (entries in ±5) and a value clip ε_v ∈ [minClip, 2].</summary>
    private static Gen<(double[] values, double[] oldValues, double[] targets, double clip)> Batches(double minClip) =>
        from n in Gen.Choose(1, 10)
        from values in Gen.ArrayOf(Properties.Finite(5), n)
        from oldValues in Gen.ArrayOf(Properties.Finite(5), n)
        from targets in Gen.ArrayOf(Properties.Finite(5), n)
        from clip in Properties.Between(minClip, 2)
        select (values, oldValues, targets, clip);

    [Fact]
    public void Clipped_loss_is_never_below_the_unclipped_loss()
    {
        Properties.Check(Batches(minClip: 0.01), x =>
            ValueLoss.Clipped(x.values, x.oldValues, x.targets, x.clip) >= ValueLoss.Unclipped(x.values, x.targets) - 1e-12);
    }

    [Fact]
    public void Gradients_match_central_finite_differences()
    {
        Properties.Check(Batches(minClip: 0.05), x =>
        {
            for (int t = 0; t < x.values.Length; t++)
            {
                double clipped = x.oldValues[t] + Math.Clamp(x.values[t] - x.oldValues[t], -x.clip, x.clip);
                if (Math.Abs(Math.Abs(x.values[t] - x.oldValues[t]) - x.clip) < 1e-4
                    || Math.Abs(Math.Abs(x.values[t] - x.targets[t]) - Math.Abs(clipped - x.targets[t])) < 1e-4)
                {
                    return; // a kink of clip/max.
                }
            }

            FiniteDifferences.AssertClose(
                FiniteDifferences.Gradient(v => ValueLoss.Unclipped(v, x.targets), x.values),
                ValueLoss.UnclippedWithGradient(x.values, x.targets).Gradient);
            FiniteDifferences.AssertClose(
                FiniteDifferences.Gradient(v => ValueLoss.Clipped(v, x.oldValues, x.targets, x.clip), x.values),
                ValueLoss.ClippedWithGradient(x.values, x.oldValues, x.targets, x.clip).Gradient);
        });
    }

    [Fact]
    public void Bad_inputs_name_the_parameter()
    {
        var nan = Assert.ThrowsAny<ArgumentException>(() => ValueLoss.Unclipped([1.0, 2.0], [0.0, double.NaN]));
        Assert.Equal("targets", nan.ParamName);
        Assert.Contains("[1]", nan.Message);
        var clip = Assert.ThrowsAny<ArgumentException>(() => ValueLoss.Clipped([1.0], [0.0], [0.0], 0.0));
        Assert.Equal("clipRange", clip.ParamName);
        Assert.Equal("oldValues", Assert.ThrowsAny<ArgumentException>(() => ValueLoss.Clipped([1.0], [0.0, 1.0], [0.0], 0.2)).ParamName);
        Assert.Equal("gradient", Assert.ThrowsAny<ArgumentException>(
            () => ValueLoss.UnclippedWithGradientInto([1.0], [0.0], new double[2])).ParamName);
        Assert.Equal("values", Assert.ThrowsAny<ArgumentException>(() => ValueLoss.Unclipped([], [])).ParamName);
    }
}
