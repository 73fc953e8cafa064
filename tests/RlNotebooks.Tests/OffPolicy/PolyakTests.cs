using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.OffPolicy;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.OffPolicy;

public class PolyakTests
{
    private static Gen<(double[] Target, double[] Online)> Pairs() =>
        from n in Gen.Choose(1, 20)
        from target in Gen.ArrayOf(Properties.Finite(), n)
        from online in Gen.ArrayOf(Properties.Finite(), n)
        select (target, online);

    [Fact]
    public void Worked_example()
    {
        // θ′ ← τθ + (1 − τ)θ′ with τ = 0.1: 0.1·3 + 0.9·1 = 1.2 and 0.1·(−2) + 0.9·0 = −0.2.
        double[] updated = Polyak.Update([1.0, 0.0], [3.0, -2.0], 0.1);

        Assert.Equal(1.2, updated[0], 15);
        Assert.Equal(-0.2, updated[1], 15);
    }

    [Fact]
    public void Tau_one_copies_and_tau_zero_keeps()
    {
        Properties.Check(Pairs(), c =>
        {
            Assert.Equal(c.Online, Polyak.Update(c.Target, c.Online, 1.0));
            Assert.Equal(c.Target, Polyak.Update(c.Target, c.Online, 0.0));
        });
    }

    [Fact]
    public void Result_is_a_convex_combination_and_in_place_matches()
    {
        var gen = from pair in Pairs() from tau in Properties.Between(0.0, 1.0) select (pair.Target, pair.Online, tau);

        Properties.Check(gen, c =>
        {
            double[] updated = Polyak.Update(c.Target, c.Online, c.tau);
            double[] inPlace = (double[])c.Target.Clone();
            Polyak.UpdateInPlace(inPlace, c.Online, c.tau);

            Assert.Equal(updated, inPlace);
            for (int i = 0; i < updated.Length; i++)
            {
                double lo = Math.Min(c.Target[i], c.Online[i]), hi = Math.Max(c.Target[i], c.Online[i]);
                Assert.InRange(updated[i], lo - 1e-12, hi + 1e-12);
            }
        });
    }

    [Fact]
    public void Rejects_bad_input()
    {
        Assert.Equal("tau", Assert.ThrowsAny<ArgumentException>(() => Polyak.Update([1.0], [2.0], 1.5)).ParamName);
        Assert.Equal("tau", Assert.ThrowsAny<ArgumentException>(() => Polyak.Update([1.0], [2.0], -0.01)).ParamName);
        Assert.Equal("tau", Assert.ThrowsAny<ArgumentException>(() => Polyak.Update([1.0], [2.0], double.NaN)).ParamName);
        Assert.Equal("online", Assert.ThrowsAny<ArgumentException>(() => Polyak.Update([1.0], [2.0, 3.0], 0.5)).ParamName);
        Assert.Equal("target", Assert.ThrowsAny<ArgumentException>(() => Polyak.Update([], [], 0.5)).ParamName);
        var nan = Assert.ThrowsAny<ArgumentException>(() => Polyak.UpdateInPlace(new[] { 1.0, double.NaN }, [1.0, 2.0], 0.5));
        Assert.Equal("target", nan.ParamName);
        Assert.Contains("target[1]", nan.Message);
    }
}
