using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RlNotebooks.Returns;
using RlNotebooks.Validation;

namespace RlNotebooks.Advantages;

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
/// </summary>
public static class Gae
{
    /// <summary>GAE advantages Âₜ and value targets Âₜ + V(sₜ) of a flat batch.</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="values">values[t] = V(sₜ).</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁) of the actual next observation.</param>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal.</param>
    /// <param name="truncated">truncated[t]: time-limit cut after step t.</param>
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

    /// <summary>Writes Âₜ into <paramref name="advantages"/> and Âₜ + V(sₜ) into <paramref name="valueTargets"/>; no allocation.</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="values">values[t] = V(sₜ).</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁).</param>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal.</param>
    /// <param name="truncated">truncated[t]: time-limit cut after step t.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <param name="lambda">GAE parameter λ ∈ [0, 1].</param>
    /// <param name="advantages">Receives Âₜ in its first T slots.</param>
    /// <param name="valueTargets">Receives Âₜ + V(sₜ) in its first T slots.</param>
    public static void EstimateInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, double lambda,
        Span<double> advantages, Span<double> valueTargets)
    {
        Guard.DestinationLength(rewards.Length, valueTargets.Length, nameof(valueTargets));
        AdvantagesInto(rewards, values, nextValues, terminated, truncated, gamma, lambda, advantages);
        for (int t = 0; t < values.Length; t++)
        {
            valueTargets[t] = advantages[t] + values[t];
        }

        if (!Guard.IsAllFinite(valueTargets[..values.Length]))
        {
            throw Guard.Overflow("Âₜ + V(sₜ)", nameof(values));
        }
    }

    /// <summary>GAE advantages Âₜ of a flat batch.</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="values">values[t] = V(sₜ).</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁).</param>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal.</param>
    /// <param name="truncated">truncated[t]: time-limit cut after step t.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <param name="lambda">GAE parameter λ ∈ [0, 1].</param>
    /// <returns>A new array with Âₜ for t = 0..T−1.</returns>
    public static double[] Advantages(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, double lambda)
    {
        var result = new double[rewards.Length];
        AdvantagesInto(rewards, values, nextValues, terminated, truncated, gamma, lambda, result);
        return result;
    }

    /// <summary>
    /// Writes Âₜ into <paramref name="destination"/> in one backward pass with no allocation. Non-finite inputs are
    /// detected inside the same pass; the exception then names the first bad index and the destination holds unspecified values.
    /// </summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="values">values[t] = V(sₜ).</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁).</param>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal.</param>
    /// <param name="truncated">truncated[t]: time-limit cut after step t.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <param name="lambda">GAE parameter λ ∈ [0, 1].</param>
    /// <param name="destination">Receives Âₜ in its first T slots.</param>
    public static void AdvantagesInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, double lambda, Span<double> destination)
    {
        Guard.RolloutShape(rewards, nextValues, terminated, truncated);
        Guard.SameLength(rewards.Length, values.Length, nameof(values), nameof(rewards));
        Guard.UnitInterval(gamma);
        Guard.UnitInterval(lambda);
        Guard.DestinationLength(rewards.Length, destination.Length, nameof(destination));

        // Âₜ = aₜ Âₜ₊₁ + δₜ with aₜ = γλ(1 − doneₜ), from Â_T = 0 (the last δ is used alone).
        var step = new Step(rewards, values, nextValues, terminated, truncated, gamma, lambda);

        // A NaN or ±∞ input, or an overflow, leaves a non-finite value in the destination; the final carry alone does not
        // show it (an episode cut, or a later term cancelling, hides it), so the kernel also returns Σ (xₜ − xₜ) over what it
        // wrote: 0 when every value is finite, NaN otherwise.
        if (BackwardRecurrence.Run(step, 0.0, destination[..rewards.Length]) != 0.0)
        {
            Guard.AllFinite(rewards);
            Guard.AllFinite(values);
            Guard.AllFinite(nextValues);
            throw Guard.Overflow("Âₜ", nameof(rewards));
        }
    }

    /// <summary>
    /// Step t written as Âₜ = aₜ Âₜ₊₁ + δₜ for <see cref="BackwardRecurrence"/>: aₜ = γλ(1 − doneₜ),
    /// δₜ = rₜ₊₁ + γ(1 − terminatedₜ)V(sₜ₊₁) − V(sₜ); branch-free.
    /// </summary>
    private readonly ref struct Step : IRecurrenceStep
    {
        private readonly ref double _rewards;
        private readonly ref double _values;
        private readonly ref double _nextValues;
        private readonly ref byte _terminated;
        private readonly ref byte _truncated;
        private readonly double _gamma;
        private readonly double _gammaLambda;

        public Step(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues,
            ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, double lambda)
        {
            _rewards = ref MemoryMarshal.GetReference(rewards);
            _values = ref MemoryMarshal.GetReference(values);
            _nextValues = ref MemoryMarshal.GetReference(nextValues);
            _terminated = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(terminated));
            _truncated = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(truncated));
            _gamma = gamma;
            _gammaLambda = gamma * lambda;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Coefficients(nint t, out double a, out double b)
        {
            int terminal = Unsafe.Add(ref _terminated, t);
            int ended = terminal | Unsafe.Add(ref _truncated, t);
            b = Unsafe.Add(ref _rewards, t) + _gamma * BackwardRecurrence.Indicator(terminal ^ 1) * Unsafe.Add(ref _nextValues, t)
                - Unsafe.Add(ref _values, t);
            a = _gammaLambda * BackwardRecurrence.Indicator(ended ^ 1);
        }
    }
}
