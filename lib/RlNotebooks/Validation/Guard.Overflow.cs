namespace RlNotebooks.Validation;

/// <summary>The error for finite inputs whose result would overflow to ±∞ (functions never return NaN or ∞).</summary>
public static partial class Guard
{
    /// <summary>
    /// Builds the exception thrown when <paramref name="quantity"/>, computed from finite inputs, overflowed to ±∞ or NaN.
    /// Use as <c>throw Guard.Overflow("Gₜ", nameof(rewards));</c> after the inputs themselves were found finite.
    /// </summary>
    public static ArgumentException Overflow(string quantity, string paramName) =>
        new($"{quantity} overflowed to ±∞: every input is finite, but {paramName} (with the values it is accumulated with) is too large in magnitude to represent the result.", paramName);
}
