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

        // Gₜ = aₜ Gₜ₊₁ + bₜ from G_T = nextValues[T−1], so that a cut-off last step bootstraps from it.
        var step = new Step(rewards, nextValues, terminated, truncated, gamma);

        // A NaN or ±∞ input, or an overflow, leaves a non-finite value in the destination; the final carry alone does not
        // show it (an episode cut, or a later term cancelling, hides it), so the kernel also returns Σ (xₜ − xₜ) over what it
        // wrote: 0 when every value is finite, NaN otherwise.
        if (BackwardRecurrence.Run(step, nextValues[^1], destination[..rewards.Length]) != 0.0)
        {
            Guard.AllFinite(rewards);
            Guard.AllFinite(nextValues);
            throw Guard.Overflow("Gₜ", nameof(rewards));
        }
    }

    /// <summary>
    /// Step t written as Gₜ = aₜ Gₜ₊₁ + bₜ for <see cref="BackwardRecurrence"/>, branch-free: aₜ = γ(1 − endedₜ) and
    /// bₜ = rₜ₊₁ + γ·(truncated only ? V(sₜ₊₁) : 0), i.e. Gₜ = rₜ₊₁ + γ·(ended ? (terminal ? 0 : V(sₜ₊₁)) : Gₜ₊₁).
    /// </summary>
    private readonly ref struct Step : IRecurrenceStep
    {
        private readonly ref double _rewards;
        private readonly ref double _nextValues;
        private readonly ref byte _terminated;
        private readonly ref byte _truncated;
        private readonly double _gamma;

        public Step(ReadOnlySpan<double> rewards, ReadOnlySpan<double> nextValues,
            ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated, double gamma)
        {
            _rewards = ref MemoryMarshal.GetReference(rewards);
            _nextValues = ref MemoryMarshal.GetReference(nextValues);
            _terminated = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(terminated));
            _truncated = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(truncated));
            _gamma = gamma;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Coefficients(nint t, out double a, out double b)
        {
            int terminal = Unsafe.Add(ref _terminated, t);
            int ended = terminal | Unsafe.Add(ref _truncated, t);
            b = Unsafe.Add(ref _rewards, t) + _gamma * BackwardRecurrence.Indicator(ended ^ terminal) * Unsafe.Add(ref _nextValues, t);
            a = _gamma * BackwardRecurrence.Indicator(ended ^ 1);
        }
    }
}
