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

        ref double r = ref MemoryMarshal.GetReference(rewards);
        ref double nv = ref MemoryMarshal.GetReference(nextValues);
        ref byte term = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(terminated));
        ref byte trunc = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(truncated));
        ref double g = ref MemoryMarshal.GetReference(destination);

        // The carry starts at nextValues[T−1] so that a cut-off last step bootstraps from it.
        double carry = Unsafe.Add(ref nv, rewards.Length - 1);
        double probe = 0.0;
        for (nint t = rewards.Length - 1; t >= 0; t--)
        {
            double reward = Unsafe.Add(ref r, t);
            double next = Unsafe.Add(ref nv, t);
            int terminal = Unsafe.Add(ref term, t);
            int ended = terminal | Unsafe.Add(ref trunc, t);
            probe += (reward - reward) + (next - next);

            // Gₜ = rₜ₊₁ + γ·(ended ? (terminal ? 0 : V(sₜ₊₁)) : Gₜ₊₁), written without branches so that only one
            // fused multiply-add sits on the loop-carried dependency chain.
            double endValue = reward + gamma * (ended - terminal) * next;
            carry = Math.FusedMultiplyAdd(gamma * (1 - ended), carry, endValue);
            Unsafe.Add(ref g, t) = carry;
        }

        if (probe != 0.0)
        {
            Guard.AllFinite(rewards);
            Guard.AllFinite(nextValues);
        }
    }
}
