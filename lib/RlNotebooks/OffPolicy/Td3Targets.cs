using RlNotebooks.Validation;

namespace RlNotebooks.OffPolicy;

/// <summary>
/// TD3 critic targets (Fujimoto et al. 2018; Spinning Up TD3):
/// <code>
/// target policy smoothing:  ε ~ clip(N(0, σ), −c, c),   ã′ = clip(μ′(s′) + ε, a_low, a_high)
/// clipped double-Q target:  y = r + γ (1 − terminated) min(Q₁′(s′, ã′), Q₂′(s′, ã′))
/// </code>
/// Order matters: the noise is clipped to [−c, c] FIRST, then added to μ′(s′), then the action is clipped to the box.
/// Actions are flat row-major B × dim with per-dimension bounds. terminated = s′ terminal → no bootstrap; a
/// time-limit truncation must pass terminated = false with the Q′ values of the actual final observation.
/// </summary>
public static class Td3Targets
{
    /// <summary>Samples clipped target-policy noise εᵢ = clip(σ zᵢ, −c, c), zᵢ ~ N(0, 1) (Box–Muller), as a new array.</summary>
    /// <param name="count">Number of noise values (B × dim) ≥ 1.</param>
    /// <param name="sigma">σ ≥ 0 (TD3 default 0.2).</param>
    /// <param name="noiseClip">c ≥ 0 (TD3 default 0.5).</param>
    /// <param name="random">Source of randomness; same seed → same noise.</param>
    public static double[] SampleNoise(int count, double sigma, double noiseClip, Random random)
    {
        Guard.AtLeast(count, 1);
        var noise = new double[count];
        SampleNoiseInto(sigma, noiseClip, random, noise);
        return noise;
    }

    /// <summary>Fills <paramref name="destination"/> with clip(σ z, −c, c), z ~ N(0, 1); no allocation.</summary>
    /// <param name="sigma">σ ≥ 0.</param>
    /// <param name="noiseClip">c ≥ 0.</param>
    /// <param name="random">Source of randomness.</param>
    /// <param name="destination">Receives the noise.</param>
    public static void SampleNoiseInto(double sigma, double noiseClip, Random random, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        Guard.NonNegative(sigma);
        Guard.NonNegative(noiseClip);
        for (int i = 0; i < destination.Length; i++)
        {
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            double z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            destination[i] = Math.Clamp(sigma * z, -noiseClip, noiseClip);
        }
    }

    /// <summary>Smoothed target actions ã′ = clip(μ′(s′) + clip(ε, −c, c), low, high) as a new flat B × dim array.</summary>
    /// <param name="targetActions">μ′(s′), flat B × dim.</param>
    /// <param name="noise">ε (raw or already clipped), same length; clipped to [−c, c] here.</param>
    /// <param name="noiseClip">c ≥ 0.</param>
    /// <param name="low">Per-dimension lower bounds, length dim.</param>
    /// <param name="high">Per-dimension upper bounds, length dim; low low ≤ highlt; high.</param>
    public static double[] SmoothedActions(ReadOnlySpan<double> targetActions, ReadOnlySpan<double> noise, double noiseClip,
        ReadOnlySpan<double> low, ReadOnlySpan<double> high)
    {
        var actions = new double[targetActions.Length];
        SmoothedActionsInto(targetActions, noise, noiseClip, low, high, actions);
        return actions;
    }

    /// <inheritdoc cref="SmoothedActions"/>
    /// <summary>Writes ã′ = clip(μ′(s′) + clip(ε, −c, c), low, high) into <paramref name="destination"/>; no allocation.</summary>
    public static void SmoothedActionsInto(ReadOnlySpan<double> targetActions, ReadOnlySpan<double> noise, double noiseClip,
        ReadOnlySpan<double> low, ReadOnlySpan<double> high, Span<double> destination)
    {
        Guard.NotEmpty(low.Length, nameof(low));
        Guard.ActionBounds(low, high);
        Guard.RowMajor(targetActions.Length, low.Length, nameof(targetActions), "low.Length");
        Guard.SameLength(targetActions.Length, noise.Length, nameof(noise), nameof(targetActions));
        Guard.SameLength(targetActions.Length, destination.Length, nameof(destination), nameof(targetActions));
        Guard.NonNegative(noiseClip);
        Guard.AllFinite(targetActions);
        Guard.AllFinite(noise);
        int dim = low.Length;
        for (int i = 0; i < targetActions.Length; i++)
        {
            int j = i % dim;
            double epsilon = Math.Clamp(noise[i], -noiseClip, noiseClip);
            destination[i] = Math.Clamp(targetActions[i] + epsilon, low[j], high[j]);
        }
    }

    /// <summary>
    /// Samples the noise with <paramref name="random"/> and returns the smoothed target actions
    /// (<see cref="SampleNoise"/> then <see cref="SmoothedActions"/>).
    /// </summary>
    /// <param name="targetActions">μ′(s′), flat B × dim.</param>
    /// <param name="sigma">σ ≥ 0.</param>
    /// <param name="noiseClip">c ≥ 0.</param>
    /// <param name="low">Lower bounds, length dim.</param>
    /// <param name="high">Upper bounds, length dim.</param>
    /// <param name="random">Source of randomness.</param>
    public static double[] SampleSmoothedActions(ReadOnlySpan<double> targetActions, double sigma, double noiseClip,
        ReadOnlySpan<double> low, ReadOnlySpan<double> high, Random random)
    {
        Guard.NotEmpty(targetActions.Length, nameof(targetActions));
        double[] noise = SampleNoise(targetActions.Length, sigma, noiseClip, random);
        SmoothedActionsInto(targetActions, noise, noiseClip, low, high, noise);
        return noise;
    }

    /// <summary>Clipped double-Q targets y = r + γ(1 − terminated) min(Q₁′(s′, ã′), Q₂′(s′, ã′)) as a new array.</summary>
    /// <param name="rewards">r, length B.</param>
    /// <param name="terminated">s′ terminal, length B.</param>
    /// <param name="nextQ1">Q₁′(s′, ã′), length B.</param>
    /// <param name="nextQ2">Q₂′(s′, ã′), length B.</param>
    /// <param name="gamma">γ ∈ [0, 1].</param>
    public static double[] Targets(ReadOnlySpan<double> rewards, ReadOnlySpan<bool> terminated, ReadOnlySpan<double> nextQ1,
        ReadOnlySpan<double> nextQ2, double gamma)
    {
        var y = new double[rewards.Length];
        TargetsInto(rewards, terminated, nextQ1, nextQ2, gamma, y);
        return y;
    }

    /// <inheritdoc cref="Targets"/>
    /// <summary>Writes y = r + γ(1 − terminated) min(Q₁′, Q₂′) into <paramref name="destination"/>; no allocation.</summary>
    public static void TargetsInto(ReadOnlySpan<double> rewards, ReadOnlySpan<bool> terminated, ReadOnlySpan<double> nextQ1,
        ReadOnlySpan<double> nextQ2, double gamma, Span<double> destination)
    {
        TwinQBatch.Check(rewards, terminated, nextQ1, nextQ2, gamma, destination);
        for (int t = 0; t < rewards.Length; t++)
        {
            destination[t] = terminated[t] ? rewards[t] : rewards[t] + gamma * Math.Min(nextQ1[t], nextQ2[t]);
        }

        if (!Guard.IsAllFinite(destination[..rewards.Length]))
        {
            throw Guard.Overflow("yₜ", nameof(rewards));
        }
    }
}
