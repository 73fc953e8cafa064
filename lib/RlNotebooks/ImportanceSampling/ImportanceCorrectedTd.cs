using RlNotebooks.Validation;

namespace RlNotebooks.ImportanceSampling;

/// <summary>
/// Importance-corrected one-step TD errors ρₜ δₜ with δₜ = rₜ₊₁ + γ (1 − terminatedₜ) V(sₜ₊₁) − V(sₜ)
/// (off-policy TD(0), Sutton &amp; Barto 2018 §7.3 with n = 1 and §11.1).
/// </summary>
/// <remarks>
/// Flat-batch convention: rewards[t] = rₜ₊₁, values[t] = V(sₜ), nextValues[t] = V(sₜ₊₁) of the actual next observation.
/// terminated[t] ⇒ sₜ₊₁ is terminal and the bootstrap is 0. A truncated step or a rollout cut-off bootstraps from
/// nextValues[t]; a one-step error never crosses an episode boundary, so no truncation flag is needed.
/// </remarks>
public static class ImportanceCorrectedTd
{
    /// <summary>Returns ρₜ δₜ for every step as a new array.</summary>
    public static double[] Errors(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<double> ratios, double gamma)
    {
        var errors = new double[rewards.Length];
        ErrorsInto(rewards, values, nextValues, terminated, ratios, gamma, errors);
        return errors;
    }

    /// <summary>Writes ρₜ δₜ into <paramref name="destination"/>; no allocation.</summary>
    public static void ErrorsInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<double> ratios, double gamma, Span<double> destination)
    {
        int n = rewards.Length;
        Guard.NotEmpty(n, nameof(rewards));
        Guard.SameLength(n, values.Length, nameof(values), nameof(rewards));
        Guard.SameLength(n, nextValues.Length, nameof(nextValues), nameof(rewards));
        Guard.SameLength(n, terminated.Length, nameof(terminated), nameof(rewards));
        Guard.SameLength(n, ratios.Length, nameof(ratios), nameof(rewards));
        Guard.SameLength(n, destination.Length, nameof(destination), nameof(rewards));
        Guard.UnitInterval(gamma);
        Guard.AllFinite(rewards);
        Guard.AllFinite(values);
        Guard.AllFinite(nextValues);
        Guard.ImportanceWeights(ratios);
        for (int t = 0; t < n; t++)
        {
            double bootstrap = terminated[t] ? 0.0 : gamma * nextValues[t];
            destination[t] = ratios[t] * Guard.TdError(rewards[t], bootstrap, values[t], nameof(rewards));
        }

        if (!Guard.IsAllFinite(destination[..n]))
        {
            throw Guard.Overflow("ρₜδₜ", nameof(ratios));
        }
    }
}
