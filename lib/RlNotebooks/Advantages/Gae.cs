using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

        // A NaN or ±∞ input, or an overflow, leaves a non-finite value in the destination; the final carry alone does not
        // show it (an episode cut, or a later term cancelling, hides it), so the kernel also returns Σ (xₜ − xₜ) over what it
        // wrote: 0 when every value is finite, NaN otherwise.
        if (Backward(rewards, values, nextValues, terminated, truncated, gamma, lambda, destination) != 0.0)
        {
            Guard.AllFinite(rewards);
            Guard.AllFinite(values);
            Guard.AllFinite(nextValues);
            throw Guard.Overflow("Âₜ", nameof(rewards));
        }
    }

    /// <summary>
    /// Writes Âₜ for t = T−1..0 and returns Σₜ (Âₜ − Âₜ): 0 iff every Âₜ is finite, NaN otherwise.
    /// Kept out of line (NoInlining) and fully optimised at once (AggressiveOptimization): when a hot caller inlined it, the JIT ran out of inlining budget for <c>Step</c> and the loop became 2–3× slower.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Backward(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, double lambda, Span<double> destination)
    {
        ref double r = ref MemoryMarshal.GetReference(rewards);
        ref double v = ref MemoryMarshal.GetReference(values);
        ref double nv = ref MemoryMarshal.GetReference(nextValues);
        ref byte term = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(terminated));
        ref byte trunc = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(truncated));
        ref double a = ref MemoryMarshal.GetReference(destination);

        // Âₜ = aₜ Âₜ₊₁ + δₜ with aₜ = γλ(1 − doneₜ) is a latency-bound linear recurrence, so two steps are taken at once:
        // Âₜ₋₁ = (aₜ₋₁aₜ) Âₜ₊₁ + (aₜ₋₁δₜ + δₜ₋₁) leaves one fused multiply-add per two steps on the dependency chain.
        double gammaLambda = gamma * lambda;
        double carry = 0.0;
        double poison = 0.0;
        nint t = rewards.Length - 1;
        if ((rewards.Length & 1) != 0)
        {
            Step(ref r, ref v, ref nv, ref term, ref trunc, t, gamma, gammaLambda, out double a1, out double delta1);
            carry = Math.FusedMultiplyAdd(a1, carry, delta1);
            Unsafe.Add(ref a, t) = carry;
            poison = carry - carry;
            t--;
        }

        // poison accumulates xₜ − xₜ (0, or NaN for ±∞/NaN) on its own dependency chain, beside the carry's, so it costs
        // almost nothing in this latency-bound loop, unlike a second pass over the destination.
        for (; t > 0; t -= 2)
        {
            Step(ref r, ref v, ref nv, ref term, ref trunc, t, gamma, gammaLambda, out double a1, out double delta1);
            Step(ref r, ref v, ref nv, ref term, ref trunc, t - 1, gamma, gammaLambda, out double a0, out double delta0);
            double advantage1 = Math.FusedMultiplyAdd(a1, carry, delta1);
            Unsafe.Add(ref a, t) = advantage1;
            carry = Math.FusedMultiplyAdd(a0 * a1, carry, Math.FusedMultiplyAdd(a0, delta1, delta0));
            Unsafe.Add(ref a, t - 1) = carry;
            poison += (advantage1 - advantage1) + (carry - carry);
        }

        return poison;
    }

    /// <summary>Step t written as Âₜ = aₜ Âₜ₊₁ + δₜ: aₜ = γλ(1 − doneₜ), δₜ = rₜ₊₁ + γ(1 − terminatedₜ)V(sₜ₊₁) − V(sₜ); branch-free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(ref double rewards, ref double values, ref double nextValues, ref byte terminated, ref byte truncated,
        nint t, double gamma, double gammaLambda, out double coefficient, out double delta)
    {
        int terminal = Unsafe.Add(ref terminated, t);
        int ended = terminal | Unsafe.Add(ref truncated, t);
        delta = Unsafe.Add(ref rewards, t) + gamma * Indicator(terminal ^ 1) * Unsafe.Add(ref nextValues, t) - Unsafe.Add(ref values, t);
        coefficient = gammaLambda * Indicator(ended ^ 1);
    }

    /// <summary>
    /// 1.0 if <paramref name="bit"/> is 1 and 0.0 if it is 0, built from the bit pattern of 1.0: unlike an int-to-double
    /// conversion (cvtsi2sd) it carries no false dependency on a register that may hold the loop-carried value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Indicator(int bit) => BitConverter.Int64BitsToDouble(-(long)bit & 0x3FF0000000000000L);
}
