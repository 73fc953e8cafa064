using System.Runtime.CompilerServices;

namespace RlNotebooks.Validation;

/// <summary>Argument checks for flat rollout batches, destinations and row-major matrices (returns, advantages, baselines, policy gradients).</summary>
public static partial class Guard
{
    /// <summary>
    /// Checks the shape of a flat rollout batch: <paramref name="rewards"/> is not empty and
    /// <paramref name="nextValues"/>, <paramref name="terminated"/> and <paramref name="truncated"/> have its length.
    /// Finiteness is checked separately (the hot loops fuse it into their single pass).
    /// </summary>
    public static void RolloutShape(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated)
    {
        NotEmpty(rewards.Length, nameof(rewards));
        SameLength(rewards.Length, nextValues.Length, nameof(nextValues), nameof(rewards));
        SameLength(rewards.Length, terminated.Length, nameof(terminated), nameof(rewards));
        SameLength(rewards.Length, truncated.Length, nameof(truncated), nameof(rewards));
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
}
