namespace RlNotebooks.Environments.ClassicControl;

/// <summary>Acrobot's float64 state (θ₁, θ₂, θ̇₁, θ̇₂): θ₁ from hanging down, θ₂ relative to link 1, and their angular velocities.</summary>
/// <param name="Theta1">Angle θ₁ of link 1 (0 = pointing down), wrapped to [−π, π].</param>
/// <param name="Theta2">Angle θ₂ of link 2 relative to link 1, wrapped to [−π, π].</param>
/// <param name="Theta1Dot">θ̇₁, bounded to [−4π, 4π].</param>
/// <param name="Theta2Dot">θ̇₂, bounded to [−9π, 9π].</param>
public readonly record struct AcrobotState(double Theta1, double Theta2, double Theta1Dot, double Theta2Dot);
