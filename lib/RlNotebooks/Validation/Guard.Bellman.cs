using System.Runtime.CompilerServices;

namespace RlNotebooks.Validation;

/// <summary>Argument checks for the Bellman operators, solvers and tabular learning updates.</summary>
public static partial class Guard
{
    /// <summary>Throws unless the step size α lies in (0, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LearningRate(double alpha, [CallerArgumentExpression(nameof(alpha))] string? paramName = null)
    {
        if (!(alpha > 0.0 && alpha <= 1.0))
        {
            throw new ArgumentOutOfRangeException(paramName, alpha, $"{paramName} must lie in (0, 1] but was {alpha}.");
        }
    }

    /// <summary>
    /// Throws unless a row-major table of <paramref name="length"/> entries holds |𝒮|·|𝒜| values with |𝒜| = <paramref name="actionCount"/>
    /// (a Q table, a policy table); returns |𝒮|. The tabular name for <see cref="RowMajor"/> with |𝒜| columns.
    /// </summary>
    public static int TableShape(int length, int actionCount, [CallerArgumentExpression(nameof(length))] string? paramName = null) =>
        RowMajor(length, actionCount, paramName ?? "table", nameof(actionCount));

    /// <summary>Throws when <paramref name="destination"/> overlaps <paramref name="source"/> (a synchronous backup must not read what it writes).</summary>
    public static void NoOverlap(ReadOnlySpan<double> source, ReadOnlySpan<double> destination, string sourceName,
        [CallerArgumentExpression(nameof(destination))] string? paramName = null)
    {
        if (source.Overlaps(destination))
        {
            throw new ArgumentException($"{paramName} must not overlap {sourceName}: a synchronous backup reads every old value.", paramName);
        }
    }
}
