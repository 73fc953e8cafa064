using RlNotebooks.Validation;

namespace RlNotebooks.Returns;

/// <summary>
/// n-step bootstrapped returns Gₜ:ₜ₊ₙ = rₜ₊₁ + γₜ rₜ₊₂ + … + (γₜ⋯γₜ₊ₙ₋₂) rₜ₊ₙ + (γₜ⋯γₜ₊ₙ₋₁) V(sₜ₊ₙ) (Sutton &amp; Barto 2018,
/// eq. 7.1) with per-step discounts as in rlax's <c>n_step_bootstrapped_returns</c> (the primary form): discounts[t] = γₜ is
/// the discount applied after step t, e.g. γ·(1 − terminatedₜ).
/// <para>
/// A window that runs past the end of the batch stops there: with m = min(t + n − 1, T − 1),
/// Gₜ:ₜ₊ₙ = Σₖ₌ₜ^m (γₜ⋯γₖ₋₁) r_{k+1} + (γₜ⋯γₘ) nextValues[m]. With n ≥ T the result equals the discounted return.
/// </para>
/// <para>
/// The overload with a scalar γ and terminated/truncated flags is a thin adapter: γₜ = γ·(1 − terminatedₜ), and the batch
/// is split after every truncated step, so a window never reaches into the next episode and a truncated episode
/// bootstraps from the final observation's value nextValues[e]. It then matches <see cref="DiscountedReturns"/> for n ≥ T.
/// </para>
/// Cost: O(T · n).
/// </summary>
public static class NStepReturns
{
    /// <summary>n-step returns with per-step discounts γₜ (the primary form, rlax's convention).</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="discounts">discounts[t] = γₜ ∈ [0, 1]; 0 ends every window that contains step t there.</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁).</param>
    /// <param name="n">Number of reward steps n ≥ 1 before bootstrapping (n = 1 gives one-step TD targets).</param>
    /// <returns>A new array with Gₜ:ₜ₊ₙ for t = 0..T−1.</returns>
    public static double[] Compute(ReadOnlySpan<double> rewards, ReadOnlySpan<double> discounts, ReadOnlySpan<double> nextValues, int n)
    {
        var result = new double[rewards.Length];
        ComputeInto(rewards, discounts, nextValues, n, result);
        return result;
    }

    /// <inheritdoc cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, int)"/>
    /// <summary>Writes the n-step returns of the primary form into <paramref name="destination"/>; no allocation.</summary>
    public static void ComputeInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> discounts, ReadOnlySpan<double> nextValues,
        int n, Span<double> destination)
    {
        Guard.NotEmpty(rewards.Length, nameof(rewards));
        Guard.SameLength(rewards.Length, discounts.Length, nameof(discounts), nameof(rewards));
        Guard.SameLength(rewards.Length, nextValues.Length, nameof(nextValues), nameof(rewards));
        Guard.AllUnitInterval(discounts);
        Guard.AtLeast(n, 1);
        Guard.AllFinite(rewards);
        Guard.AllFinite(nextValues);
        Guard.DestinationLength(rewards.Length, destination.Length, nameof(destination));

        for (int t = 0; t < rewards.Length; t++)
        {
            int m = (int)Math.Min(t + (long)n - 1, rewards.Length - 1);
            double g = nextValues[m];
            for (int k = m; k >= t; k--)
            {
                g = rewards[k] + discounts[k] * g;
            }

            destination[t] = g;
        }

        if (!Guard.IsAllFinite(destination[..rewards.Length]))
        {
            throw Guard.Overflow("Gₜ:ₜ₊ₙ", nameof(rewards));
        }
    }

    /// <summary>n-step returns with a scalar γ and episode flags (an adapter onto the primary form, see the class remarks).</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁) of the actual next observation.</param>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal.</param>
    /// <param name="truncated">truncated[t]: time-limit cut after step t.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <param name="n">Number of reward steps n ≥ 1 before bootstrapping.</param>
    /// <returns>A new array with Gₜ:ₜ₊ₙ for t = 0..T−1.</returns>
    public static double[] Compute(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, int n)
    {
        var result = new double[rewards.Length];
        ComputeInto(rewards, nextValues, terminated, truncated, gamma, n, result);
        return result;
    }

    /// <inheritdoc cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{bool}, ReadOnlySpan{bool}, double, int)"/>
    /// <summary>Writes the n-step returns with a scalar γ into <paramref name="destination"/> (allocates the per-step γₜ).</summary>
    public static void ComputeInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, int n, Span<double> destination)
    {
        Guard.NotEmpty(rewards.Length, nameof(rewards));
        Guard.SameLength(rewards.Length, nextValues.Length, nameof(nextValues), nameof(rewards));
        Guard.SameLength(rewards.Length, terminated.Length, nameof(terminated), nameof(rewards));
        Guard.SameLength(rewards.Length, truncated.Length, nameof(truncated), nameof(rewards));
        Guard.AtLeast(n, 1);
        Guard.AllFinite(rewards);
        Guard.AllFinite(nextValues);
        Guard.DestinationLength(rewards.Length, destination.Length, nameof(destination));
        double[] discounts = StepDiscounts.FromFlags(terminated, gamma);
        int start = 0;
        for (int t = 0; t < rewards.Length; t++)
        {
            if (truncated[t] || t == rewards.Length - 1)
            {
                Range episodes = start..(t + 1);
                ComputeInto(rewards[episodes], discounts[episodes], nextValues[episodes], n, destination[episodes]);
                start = t + 1;
            }
        }
    }
}
