using System.Runtime.CompilerServices;

namespace RlNotebooks.Validation;

/// <summary>Shape checks every family uses: output buffers (destinations, workspaces) and flat row-major matrices.</summary>
public static partial class Guard
{
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
}
