using RlNotebooks.Validation;

namespace RlNotebooks.OffPolicy;

/// <summary>
/// SAC soft Q-targets (Haarnoja et al. 2018; Spinning Up SAC):
/// <code>y = r + γ (1 − terminated) · ( min(Q₁′(s′, ã′), Q₂′(s′, ã′)) − α log π(ã′|s′) ),   ã′ ~ π(·|s′) freshly sampled</code>
/// The entropy bonus −α log π sits INSIDE the (1 − terminated) bracket: a terminal s′ has no future, hence no future
/// entropy either, so y = r exactly. A time-limit truncation must pass terminated = false with the Q′ and log π of the
/// actual final observation, so the target bootstraps.
/// </summary>
public static class SacTargets
{
    /// <summary>Soft targets as a new array; see the class remarks.</summary>
    /// <param name="rewards">r, length B.</param>
    /// <param name="terminated">s′ terminal, length B.</param>
    /// <param name="nextQ1">Q₁′(s′, ã′) (target critic 1), length B.</param>
    /// <param name="nextQ2">Q₂′(s′, ã′) (target critic 2), length B.</param>
    /// <param name="nextLogProbs">log π(ã′|s′), length B (finite).</param>
    /// <param name="alpha">Temperature α ≥ 0 (finite).</param>
    /// <param name="gamma">γ ∈ [0, 1].</param>
    public static double[] SoftTargets(ReadOnlySpan<double> rewards, ReadOnlySpan<bool> terminated, ReadOnlySpan<double> nextQ1,
        ReadOnlySpan<double> nextQ2, ReadOnlySpan<double> nextLogProbs, double alpha, double gamma)
    {
        var y = new double[rewards.Length];
        SoftTargetsInto(rewards, terminated, nextQ1, nextQ2, nextLogProbs, alpha, gamma, y);
        return y;
    }

    /// <inheritdoc cref="SoftTargets"/>
    /// <summary>Writes the soft targets into <paramref name="destination"/> (length B); no allocation.</summary>
    public static void SoftTargetsInto(ReadOnlySpan<double> rewards, ReadOnlySpan<bool> terminated, ReadOnlySpan<double> nextQ1,
        ReadOnlySpan<double> nextQ2, ReadOnlySpan<double> nextLogProbs, double alpha, double gamma, Span<double> destination)
    {
        TwinQBatch.Check(rewards, terminated, nextQ1, nextQ2, gamma, destination);
        Guard.SameLength(rewards.Length, nextLogProbs.Length, nameof(nextLogProbs), nameof(rewards));
        Guard.AllFinite(nextLogProbs);
        Guard.NonNegative(alpha);
        for (int t = 0; t < rewards.Length; t++)
        {
            destination[t] = terminated[t]
                ? rewards[t]
                : rewards[t] + gamma * (Math.Min(nextQ1[t], nextQ2[t]) - alpha * nextLogProbs[t]);
        }

        if (!Guard.IsAllFinite(destination[..rewards.Length]))
        {
            throw Guard.Overflow("yₜ", nameof(rewards));
        }
    }
}
