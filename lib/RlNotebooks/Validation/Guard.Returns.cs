namespace RlNotebooks.Validation;

/// <summary>Argument checks for flat rollout batches (returns, advantages, baselines, policy gradients).</summary>
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
}
