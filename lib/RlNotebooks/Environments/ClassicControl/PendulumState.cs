namespace RlNotebooks.Environments.ClassicControl;

/// <summary>Pendulum's float64 state (θ, θ̇): angle from upright [rad], not wrapped, and angular velocity in [−8, 8].</summary>
/// <param name="Theta">Angle θ (0 = upright, counter-clockwise positive), accumulated without wrapping.</param>
/// <param name="ThetaDot">Angular velocity θ̇.</param>
public readonly record struct PendulumState(double Theta, double ThetaDot);
