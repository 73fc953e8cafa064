using RlNotebooks.Validation;

namespace RlNotebooks.OffPolicy;

/// <summary>
/// Polyak (soft) target-network update θ′ ← τθ + (1 − τ)θ′ (DDPG/TD3/SAC; τ ≈ 0.005). τ = 1 copies the online
/// parameters (a DQN-style hard update), τ = 0 leaves the target unchanged.
/// Note: Spinning Up writes the same rule as θ′ ← ρθ′ + (1 − ρ)θ with ρ = 1 − τ.
/// </summary>
public static class Polyak
{
    /// <summary>Returns τθ + (1 − τ)θ′ as a new array.</summary>
    /// <param name="target">θ′ (target parameters).</param>
    /// <param name="online">θ (online parameters), same length.</param>
    /// <param name="tau">τ ∈ [0, 1].</param>
    public static double[] Update(ReadOnlySpan<double> target, ReadOnlySpan<double> online, double tau)
    {
        double[] result = target.ToArray();
        UpdateInPlace(result, online, tau);
        return result;
    }

    /// <summary>Overwrites <paramref name="target"/> with τθ + (1 − τ)θ′; no allocation.</summary>
    /// <param name="target">θ′, updated in place.</param>
    /// <param name="online">θ, same length.</param>
    /// <param name="tau">τ ∈ [0, 1].</param>
    public static void UpdateInPlace(Span<double> target, ReadOnlySpan<double> online, double tau)
    {
        Guard.NotEmpty(target.Length, nameof(target));
        Guard.SameLength(target.Length, online.Length, nameof(online), nameof(target));
        Guard.UnitInterval(tau);
        Guard.AllFinite(target);
        Guard.AllFinite(online);
        double keep = 1.0 - tau;
        for (int i = 0; i < target.Length; i++)
        {
            target[i] = tau * online[i] + keep * target[i];
        }
    }
}
