using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RlNotebooks.Returns;

/// <summary>
/// Step t of a backward first-order linear recurrence xₜ = aₜ xₜ₊₁ + bₜ: supplies (aₜ, bₜ).
/// Implemented by small ref structs so that <see cref="BackwardRecurrence.Run{TStep}"/> is specialised and inlined per step.
/// </summary>
internal interface IRecurrenceStep
{
    /// <summary>The coefficients of step t: xₜ = <paramref name="a"/> xₜ₊₁ + <paramref name="b"/>.</summary>
    /// <param name="t">Time index, 0 ≤ t &lt; T.</param>
    /// <param name="a">aₜ, the factor on the carried value xₜ₊₁.</param>
    /// <param name="b">bₜ, the offset.</param>
    void Coefficients(nint t, out double a, out double b);
}

/// <summary>
/// The kernel shared by discounted returns (Gₜ = aₜ Gₜ₊₁ + bₜ) and GAE (Âₜ = aₜ Âₜ₊₁ + δₜ): the backward first-order linear
/// recurrence xₜ = aₜ xₜ₊₁ + bₜ for t = T−1..0, starting from x_T = the given carry, with a non-finite check in the same pass.
/// </summary>
internal static class BackwardRecurrence
{
    /// <summary>
    /// Writes xₜ = aₜ xₜ₊₁ + bₜ for t = T−1..0 into <paramref name="destination"/> (x_T = <paramref name="carry"/>) and returns
    /// Σₜ (xₜ − xₜ): 0 iff every xₜ is finite, NaN otherwise.
    /// <para>
    /// The recurrence is latency-bound, so two steps are taken at once: xₜ₋₁ = (aₜ₋₁aₜ) xₜ₊₁ + (aₜ₋₁bₜ + bₜ₋₁) leaves one fused
    /// multiply-add per two steps on the dependency chain (an odd T takes one single step first).
    /// </para>
    /// <para>
    /// Generic over a struct step so that each caller gets its own specialised copy with <c>Coefficients</c> inlined (no delegate,
    /// no virtual call per element). Kept out of line (NoInlining) and fully optimised at once (AggressiveOptimization): when a
    /// hot caller inlined the loop, the JIT ran out of inlining budget for the per-step code and the loop became 2–3× slower.
    /// </para>
    /// </summary>
    /// <typeparam name="TStep">The per-step coefficients (aₜ, bₜ).</typeparam>
    /// <param name="step">Supplies (aₜ, bₜ) for 0 ≤ t &lt; T.</param>
    /// <param name="carry">x_T, the value carried into the last step.</param>
    /// <param name="destination">Receives xₜ in its first T slots; T = its length.</param>
    /// <returns>Σₜ (xₜ − xₜ): 0 when every xₜ is finite, NaN otherwise.</returns>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static double Run<TStep>(TStep step, double carry, Span<double> destination)
        where TStep : struct, IRecurrenceStep, allows ref struct
    {
        ref double x = ref MemoryMarshal.GetReference(destination);
        double poison = 0.0;
        nint t = destination.Length - 1;
        if ((destination.Length & 1) != 0)
        {
            step.Coefficients(t, out double a1, out double b1);
            carry = Math.FusedMultiplyAdd(a1, carry, b1);
            Unsafe.Add(ref x, t) = carry;
            poison = carry - carry;
            t--;
        }

        // poison accumulates xₜ − xₜ (0, or NaN for ±∞/NaN) on its own dependency chain, beside the carry's, so it costs
        // almost nothing in this latency-bound loop, unlike a second pass over the destination.
        for (; t > 0; t -= 2)
        {
            step.Coefficients(t, out double a1, out double b1);
            step.Coefficients(t - 1, out double a0, out double b0);
            double x1 = Math.FusedMultiplyAdd(a1, carry, b1);
            Unsafe.Add(ref x, t) = x1;
            carry = Math.FusedMultiplyAdd(a0 * a1, carry, Math.FusedMultiplyAdd(a0, b1, b0));
            Unsafe.Add(ref x, t - 1) = carry;
            poison += (x1 - x1) + (carry - carry);
        }

        return poison;
    }

    /// <summary>
    /// 1.0 if <paramref name="bit"/> is 1 and 0.0 if it is 0, built from the bit pattern of 1.0: unlike an int-to-double
    /// conversion (cvtsi2sd) it carries no false dependency on a register that may hold the loop-carried value.
    /// </summary>
    /// <param name="bit">0 or 1.</param>
    /// <returns>(double)bit.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Indicator(int bit) => BitConverter.Int64BitsToDouble(-(long)bit & 0x3FF0000000000000L);
}
