using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RlNotebooks.Validation;

namespace RlNotebooks.Returns;

/// <summary>
/// Discounted returns Gₜ = rₜ₊₁ + γ Gₜ₊₁ over a flat batch of one or several concatenated episodes.
/// <para>
/// Episode boundaries (t = 0..T−1): an episode ends at t iff terminated[t] || truncated[t], and the recursion is cut there:
/// <list type="bullet">
/// <item>terminated[t]: sₜ₊₁ is terminal, so Gₜ = rₜ₊₁ (bootstrap 0);</item>
/// <item>truncated[t] (time limit): Gₜ = rₜ₊₁ + γ V(sₜ₊₁) with V(sₜ₊₁) = nextValues[t], the final observation's value;</item>
/// <item>the last step of the batch that is neither (rollout cut-off): G_{T−1} = r_T + γ nextValues[T−1];</item>
/// <item>otherwise Gₜ = rₜ₊₁ + γ Gₜ₊₁ (nextValues[t] is not used).</item>
/// </list>
/// If a step is both terminated and truncated, termination wins (bootstrap 0).
/// </para>
/// </summary>
public static class DiscountedReturns
{
    /// <summary>Discounted returns of a flat batch with termination/truncation flags and bootstrap values.</summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁) of the actual next observation (used on truncation and at the batch end).</param>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal.</param>
    /// <param name="truncated">truncated[t]: the episode was cut by a time limit after step t.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <returns>A new array with Gₜ for t = 0..T−1.</returns>
    public static double[] Compute(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma)
    {
        var result = new double[rewards.Length];
        ComputeInto(rewards, nextValues, terminated, truncated, gamma, result);
        return result;
    }

    /// <summary>
    /// Writes the discounted returns of a flat batch into <paramref name="destination"/> in one backward pass with no allocation.
    /// Non-finite inputs are detected inside the same pass; the exception then names the first bad index and
    /// <paramref name="destination"/> holds unspecified values.
    /// </summary>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="nextValues">nextValues[t] = V(sₜ₊₁).</param>
    /// <param name="terminated">terminated[t]: sₜ₊₁ is terminal.</param>
    /// <param name="truncated">truncated[t]: time-limit cut after step t.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <param name="destination">Receives Gₜ in its first T slots.</param>
    public static void ComputeInto(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, Span<double> destination)
    {
        Guard.RolloutShape(rewards, nextValues, terminated, truncated);
        Guard.UnitInterval(gamma);
        Guard.DestinationLength(rewards.Length, destination.Length, nameof(destination));

        // A NaN or ±∞ input, or an overflow, leaves a non-finite value in the destination; the final carry alone does not
        // show it (an episode cut, or a later term cancelling, hides it), so the kernel also returns Σ (xₜ − xₜ) over what it
        // wrote: 0 when every value is finite, NaN otherwise.
        if (Backward(rewards, nextValues, terminated, truncated, gamma, destination) != 0.0)
        {
            Guard.AllFinite(rewards);
            Guard.AllFinite(nextValues);
            throw Guard.Overflow("Gₜ", nameof(rewards));
        }
    }

    /// <summary>
    /// Writes Gₜ for t = T−1..0 and returns Σₜ (Gₜ − Gₜ): 0 iff every Gₜ is finite, NaN otherwise.
    /// Kept out of line (NoInlining) and fully optimised at once (AggressiveOptimization): when a hot caller inlined it, the JIT ran out of inlining budget for <c>Step</c> and the loop became 2–3× slower.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Backward(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
        ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma, Span<double> destination)
    {
        ref double r = ref MemoryMarshal.GetReference(rewards);
        ref double nv = ref MemoryMarshal.GetReference(nextValues);
        ref byte term = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(terminated));
        ref byte trunc = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(truncated));
        ref double g = ref MemoryMarshal.GetReference(destination);

        // Gₜ = aₜ Gₜ₊₁ + bₜ is a latency-bound linear recurrence, so two steps are taken at once:
        // Gₜ₋₁ = (aₜ₋₁aₜ) Gₜ₊₁ + (aₜ₋₁bₜ + bₜ₋₁) leaves one fused multiply-add per two steps on the dependency chain.
        // The carry starts at nextValues[T−1] so that a cut-off last step bootstraps from it.
        double carry = Unsafe.Add(ref nv, rewards.Length - 1);
        double poison = 0.0;
        nint t = rewards.Length - 1;
        if ((rewards.Length & 1) != 0)
        {
            Step(ref r, ref nv, ref term, ref trunc, t, gamma, out double a1, out double b1);
            carry = Math.FusedMultiplyAdd(a1, carry, b1);
            Unsafe.Add(ref g, t) = carry;
            poison = carry - carry;
            t--;
        }

        // poison accumulates xₜ − xₜ (0, or NaN for ±∞/NaN) on its own dependency chain, beside the carry's, so it costs
        // almost nothing in this latency-bound loop, unlike a second pass over the destination.
        for (; t > 0; t -= 2)
        {
            Step(ref r, ref nv, ref term, ref trunc, t, gamma, out double a1, out double b1);
            Step(ref r, ref nv, ref term, ref trunc, t - 1, gamma, out double a0, out double b0);
            double g1 = Math.FusedMultiplyAdd(a1, carry, b1);
            Unsafe.Add(ref g, t) = g1;
            carry = Math.FusedMultiplyAdd(a0 * a1, carry, Math.FusedMultiplyAdd(a0, b1, b0));
            Unsafe.Add(ref g, t - 1) = carry;
            poison += (g1 - g1) + (carry - carry);
        }

        return poison;
    }

    /// <summary>
    /// Step t written as Gₜ = aₜ Gₜ₊₁ + bₜ, branch-free: aₜ = γ(1 − endedₜ) and bₜ = rₜ₊₁ + γ·(truncated only ? V(sₜ₊₁) : 0),
    /// i.e. Gₜ = rₜ₊₁ + γ·(ended ? (terminal ? 0 : V(sₜ₊₁)) : Gₜ₊₁).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(ref double rewards, ref double nextValues, ref byte terminated, ref byte truncated,
        nint t, double gamma, out double coefficient, out double offset)
    {
        int terminal = Unsafe.Add(ref terminated, t);
        int ended = terminal | Unsafe.Add(ref truncated, t);
        offset = Unsafe.Add(ref rewards, t) + gamma * Indicator(ended ^ terminal) * Unsafe.Add(ref nextValues, t);
        coefficient = gamma * Indicator(ended ^ 1);
    }

    /// <summary>
    /// 1.0 if <paramref name="bit"/> is 1 and 0.0 if it is 0, built from the bit pattern of 1.0: unlike an int-to-double
    /// conversion (cvtsi2sd) it carries no false dependency on a register that may hold the loop-carried value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Indicator(int bit) => BitConverter.Int64BitsToDouble(-(long)bit & 0x3FF0000000000000L);
}
