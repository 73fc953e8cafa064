using RlNotebooks.Validation;

namespace RlNotebooks.Returns;

/// <summary>
/// The bridge between the two episode conventions of this folder: per-step discounts γₜ (rlax's <c>discount_t</c>) and a
/// scalar γ with terminated flags.
/// </summary>
public static class StepDiscounts
{
    /// <summary>γₜ = γ·(1 − terminatedₜ): 0 after a terminal transition, γ otherwise (a truncation still discounts by γ).</summary>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1] .</param>
    /// <returns>A new array with γₜ for t = 0..T−1.</returns>
    public static double[] FromFlags(ReadOnlySpan<bool> terminated, double gamma)
    {
        Guard.UnitInterval(gamma);
        var discounts = new double[terminated.Length];
        for (int t = 0; t < terminated.Length; t++)
        {
            discounts[t] = terminated[t] ? 0.0 : gamma;
        }

        return discounts;
    }
}
