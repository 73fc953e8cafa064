using RlNotebooks.Validation;

namespace RlNotebooks.Returns;

/// <summary>
/// n-step bootstrapped returns Gₜ:ₜ₊ₙ = rₜ₊₁ + γ rₜ₊₂ + … + γⁿ⁻¹ rₜ₊ₙ + γⁿ V(sₜ₊ₙ) (Sutton &amp; Barto 2018, eq. 7.1)
/// over a flat batch of concatenated episodes.
/// <para>
/// Let m = min(t + n − 1, e) where e is the last step of the episode containing t (terminated[e] || truncated[e]) or T − 1.
/// Then Gₜ:ₜ₊ₙ = Σₖ₌ₜ^m γ^{k−t} r_{k+1} + γ^{m−t+1} (1 − terminated[m]) nextValues[m].
/// So a full window bootstraps from V(sₜ₊ₙ) = nextValues[t+n−1]; a window that reaches the episode end falls back to the
/// episode-end semantics of <see cref="DiscountedReturns"/> (0 after termination, V of the final observation after
/// truncation or at the rollout cut-off). With n ≥ T the result equals <see cref="DiscountedReturns"/>.
/// </para>
/// Cost: O(T · min(n, episode length)); no allocation in <see cref="ComputeInto"/>.
/// </summary>
public static class NStepReturns
{
    /// <summary>n-step returns Gₜ:ₜ₊ₙ of a flat batch.</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁) of the actual next observation.</param>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal.</param>
    /// <param name="truncated">truncated[t]: time-limit cut after step t.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <param name="n">Number of reward steps n ≥ 1 before bootstrapping (n = 1 gives one-step TD targets).</param>
    /// <returns>A new array with Gₜ:ₜ₊ₙ for t = 0..T−1.</returns>
    public static double[] Compute(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, int n)
    {
        var result = new double[rewards.Length];
        ComputeInto(rewards, nextValues, terminated, truncated, gamma, n, result);
        return result;
    }

    /// <summary>Writes the n-step returns Gₜ:ₜ₊ₙ of a flat batch into <paramref name="destination"/>; no allocation.</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁).</param>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal.</param>
    /// <param name="truncated">truncated[t]: time-limit cut after step t.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <param name="n">Number of reward steps n ≥ 1.</param>
    /// <param name="destination">Receives Gₜ:ₜ₊ₙ in its first T slots.</param>
    public static void ComputeInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, int n, Span<double> destination)
    {
        Guard.RolloutShape(rewards, nextValues, terminated, truncated);
        Guard.UnitInterval(gamma);
        Guard.AtLeast(n, 1);
        Guard.AllFinite(rewards);
        Guard.AllFinite(nextValues);
        Guard.DestinationLength(rewards.Length, destination.Length, nameof(destination));

        int episodeEnd = rewards.Length - 1;
        for (int t = rewards.Length - 1; t >= 0; t--)
        {
            if (terminated[t] || truncated[t])
            {
                episodeEnd = t;
            }

            int m = (int)Math.Min((long)t + n - 1, episodeEnd);
            double g = terminated[m] ? 0.0 : nextValues[m];
            for (int k = m; k >= t; k--)
            {
                g = rewards[k] + gamma * g;
            }

            destination[t] = g;
        }

        // Inputs are finite, so a non-finite Gₜ:ₜ₊ₙ can only be an overflow: checked once over the result, not per step.
        if (!Guard.IsAllFinite(destination[..rewards.Length]))
        {
            throw Guard.Overflow("Gₜ:ₜ₊ₙ", nameof(rewards));
        }
    }
}
