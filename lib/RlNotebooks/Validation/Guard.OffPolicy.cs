namespace RlNotebooks.Validation;

/// <summary>Argument checks for off-policy (TD3/SAC) critic targets.</summary>
public static partial class Guard
{
    /// <summary>
    /// Checks a twin-critic target batch: non-empty rewards; terminated, Q₁′, Q₂′ and destination of the same length;
    /// γ ∈ [0, 1]; rewards and both Q′ finite.
    /// </summary>
    /// <param name="rewards">r, length B.</param>
    /// <param name="terminated">s′ terminal flags.</param>
    /// <param name="nextQ1">Q₁′ values.</param>
    /// <param name="nextQ2">Q₂′ values.</param>
    /// <param name="gamma">γ.</param>
    /// <param name="destination">Output buffer.</param>
    public static void TwinQBatch(ReadOnlySpan<double> rewards, ReadOnlySpan<bool> terminated, ReadOnlySpan<double> nextQ1,
        ReadOnlySpan<double> nextQ2, double gamma, ReadOnlySpan<double> destination)
    {
        NotEmpty(rewards.Length, nameof(rewards));
        SameLength(rewards.Length, terminated.Length, nameof(terminated), nameof(rewards));
        SameLength(rewards.Length, nextQ1.Length, nameof(nextQ1), nameof(rewards));
        SameLength(rewards.Length, nextQ2.Length, nameof(nextQ2), nameof(rewards));
        SameLength(rewards.Length, destination.Length, nameof(destination), nameof(rewards));
        UnitInterval(gamma);
        AllFinite(rewards);
        AllFinite(nextQ1);
        AllFinite(nextQ2);
    }
}
