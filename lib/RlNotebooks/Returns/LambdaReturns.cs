using RlNotebooks.Validation;

namespace RlNotebooks.Returns;

/// <summary>
/// λ-returns G^λₜ over a flat batch of concatenated episodes, in the recursive form of Sutton &amp; Barto 2018, eq. 12.18:
/// G^λₜ = rₜ₊₁ + γ (1 − terminatedₜ) [ (1 − λₜ) V(sₜ₊₁) + λₜ G^λₜ₊₁ ],
/// where V(sₜ₊₁) = nextValues[t] and λₜ is the trace parameter of the next state sₜ₊₁.
/// <para>
/// Episode boundaries: at a truncated step, and at the last step of the batch when it is neither terminated nor truncated
/// (rollout cut-off), G^λₜ₊₁ is replaced by V(sₜ₊₁), so G^λₜ = rₜ₊₁ + γ nextValues[t]; at a terminated step G^λₜ = rₜ₊₁.
/// λ = 1 gives <see cref="DiscountedReturns"/>; λ = 0 gives one-step TD targets rₜ₊₁ + γ (1 − terminatedₜ) V(sₜ₊₁).
/// When nextValues[t] = values[t+1] within episodes, G^λₜ equals the GAE(γ, λ) advantage plus V(sₜ).
/// </para>
/// </summary>
public static class LambdaReturns
{
    /// <summary>λ-returns with a scalar λ.</summary>
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

    /// <summary>Writes λ-returns with a scalar λ into <paramref name="destination"/>; no allocation.</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁).</param>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal.</param>
    /// <param name="truncated">truncated[t]: time-limit cut after step t.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <param name="lambda">Trace parameter λ ∈ [0, 1].</param>
    /// <param name="destination">Receives G^λₜ in its first T slots.</param>
    public static void ComputeInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, double lambda, Span<double> destination)
    {
        Guard.UnitInterval(lambda);
        Backward(rewards, nextValues, terminated, truncated, gamma, new ReadOnlySpan<double>(in lambda), 0, destination);
    }

    /// <summary>λ-returns with a per-step λₜ (the trace parameter of sₜ₊₁, Sutton &amp; Barto 2018 §12.8).</summary>
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

    /// <summary>Writes λ-returns with a per-step λₜ into <paramref name="destination"/>; no allocation.</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁).</param>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal.</param>
    /// <param name="truncated">truncated[t]: time-limit cut after step t.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <param name="lambdas">lambdas[t] = λₜ ∈ [0, 1].</param>
    /// <param name="destination">Receives G^λₜ in its first T slots.</param>
    public static void ComputeInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, ReadOnlySpan<double> lambdas,
        Span<double> destination)
    {
        Guard.SameLength(rewards.Length, lambdas.Length, nameof(lambdas), nameof(rewards));
        Guard.AllUnitInterval(lambdas);
        Backward(rewards, nextValues, terminated, truncated, gamma, lambdas, 1, destination);
    }

    private static void Backward(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, ReadOnlySpan<double> lambdas,
        int lambdaStride, Span<double> destination)
    {
        Guard.RolloutShape(rewards, nextValues, terminated, truncated);
        Guard.UnitInterval(gamma);
        Guard.AllFinite(rewards);
        Guard.AllFinite(nextValues);
        Guard.DestinationLength(rewards.Length, destination.Length, nameof(destination));

        int last = rewards.Length - 1;
        double g = nextValues[last];
        for (int t = last; t >= 0; t--)
        {
            if (terminated[t])
            {
                g = rewards[t];
            }
            else
            {
                double v = nextValues[t];
                double tail = truncated[t] || t == last ? v : g;
                double lambda = lambdas[t * lambdaStride];
                g = rewards[t] + gamma * ((1.0 - lambda) * v + lambda * tail);
            }

            destination[t] = g;
        }

        // Inputs are finite, so a non-finite Gₜ^λ can only be an overflow: checked once over the result, not per step.
        if (!Guard.IsAllFinite(destination[..rewards.Length]))
        {
            throw Guard.Overflow("Gₜ^λ", nameof(rewards));
        }
    }
}
