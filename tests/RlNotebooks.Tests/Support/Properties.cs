using FsCheck;
using FsCheck.Fluent;

namespace RlNotebooks.Tests.Support;

/// <summary>FsCheck 3 glue for xunit facts: generators of finite inputs and a seeded, throwing check.</summary>
public static class Properties
{
    /// <summary>Number of random cases per property.</summary>
    public const int Cases = 200;

    /// <summary>A finite double in [-<paramref name="bound"/>, <paramref name="bound"/>].</summary>
    public static Gen<double> Finite(double bound = 10.0) =>
        Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1_000_000.0 * bound);

    /// <summary>A double in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static Gen<double> Between(double low, double high) =>
        Gen.Choose(0, 1_000_000).Select(i => low + (high - low) * i / 1_000_000.0);

    /// <summary>An array of <paramref name="element"/> with length in [<paramref name="minLength"/>, <paramref name="maxLength"/>].</summary>
    public static Gen<double[]> ArrayOf(Gen<double> element, int minLength = 1, int maxLength = 30) =>
        Gen.Choose(minLength, maxLength).SelectMany(n => Gen.ArrayOf(element, n));

    /// <summary>Checks <paramref name="property"/> on <see cref="Cases"/> generated values and throws on the first counter-example.</summary>
    public static void Check<T>(Gen<T> generator, Func<T, bool> property)
    {
        Prop.ForAll(generator.ToArbitrary(), property)
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true));
    }

    /// <summary>Checks an assertion-style property (it throws on failure) on generated values.</summary>
    public static void Check<T>(Gen<T> generator, Action<T> property)
    {
        Prop.ForAll(generator.ToArbitrary(), property)
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true));
    }
}
