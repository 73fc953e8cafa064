using System.Runtime.CompilerServices;

namespace RlNotebooks.Validation;

/// <summary>Argument checks for flat row-major matrices (natural-gradient and off-policy batch inputs).</summary>
public static partial class Guard
{
    /// <summary>
    /// Throws unless a flat row-major buffer of <paramref name="length"/> elements holds a whole number (≥ 1) of rows
    /// with <paramref name="columns"/> columns each; <paramref name="columns"/> itself must be ≥ 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RowMajor(int length, int columns, string paramName, string columnsName)
    {
        if (columns < 1)
        {
            throw new ArgumentOutOfRangeException(columnsName, columns, $"{columnsName} must be ≥ 1 but was {columns}.");
        }

        if (length == 0 || length % columns != 0)
        {
            throw new ArgumentException(
                $"{paramName} has length {length}, which is not a positive multiple of {columnsName} = {columns} (flat row-major rows × {columnsName}).",
                paramName);
        }
    }

    /// <summary>Throws unless <paramref name="low"/>[i] ≤ <paramref name="high"/>[i] for every i (box bounds); names the first bad index.</summary>
    public static void Ordered(ReadOnlySpan<double> low, ReadOnlySpan<double> high, string lowName, string highName)
    {
        SameLength(low.Length, high.Length, highName, lowName);
        for (int i = 0; i < low.Length; i++)
        {
            if (!(low[i] <= high[i]))
            {
                throw new ArgumentException(
                    $"{lowName}[{i}] = {low[i]} must be ≤ {highName}[{i}] = {high[i]}.", lowName);
            }
        }
    }
}
