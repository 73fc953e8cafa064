using RlNotebooks.Validation;

namespace RlNotebooks.Returns;

/// <summary>The return of a whole trajectory, R(τ) = Σₜ γᵗ rₜ₊₁.</summary>
public static class TrajectoryReturn
{
    /// <summary>
    /// R(τ) = Σₜ₌₀^{T−1} γᵗ rₜ₊₁ for one complete episode (no bootstrap: the episode is assumed to have ended),
    /// evaluated by Horner's rule backward (equal to G₀ of <see cref="RewardToGo"/> with bootstrap 0).
    /// </summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁; not empty.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <returns>R(τ).</returns>
    public static double Discounted(ReadOnlySpan<double> rewards, double gamma)
    {
        Guard.NotEmpty(rewards.Length, nameof(rewards));
        Guard.AllFinite(rewards);
        Guard.UnitInterval(gamma);

        double g = 0.0;
        for (int t = rewards.Length - 1; t >= 0; t--)
        {
            g = rewards[t] + gamma * g;
        }

        // Inputs are finite and γ ∈ [0, 1], so an overflow of the running sum stays non-finite (γ·∞ = ∞, 0·∞ = NaN) down to G₀.
        return double.IsFinite(g) ? g : throw Guard.Overflow("G₀", nameof(rewards));
    }
}
