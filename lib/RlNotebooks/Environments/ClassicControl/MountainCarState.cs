namespace RlNotebooks.Environments.ClassicControl;

/// <summary>Mountain car's state (position x ∈ [−1.2, 0.6], velocity v ∈ [−0.07, 0.07]).</summary>
/// <param name="Position">Position x along the valley.</param>
/// <param name="Velocity">Velocity v.</param>
public readonly record struct MountainCarState(double Position, double Velocity);
