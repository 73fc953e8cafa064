using System.Runtime.CompilerServices;

namespace RlNotebooks.Validation;

/// <summary>
/// Argument checks shared by every function family. Each check throws an <see cref="ArgumentException"/>
/// (or <see cref="ArgumentOutOfRangeException"/>) whose message names the parameter and, for arrays,
/// the offending index and value. Only generic checks live here; checks that belong to one function family live in that
/// family. Copy this one file together with any function file you copy.
/// </summary>
public static class Guard
{
    /// <summary>Throws unless <paramref name="value"/> is a finite number (not NaN, not ±∞).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Finite(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be finite but was {value}.");
        }
    }

    /// <summary>Throws unless every element of <paramref name="values"/> is finite; names the first bad index.</summary>
    public static void AllFinite(ReadOnlySpan<double> values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{paramName}[{i}] must be finite but was {values[i]}.", paramName);
            }
        }
    }

    /// <summary>Throws when the sequence is empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NotEmpty(int length, [CallerArgumentExpression(nameof(length))] string? paramName = null)
    {
        if (length == 0)
        {
            throw new ArgumentException($"{paramName} must not be empty.", paramName);
        }
    }

    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/> (the length of the reference input).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SameLength(int expected, int actual, string paramName, string referenceName)
    {
        if (actual != expected)
        {
            throw new ArgumentException(
                $"{paramName} has length {actual} but {referenceName} has length {expected}; they must match.", paramName);
        }
    }

    /// <summary>Throws unless 0 ≤ <paramref name="value"/> ≤ 1 (discounts γ, trace parameters λ, probabilities, ε).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void UnitInterval(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value >= 0.0 && value <= 1.0))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must lie in [0, 1] but was {value}.");
        }
    }

    /// <summary>Throws unless every element lies in [0, 1]; names the first bad index.</summary>
    public static void AllUnitInterval(ReadOnlySpan<double> values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!(values[i] >= 0.0 && values[i] <= 1.0))
            {
                throw new ArgumentException($"{paramName}[{i}] must lie in [0, 1] but was {values[i]}.", paramName);
            }
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and strictly positive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Positive(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value > 0.0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be finite and > 0 but was {value}.");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and ≥ 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value >= 0.0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be finite and ≥ 0 but was {value}.");
        }
    }

    /// <summary>Throws unless the integer <paramref name="value"/> is ≥ <paramref name="minimum"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AtLeast(int value, int minimum, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be ≥ {minimum} but was {value}.");
        }
    }

    /// <summary>Throws unless 0 ≤ <paramref name="index"/> &lt; <paramref name="count"/> (state and action indices).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Index(int index, int count, [CallerArgumentExpression(nameof(index))] string? paramName = null)
    {
        if ((uint)index >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(paramName, index, $"{paramName} must lie in [0, {count - 1}] but was {index}.");
        }
    }

    /// <summary>
    /// Throws unless the entries are non-negative, finite and sum to 1 within <paramref name="tolerance"/>
    /// (a probability distribution such as a row P(·|s,a) or π(·|s)).
    /// </summary>
    public static void Distribution(ReadOnlySpan<double> probabilities, double tolerance = 1e-9,
        [CallerArgumentExpression(nameof(probabilities))] string? paramName = null)
    {
        NotEmpty(probabilities.Length, paramName);
        double sum = 0.0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = probabilities[i];
            if (!(p >= 0.0 && double.IsFinite(p)))
            {
                throw new ArgumentException($"{paramName}[{i}] must be a finite probability ≥ 0 but was {p}.", paramName);
            }

            sum += p;
        }

        if (Math.Abs(sum - 1.0) > tolerance)
        {
            throw new ArgumentException($"{paramName} must sum to 1 but sums to {sum}.", paramName);
        }
    }

    /// <summary>Throws unless the destination span can hold <paramref name="required"/> elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void DestinationLength(int required, int actual, string paramName)
    {
        if (actual < required)
        {
            throw new ArgumentException(
                $"{paramName} has length {actual} but {required} elements must be written; it is too short.", paramName);
        }
    }

    /// <summary>
    /// Checks a row-major matrix stored flat: <paramref name="columns"/> ≥ 1, at least one row, and the length a multiple
    /// of <paramref name="columns"/>. Returns the number of rows.
    /// </summary>
    public static int RowMajor(int length, int columns, string paramName, string columnsName)
    {
        AtLeast(columns, 1, columnsName);
        NotEmpty(length, paramName);
        if (length % columns != 0)
        {
            throw new ArgumentException(
                $"{paramName} has length {length}, which is not a multiple of {columnsName} = {columns}.", paramName);
        }

        return length / columns;
    }

    /// <summary>
    /// Throws unless <paramref name="low"/> and <paramref name="high"/> have the same length and every low[i] &lt; high[i]
    /// is finite (a bounded box, e.g. an action space); names the first bad index.
    /// </summary>
    public static void ActionBounds(ReadOnlySpan<double> low, ReadOnlySpan<double> high, string lowName = "low", string highName = "high")
    {
        SameLength(low.Length, high.Length, highName, lowName);
        for (int i = 0; i < low.Length; i++)
        {
            if (!(double.IsFinite(low[i]) && double.IsFinite(high[i]) && low[i] < high[i]))
            {
                throw new ArgumentException(
                    $"{highName}[{i}] = {high[i]} must be finite and greater than {lowName}[{i}] = {low[i]}.", highName);
            }
        }
    }

    /// <summary>True iff every element of <paramref name="values"/> is finite; use after a computation to detect overflow.</summary>
    public static bool IsAllFinite(ReadOnlySpan<double> values)
    {
        foreach (double x in values)
        {
            if (!double.IsFinite(x))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The error for a result that overflowed to ±∞ although every input was finite. Use after the fact:
    /// <c>if (!double.IsFinite(g)) throw Guard.Overflow("Gₜ", nameof(rewards));</c>
    /// </summary>
    public static ArgumentException Overflow(string quantity, string paramName) =>
        new($"{quantity} overflowed to ±∞: every input is finite, but {paramName} is too large in magnitude for the result to be represented.", paramName);
}
