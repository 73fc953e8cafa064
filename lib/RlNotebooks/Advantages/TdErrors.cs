using RlNotebooks.Validation;

namespace RlNotebooks.Advantages;

/// <summary>
/// One-step temporal-difference errors δₜ = rₜ₊₁ + γ (1 − terminatedₜ) V(sₜ₊₁) − V(sₜ)
/// (Schulman et al. 2016, "High-Dimensional Continuous Control Using Generalized Advantage Estimation", §3).
/// <para>
/// Episode boundaries: V(sₜ₊₁) = nextValues[t] is the value of the actual next observation, so a truncated step and the
/// rollout cut-off bootstrap from it, and a terminated step uses 0. Truncation flags are not needed: δₜ never looks past t+1.
/// </para>
/// </summary>
public static class TdErrors
{
    /// <summary>δₜ for every step of a flat batch.</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="values">values[t] = V(sₜ).</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁) of the actual next observation.</param>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal (bootstrap 0).</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <returns>A new array with δₜ for t = 0..T−1.</returns>
    public static double[] Compute(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, double gamma)
    {
        var result = new double[rewards.Length];
        ComputeInto(rewards, values, nextValues, terminated, gamma, result);
        return result;
    }

    /// <inheritdoc cref="Compute"/>
    /// <summary>Writes δₜ into <paramref name="destination"/>; no allocation.</summary>
    public static void ComputeInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, double gamma, Span<double> destination)
    {
        Guard.NotEmpty(rewards.Length, nameof(rewards));
        Guard.SameLength(rewards.Length, values.Length, nameof(values), nameof(rewards));
        Guard.SameLength(rewards.Length, nextValues.Length, nameof(nextValues), nameof(rewards));
        Guard.SameLength(rewards.Length, terminated.Length, nameof(terminated), nameof(rewards));
        Guard.UnitInterval(gamma);
        Guard.AllFinite(rewards);
        Guard.AllFinite(values);
        Guard.AllFinite(nextValues);
        Guard.DestinationLength(rewards.Length, destination.Length, nameof(destination));

        for (int t = 0; t < rewards.Length; t++)
        {
            double bootstrap = terminated[t] ? 0.0 : gamma * nextValues[t];
            destination[t] = rewards[t] + bootstrap - values[t];
        }

        if (!Guard.IsAllFinite(destination[..rewards.Length]))
        {
            throw Guard.Overflow("δₜ", nameof(rewards));
        }
    }
}
