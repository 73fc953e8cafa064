namespace RlNotebooks.Advantages;

/// <summary>The output of generalized advantage estimation.</summary>
/// <param name="Advantages">Âₜ = Σₗ (γλ)ˡ δₜ₊ₗ, cut at episode ends.</param>
/// <param name="ValueTargets">Âₜ + V(sₜ), the λ-return targets for the value function.</param>
public sealed record GaeEstimate(double[] Advantages, double[] ValueTargets);
