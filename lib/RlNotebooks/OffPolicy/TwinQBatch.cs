using RlNotebooks.Validation;

namespace RlNotebooks.OffPolicy;

/// <summary>The off-policy family's shared check of a twin-critic target batch (TD3 and SAC).</summary>
internal static class TwinQBatch
{
    /// <summary>
    /// Non-empty rewards; terminated, Q₁′, Q₂′ and destination of the same length; γ ∈ [0, 1]; rewards and both Q′ finite.
    /// </summary>
    public static void Check(ReadOnlySpan<double> rewards, ReadOnlySpan<bool> terminated, ReadOnlySpan<double> nextQ1,
        ReadOnlySpan<double> nextQ2, double gamma, ReadOnlySpan<double> destination)
    {
        Guard.NotEmpty(rewards.Length, nameof(rewards));
        Guard.SameLength(rewards.Length, terminated.Length, nameof(terminated), nameof(rewards));
        Guard.SameLength(rewards.Length, nextQ1.Length, nameof(nextQ1), nameof(rewards));
        Guard.SameLength(rewards.Length, nextQ2.Length, nameof(nextQ2), nameof(rewards));
        Guard.SameLength(rewards.Length, destination.Length, nameof(destination), nameof(rewards));
        Guard.UnitInterval(gamma);
        Guard.AllFinite(rewards);
        Guard.AllFinite(nextQ1);
        Guard.AllFinite(nextQ2);
    }
}
