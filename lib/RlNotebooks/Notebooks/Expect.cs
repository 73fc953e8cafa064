using System.Globalization;

namespace RlNotebooks.Notebooks;

/// <summary>Thrown by <see cref="Expect"/> when a notebook's asserted learning outcome does not hold.</summary>
public sealed class ExpectationFailedException(string message) : Exception(message);

/// <summary>
/// Assertions for notebook cells: a failed expectation throws <see cref="ExpectationFailedException"/>, which fails the
/// cell in VS Code and fails the headless run (and so CI). On success each returns a one-line confirmation to display.
/// </summary>
public static class Expect
{
    /// <summary>Asserts <paramref name="condition"/>; <paramref name="claim"/> says what was expected.</summary>
    public static string True(bool condition, string claim) =>
        condition ? $"✓ {claim}" : throw new ExpectationFailedException($"Expected: {claim}");

    /// <summary>Asserts |actual − expected| ≤ tolerance.</summary>
    public static string Close(double actual, double expected, double tolerance, string what)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        string text = $"{what} = {Format(actual)} (expected {Format(expected)} ± {Format(tolerance)})";
        return Math.Abs(actual - expected) <= tolerance ? $"✓ {text}" : throw new ExpectationFailedException($"Expected: {text}");
    }

    /// <summary>Asserts actual ≥ minimum.</summary>
    public static string AtLeast(double actual, double minimum, string what)
    {
        string text = $"{what} = {Format(actual)} ≥ {Format(minimum)}";
        return actual >= minimum ? $"✓ {text}" : throw new ExpectationFailedException($"Expected: {text}");
    }

    /// <summary>Asserts actual ≤ maximum.</summary>
    public static string AtMost(double actual, double maximum, string what)
    {
        string text = $"{what} = {Format(actual)} ≤ {Format(maximum)}";
        return actual <= maximum ? $"✓ {text}" : throw new ExpectationFailedException($"Expected: {text}");
    }

    /// <summary>Asserts that every element of <paramref name="actual"/> is within tolerance of <paramref name="expected"/>.</summary>
    public static string AllClose(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, double tolerance, string what)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        if (actual.Length != expected.Length)
        {
            throw new ExpectationFailedException($"Expected: {what} to have {expected.Length} entries but it has {actual.Length}.");
        }

        for (int i = 0; i < actual.Length; i++)
        {
            if (!(Math.Abs(actual[i] - expected[i]) <= tolerance))
            {
                throw new ExpectationFailedException(
                    $"Expected: {what}[{i}] = {Format(actual[i])} to be within {Format(tolerance)} of {Format(expected[i])}.");
            }
        }

        return $"✓ {what}: all {actual.Length} entries within {Format(tolerance)}";
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
