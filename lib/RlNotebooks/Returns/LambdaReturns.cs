using RlNotebooks.Validation;

namespace RlNotebooks.Returns;

/// <summary>
/// λ-returns G^λₜ in the recursive form of Sutton &amp; Barto 2018, eq. 12.18, with per-step discounts as in rlax's
/// <c>lambda_returns</c> (the primary form):
/// G^λₜ = rₜ₊₁ + γₜ [ (1 − λₜ) V(sₜ₊₁) + λₜ G^λₜ₊₁ ],   G^λ_T = V(s_T),
/// where discounts[t] = γₜ = γ·(1 − terminatedₜ) is the discount applied after step t, nextValues[t] = V(sₜ₊₁) and λₜ is the
/// trace parameter of the next state sₜ₊₁. λ = 1 gives discounted returns; λ = 0 gives one-step TD targets rₜ₊₁ + γₜ V(sₜ₊₁).
/// <para>
/// The overloads with a scalar γ and terminated/truncated flags are thin adapters onto the primary form: they pass
/// γₜ = γ·(1 − terminatedₜ) and λₜ = 0 at a truncated step, so that a truncated step bootstraps from V(sₜ₊₁) = nextValues[t],
/// the final observation's value, and never looks into the next episode. The last step of the batch bootstraps from
/// nextValues[T−1] (rollout cut-off). When nextValues[t] = values[t+1] within episodes, G^λₜ equals the GAE(γ, λ) advantage
/// plus V(sₜ).
/// </para>
/// </summary>
public static class LambdaReturns
{
    /// <summary>λ-returns with per-step discounts γₜ and trace parameters λₜ (the primary form, rlax's convention).</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="discounts">discounts[t] = γₜ ∈ [0, 1], e.g. γ·(1 − terminatedₜ); 0 ends the return at step t.</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁).</param>
    /// <param name="lambdas">lambdas[t] = λₜ ∈ [0, 1], weighting G^λₜ₊₁ against V(sₜ₊₁).</param>
    /// <returns>A new array with G^λₜ for t = 0..T−1.</returns>
    public static double[] Compute(ReadOnlySpan<double> rewards, ReadOnlySpan<double> discounts, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<double> lambdas)
    {
        var result = new double[rewards.Length];
        ComputeInto(rewards, discounts, nextValues, lambdas, result);
        return result;
    }

    /// <inheritdoc cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    /// <summary>Writes the λ-returns of the primary form into <paramref name="destination"/>; no allocation.</summary>
    public static void ComputeInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> discounts, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<double> lambdas, Span<double> destination)
    {
        Guard.NotEmpty(rewards.Length, nameof(rewards));
        Guard.SameLength(rewards.Length, discounts.Length, nameof(discounts), nameof(rewards));
        Guard.SameLength(rewards.Length, nextValues.Length, nameof(nextValues), nameof(rewards));
        Guard.SameLength(rewards.Length, lambdas.Length, nameof(lambdas), nameof(rewards));
        Guard.AllUnitInterval(discounts);
        Guard.AllUnitInterval(lambdas);
        Guard.AllFinite(rewards);
        Guard.AllFinite(nextValues);
        Guard.DestinationLength(rewards.Length, destination.Length, nameof(destination));

        double g = nextValues[^1];
        for (int t = rewards.Length - 1; t >= 0; t--)
        {
            g = rewards[t] + discounts[t] * ((1.0 - lambdas[t]) * nextValues[t] + lambdas[t] * g);
            destination[t] = g;
        }

        if (!Guard.IsAllFinite(destination[..rewards.Length]))
        {
            throw Guard.Overflow("G^λₜ", nameof(rewards));
        }
    }

    /// <summary>λ-returns with a scalar γ and λ and episode flags (an adapter onto the primary form, see the class remarks).</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁) of the actual next observation.</param>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal.</param>
    /// <param name="truncated">truncated[t]: time-limit cut after step t.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <param name="lambda">Trace parameter λ ∈ [0, 1].</param>
    /// <returns>A new array with G^λₜ for t = 0..T−1.</returns>
    public static double[] Compute(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, double lambda)
    {
        var result = new double[rewards.Length];
        ComputeInto(rewards, nextValues, terminated, truncated, gamma, lambda, result);
        return result;
    }

    /// <inheritdoc cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{bool}, ReadOnlySpan{bool}, double, double)"/>
    /// <summary>Writes the λ-returns with a scalar γ and λ into <paramref name="destination"/> (allocates the per-step γₜ and λₜ).</summary>
    public static void ComputeInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, double lambda, Span<double> destination)
    {
        Guard.UnitInterval(lambda);
        var lambdas = new double[rewards.Length];
        Array.Fill(lambdas, lambda);
        ComputeInto(rewards, nextValues, terminated, truncated, gamma, lambdas, destination);
    }

    /// <summary>λ-returns with a scalar γ, per-step λₜ (Sutton &amp; Barto 2018 §12.8) and episode flags (an adapter onto the primary form).</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁).</param>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal.</param>
    /// <param name="truncated">truncated[t]: time-limit cut after step t.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <param name="lambdas">lambdas[t] = λₜ ∈ [0, 1], weighting G^λₜ₊₁ against V(sₜ₊₁).</param>
    /// <returns>A new array with G^λₜ for t = 0..T−1.</returns>
    public static double[] Compute(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, ReadOnlySpan<double> lambdas)
    {
        var result = new double[rewards.Length];
        ComputeInto(rewards, nextValues, terminated, truncated, gamma, lambdas, result);
        return result;
    }

    /// <inheritdoc cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{bool}, ReadOnlySpan{bool}, double, ReadOnlySpan{double})"/>
    /// <summary>Writes the λ-returns with per-step λₜ into <paramref name="destination"/> (allocates the per-step γₜ and λₜ).</summary>
    public static void ComputeInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, ReadOnlySpan<double> lambdas,
        Span<double> destination)
    {
        Guard.NotEmpty(rewards.Length, nameof(rewards));
        Guard.SameLength(rewards.Length, terminated.Length, nameof(terminated), nameof(rewards));
        Guard.SameLength(rewards.Length, truncated.Length, nameof(truncated), nameof(rewards));
        Guard.SameLength(rewards.Length, lambdas.Length, nameof(lambdas), nameof(rewards));
        Guard.UnitInterval(gamma);
        double[] discounts = StepDiscounts.FromFlags(terminated, gamma);
        var cutLambdas = new double[rewards.Length];
        for (int t = 0; t < rewards.Length; t++)
        {
            cutLambdas[t] = truncated[t] ? 0.0 : lambdas[t];
        }

        ComputeInto(rewards, discounts, nextValues, cutLambdas, destination);
    }
}
