using RlNotebooks.Validation;

namespace RlNotebooks.Returns;

/// <summary>
/// Discounted returns Gₜ = rₜ₊₁ + γ Gₜ₊₁ over a flat batch of one or several concatenated episodes.
/// <para>
/// Episode boundaries (t = 0..T−1): an episode ends at t iff terminated[t] || truncated[t], and the recursion is cut there:
/// <list type="bullet">
/// <item>terminated[t]: sₜ₊₁ is terminal, so Gₜ = rₜ₊₁ (bootstrap 0);</item>
/// <item>truncated[t] (time limit): Gₜ = rₜ₊₁ + γ V(sₜ₊₁) with V(sₜ₊₁) = nextValues[t], the final observation's value;</item>
/// <item>the last step of the batch that is neither (rollout cut-off): G_{T−1} = r_T + γ nextValues[T−1];</item>
/// <item>otherwise Gₜ = rₜ₊₁ + γ Gₜ₊₁ (nextValues[t] is not used).</item>
/// </list>
/// If a step is both terminated and truncated, termination wins (bootstrap 0).
/// </para>
/// </summary>
public static class DiscountedReturns
{
    /// <summary>Discounted returns of a flat batch with termination/truncation flags and bootstrap values.</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁) of the actual next observation (used on truncation and at the batch end).</param>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal.</param>
    /// <param name="truncated">truncated[t]: the episode was cut by a time limit after step t.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <returns>A new array with Gₜ for t = 0..T−1.</returns>
    public static double[] Compute(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma)
    {
        var result = new double[rewards.Length];
        ComputeInto(rewards, nextValues, terminated, truncated, gamma, result);
        return result;
    }

    /// <inheritdoc cref="Compute"/>
    /// <summary>
    /// Writes the discounted returns of a flat batch into <paramref name="destination"/> in one backward pass with no allocation.
    /// A NaN or ±∞ input is found in the same pass; the exception then names the first bad index and
    /// <paramref name="destination"/> holds unspecified values.
    /// </summary>
    public static void ComputeInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, Span<double> destination)
    {
        Guard.NotEmpty(rewards.Length, nameof(rewards));
        Guard.SameLength(rewards.Length, nextValues.Length, nameof(nextValues), nameof(rewards));
        Guard.SameLength(rewards.Length, terminated.Length, nameof(terminated), nameof(rewards));
        Guard.SameLength(rewards.Length, truncated.Length, nameof(truncated), nameof(rewards));
        Guard.UnitInterval(gamma);
        Guard.DestinationLength(rewards.Length, destination.Length, nameof(destination));

        double g = nextValues[^1]; // G_T = V(s_T): a rollout cut-off at the last step bootstraps from it.
        for (int t = rewards.Length - 1; t >= 0; t--)
        {
            double carry = terminated[t] || truncated[t] ? 0.0 : gamma;       // γ(1 − doneₜ): Gₜ₊₁ belongs to the same episode
            double bootstrap = truncated[t] && !terminated[t] ? gamma : 0.0;   // γ after a time-limit cut: bootstrap from V(sₜ₊₁)
            g = Math.FusedMultiplyAdd(carry, g, rewards[t] + bootstrap * nextValues[t]); // Gₜ = rₜ₊₁ + γ(…)
            destination[t] = g;
        }

        // 0·NaN = NaN and 0·∞ = NaN, so a NaN or ±∞ anywhere (an input, or an overflow) reaches G₀: one check suffices.
        if (!double.IsFinite(g))
        {
            Guard.AllFinite(rewards);
            Guard.AllFinite(nextValues);
            throw Guard.Overflow("Gₜ", nameof(rewards));
        }
    }
}
