using RlNotebooks.Validation;

namespace RlNotebooks.ImportanceSampling;

/// <summary>
/// Importance-corrected TD errors: the one-step ρₜ δₜ (off-policy TD(0), Sutton &amp; Barto 2018 §7.3 with n = 1 and §11.1)
/// and the multi-step errors with λ traces of rlax's <c>importance_corrected_td_errors</c> (per-decision importance sampling,
/// Sutton et al. 2014, the building block of Retrace and V-trace).
/// </summary>
/// <remarks>
/// Flat-batch convention: rewards[t] = rₜ₊₁, values[t] = V(sₜ), nextValues[t] = V(sₜ₊₁) of the actual next observation,
/// ratios[t] = ρₜ = π(aₜ|sₜ)/μ(aₜ|sₜ).
/// </remarks>
public static class ImportanceCorrectedTd
{
    /// <summary>
    /// ρₜ δₜ with δₜ = rₜ₊₁ + γ (1 − terminatedₜ) V(sₜ₊₁) − V(sₜ), as a new array. terminated[t] ⇒ sₜ₊₁ is terminal and the
    /// bootstrap is 0; a truncated step or a rollout cut-off bootstraps from nextValues[t]. A one-step error never crosses an
    /// episode boundary, so no truncation flag is needed.
    /// </summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="values">values[t] = V(sₜ).</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁).</param>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal.</param>
    /// <param name="ratios">ratios[t] = ρₜ ≥ 0.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    public static double[] Errors(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<double> ratios, double gamma)
    {
        var errors = new double[rewards.Length];
        ErrorsInto(rewards, values, nextValues, terminated, ratios, gamma, errors);
        return errors;
    }

    /// <inheritdoc cref="Errors"/>
    /// <summary>Writes ρₜ δₜ into <paramref name="destination"/>; no allocation.</summary>
    public static void ErrorsInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<double> ratios, double gamma, Span<double> destination)
    {
        Guard.NotEmpty(rewards.Length, nameof(rewards));
        Guard.SameLength(rewards.Length, terminated.Length, nameof(terminated), nameof(rewards));
        Guard.UnitInterval(gamma);
        Check(rewards, values, nextValues, ratios, destination);
        for (int t = 0; t < rewards.Length; t++)
        {
            double delta = rewards[t] + (terminated[t] ? 0.0 : gamma * nextValues[t]) - values[t];
            destination[t] = ratios[t] * delta;
        }

        if (!Guard.IsAllFinite(destination[..rewards.Length]))
        {
            throw Guard.Overflow("ρₜδₜ", nameof(ratios));
        }
    }

    /// <summary>
    /// Multi-step importance-corrected TD errors with λ traces (rlax <c>importance_corrected_td_errors</c>):
    /// ρₜ eₜ with eₜ = δₜ + γₜ λₜ ρₜ₊₁ eₜ₊₁ (e_T = 0) and δₜ = rₜ₊₁ + γₜ V(sₜ₊₁) − V(sₜ).
    /// <para>
    /// discounts[t] = γₜ is the discount after step t, e.g. γ·(1 − terminatedₜ); γₜ = 0 or λₜ = 0 cuts the trace after step t
    /// (pass λₜ = 0 at a truncated step). With ρ ≡ 1 the errors are the λ-returns of
    /// <see cref="Returns.LambdaReturns"/> minus V(sₜ) (when nextValues[t] = values[t+1]); λ ≡ 0 gives the one-step ρₜ δₜ.
    /// </para>
    /// </summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="discounts">discounts[t] = γₜ ∈ [0, 1].</param>
    /// <param name="values">values[t] = V(sₜ).</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁).</param>
    /// <param name="ratios">ratios[t] = ρₜ ≥ 0.</param>
    /// <param name="lambdas">lambdas[t] = λₜ ∈ [0, 1], the trace parameter carrying eₜ₊₁ into eₜ.</param>
    /// <returns>A new array with ρₜ eₜ for t = 0..T−1.</returns>
    public static double[] TraceErrors(ReadOnlySpan<double> rewards, ReadOnlySpan<double> discounts, ReadOnlySpan<double> values,
        ReadOnlySpan<double> nextValues, ReadOnlySpan<double> ratios, ReadOnlySpan<double> lambdas)
    {
        var errors = new double[rewards.Length];
        TraceErrorsInto(rewards, discounts, values, nextValues, ratios, lambdas, errors);
        return errors;
    }

    /// <inheritdoc cref="TraceErrors"/>
    /// <summary>Writes the multi-step errors ρₜ eₜ into <paramref name="destination"/> in one backward pass; no allocation.</summary>
    public static void TraceErrorsInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> discounts, ReadOnlySpan<double> values,
        ReadOnlySpan<double> nextValues, ReadOnlySpan<double> ratios, ReadOnlySpan<double> lambdas, Span<double> destination)
    {
        Guard.NotEmpty(rewards.Length, nameof(rewards));
        Guard.SameLength(rewards.Length, discounts.Length, nameof(discounts), nameof(rewards));
        Guard.SameLength(rewards.Length, lambdas.Length, nameof(lambdas), nameof(rewards));
        Guard.AllUnitInterval(discounts);
        Guard.AllUnitInterval(lambdas);
        Check(rewards, values, nextValues, ratios, destination);

        double trace = 0.0; // e_T = 0
        double nextRatio = 1.0; // ρ_T is never used: it multiplies e_T = 0
        for (int t = rewards.Length - 1; t >= 0; t--)
        {
            double delta = rewards[t] + discounts[t] * nextValues[t] - values[t];
            trace = delta + discounts[t] * lambdas[t] * nextRatio * trace;
            destination[t] = ratios[t] * trace;
            nextRatio = ratios[t];
        }

        if (!Guard.IsAllFinite(destination[..rewards.Length]))
        {
            throw Guard.Overflow("ρₜeₜ", nameof(ratios));
        }
    }

    private static void Check(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<double> ratios, Span<double> destination)
    {
        Guard.SameLength(rewards.Length, values.Length, nameof(values), nameof(rewards));
        Guard.SameLength(rewards.Length, nextValues.Length, nameof(nextValues), nameof(rewards));
        Guard.SameLength(rewards.Length, ratios.Length, nameof(ratios), nameof(rewards));
        Guard.SameLength(rewards.Length, destination.Length, nameof(destination), nameof(rewards));
        Guard.AllFinite(rewards);
        Guard.AllFinite(values);
        Guard.AllFinite(nextValues);
        WeightChecks.NonNegativeFinite(ratios, nameof(ratios));
    }
}
