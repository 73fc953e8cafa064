using RlNotebooks.Validation;

namespace RlNotebooks.Advantages;

/// <summary>The output of generalized advantage estimation.</summary>
/// <param name="Advantages">Âₜ = Σₗ (γλ)ˡ δₜ₊ₗ, cut at episode ends.</param>
/// <param name="ValueTargets">Âₜ + V(sₜ), the λ-return targets for the value function.</param>
public sealed record GaeEstimate(double[] Advantages, double[] ValueTargets);

/// <summary>
/// Generalized advantage estimation, GAE(γ, λ) (Schulman et al. 2016, eq. 16):
/// Âₜ = Σₗ₌₀ (γλ)ˡ δₜ₊ₗ with δₜ = rₜ₊₁ + γ (1 − terminatedₜ) V(sₜ₊₁) − V(sₜ),
/// computed backward as Âₜ = δₜ + γλ (1 − doneₜ) Âₜ₊₁ where doneₜ = terminatedₜ || truncatedₜ.
/// <para>
/// Episode boundaries in a flat batch: termination bootstraps 0; truncation bootstraps from nextValues[t], the value of
/// the final observation before reset; the trace is cut at every episode end, and at the end of the batch the last δ is
/// used alone (rollout cut-off, bootstrapping from nextValues[T−1]). λ = 0 gives δₜ. When the critic is consistent within
/// episodes (nextValues[t] = values[t+1] unless step t ends an episode) the sum telescopes: λ = 1 gives discounted returns
/// minus V(sₜ), and the value targets Âₜ + V(sₜ) are the λ-returns.
/// </para>
/// Copying this file: it needs only <c>Validation/Guard.cs</c> beside it.
/// </summary>
public static class Gae
{
    /// <summary>GAE advantages Âₜ and value targets Âₜ + V(sₜ) of a flat batch.</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="values">values[t] = V(sₜ).</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁) of the actual next observation.</param>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal (bootstrap 0).</param>
    /// <param name="truncated">truncated[t]: time-limit cut after step t (bootstrap from nextValues[t]).</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <param name="lambda">GAE parameter λ ∈ [0, 1].</param>
    /// <returns>New arrays with Âₜ and Âₜ + V(sₜ).</returns>
    public static GaeEstimate Estimate(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, double lambda)
    {
        var advantages = new double[rewards.Length];
        var targets = new double[rewards.Length];
        EstimateInto(rewards, values, nextValues, terminated, truncated, gamma, lambda, advantages, targets);
        return new GaeEstimate(advantages, targets);
    }

    /// <inheritdoc cref="Estimate"/>
    /// <summary>Writes Âₜ into <paramref name="advantages"/> and Âₜ + V(sₜ) into <paramref name="valueTargets"/>; no allocation.</summary>
    public static void EstimateInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, double lambda,
        Span<double> advantages, Span<double> valueTargets)
    {
        Guard.DestinationLength(rewards.Length, valueTargets.Length, nameof(valueTargets));
        AdvantagesInto(rewards, values, nextValues, terminated, truncated, gamma, lambda, advantages);
        for (int t = 0; t < rewards.Length; t++)
        {
            valueTargets[t] = advantages[t] + values[t];
            if (!double.IsFinite(valueTargets[t]))
            {
                throw Guard.Overflow($"Â[{t}] + V(s[{t}])", nameof(values));
            }
        }
    }

    /// <inheritdoc cref="Estimate"/>
    /// <summary>GAE advantages Âₜ of a flat batch.</summary>
    /// <returns>A new array with Âₜ for t = 0..T−1.</returns>
    public static double[] Advantages(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, double lambda)
    {
        var result = new double[rewards.Length];
        AdvantagesInto(rewards, values, nextValues, terminated, truncated, gamma, lambda, result);
        return result;
    }

    /// <inheritdoc cref="Estimate"/>
    /// <summary>
    /// Writes Âₜ into <paramref name="destination"/> in one backward pass with no allocation. A NaN or ±∞ input is found in
    /// the same pass; the exception then names the first bad index and the destination holds unspecified values.
    /// </summary>
    public static void AdvantagesInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, double lambda, Span<double> destination)
    {
        Guard.NotEmpty(rewards.Length, nameof(rewards));
        Guard.SameLength(rewards.Length, values.Length, nameof(values), nameof(rewards));
        Guard.SameLength(rewards.Length, nextValues.Length, nameof(nextValues), nameof(rewards));
        Guard.SameLength(rewards.Length, terminated.Length, nameof(terminated), nameof(rewards));
        Guard.SameLength(rewards.Length, truncated.Length, nameof(truncated), nameof(rewards));
        Guard.UnitInterval(gamma);
        Guard.UnitInterval(lambda);
        Guard.DestinationLength(rewards.Length, destination.Length, nameof(destination));

        double advantage = 0.0; // Â_T = 0: at the batch end the last δ is used alone.
        for (int t = rewards.Length - 1; t >= 0; t--)
        {
            double bootstrap = terminated[t] ? 0.0 : gamma;                      // γ(1 − terminatedₜ)
            double trace = terminated[t] || truncated[t] ? 0.0 : gamma * lambda;  // γλ(1 − doneₜ)
            double delta = rewards[t] + bootstrap * nextValues[t] - values[t];    // δₜ
            advantage = Math.FusedMultiplyAdd(trace, advantage, delta);          // Âₜ = δₜ + γλ(1 − doneₜ)Âₜ₊₁
            destination[t] = advantage;
        }

        // 0·NaN = NaN and 0·∞ = NaN, so a NaN or ±∞ anywhere (an input, or an overflow) reaches Â₀: one check suffices.
        if (!double.IsFinite(advantage))
        {
            ThrowNotFinite(rewards, values, nextValues);
        }
    }

    /// <summary>Names the first non-finite input, or reports an overflow when every input is finite.</summary>
    private static void ThrowNotFinite(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues)
    {
        Guard.AllFinite(rewards);
        Guard.AllFinite(values);
        Guard.AllFinite(nextValues);
        throw Guard.Overflow("Âₜ", nameof(rewards));
    }
}
