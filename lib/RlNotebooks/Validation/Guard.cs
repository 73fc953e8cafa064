using System.Runtime.CompilerServices;

namespace RlNotebooks.Validation;

/// <summary>
/// Argument checks shared by every function family. Each check throws an <see cref="ArgumentException"/>
/// (or <see cref="ArgumentOutOfRangeException"/>) whose message names the parameter and, for arrays,
/// the offending index and value. Copy this file (and any <c>Guard.*.cs</c> beside it) together with any function file you copy.
/// </summary>
public static partial class Guard
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
}
