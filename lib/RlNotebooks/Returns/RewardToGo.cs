using RlNotebooks.Validation;

namespace RlNotebooks.Returns;

/// <summary>
/// Reward-to-go of a single trajectory segment: Gₜ = rₜ₊₁ + γₜ Gₜ₊₁, computed in one backward pass.
/// <para>
/// Episode semantics: the segment is one piece of one episode. The tail after the last reward is summarised by
/// <c>bootstrap</c> = G_T: pass 0 when the segment ends in a terminal state, or an estimate V(s_T) when the
/// segment was cut off (time limit or rollout end). For several concatenated episodes use <see cref="DiscountedReturns"/>.
/// </para>
/// </summary>
public static class RewardToGo
{
    /// <summary>Gₜ = rₜ₊₁ + γ Gₜ₊₁ with G_T = <paramref name="bootstrap"/> (scalar discount).</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁, the reward received after action aₜ.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <param name="bootstrap">G_T, the value of the cut-off tail (0 if the segment ends in a terminal state).</param>
    /// <returns>A new array with Gₜ for t = 0..T−1.</returns>
    public static double[] Compute(ReadOnlySpan<double> rewards, double gamma, double bootstrap = 0.0)
    {
        var result = new double[rewards.Length];
        ComputeInto(rewards, gamma, bootstrap, result);
        return result;
    }

    /// <inheritdoc cref="Compute(ReadOnlySpan{double}, double, double)"/>
    /// <summary>Writes Gₜ = rₜ₊₁ + γ Gₜ₊₁ (G_T = <paramref name="bootstrap"/>) into <paramref name="destination"/>; no allocation.</summary>
    public static void ComputeInto(ReadOnlySpan<double> rewards, double gamma, double bootstrap, Span<double> destination)
    {
        Guard.UnitInterval(gamma);
        Backward(rewards, new ReadOnlySpan<double>(in gamma), 0, bootstrap, destination);
    }

    /// <summary>Gₜ = rₜ₊₁ + γₜ Gₜ₊₁ with a per-step discount γₜ and G_T = <paramref name="bootstrap"/>.</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="discounts">discounts[t] = γₜ ∈ [0, 1], the factor applied to Gₜ₊₁ (0 marks a terminal transition).</param>
    /// <param name="bootstrap">G_T, the value of the cut-off tail.</param>
    /// <returns>A new array with Gₜ for t = 0..T−1.</returns>
    public static double[] Compute(ReadOnlySpan<double> rewards, ReadOnlySpan<double> discounts, double bootstrap = 0.0)
    {
        var result = new double[rewards.Length];
        ComputeInto(rewards, discounts, bootstrap, result);
        return result;
    }

    /// <inheritdoc cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>
    /// <summary>Writes Gₜ = rₜ₊₁ + γₜ Gₜ₊₁ (G_T = <paramref name="bootstrap"/>) into <paramref name="destination"/>; no allocation.</summary>
    public static void ComputeInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> discounts, double bootstrap,
        Span<double> destination)
    {
        Guard.SameLength(rewards.Length, discounts.Length, nameof(discounts), nameof(rewards));
        Guard.AllUnitInterval(discounts);
        Backward(rewards, discounts, 1, bootstrap, destination);
    }

    private static void Backward(ReadOnlySpan<double> rewards, ReadOnlySpan<double> discounts, int discountStride,
        double bootstrap, Span<double> destination)
    {
        Guard.NotEmpty(rewards.Length, nameof(rewards));
        Guard.AllFinite(rewards);
        Guard.Finite(bootstrap);
        Guard.DestinationLength(rewards.Length, destination.Length, nameof(destination));

        double g = bootstrap;
        for (int t = rewards.Length - 1; t >= 0; t--)
        {
            g = rewards[t] + discounts[t * discountStride] * g;
            destination[t] = g;
        }

        // Inputs are finite, so a non-finite Gₜ can only be an overflow; an overflow persists to t = 0 unless a later
        // discount of 0 cuts it, so the result is checked once, not per step.
        if (!Guard.IsAllFinite(destination[..rewards.Length]))
        {
            throw Guard.Overflow("Gₜ", nameof(rewards));
        }
    }
}
