namespace RlNotebooks.Environments.ClassicControl;

/// <summary>CartPole's float64 state (x, ẋ, θ, θ̇): cart position [m], cart velocity, pole angle [rad] from upright, angular velocity.</summary>
/// <param name="X">Cart position x.</param>
/// <param name="XDot">Cart velocity ẋ.</param>
/// <param name="Theta">Pole angle θ (0 = upright).</param>
/// <param name="ThetaDot">Pole angular velocity θ̇.</param>
public readonly record struct CartPoleState(double X, double XDot, double Theta, double ThetaDot);
