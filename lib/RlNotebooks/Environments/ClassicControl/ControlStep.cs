namespace RlNotebooks.Environments.ClassicControl;

/// <summary>
/// What one step of a classic-control environment reports besides the observation (written into the caller's span):
/// the reward rₜ₊₁, <paramref name="Terminated"/> (sₜ₊₁ is terminal: bootstrap with 0) and <paramref name="Truncated"/>
/// (the registered time limit cut the episode: bootstrap from V(sₜ₊₁)). At most one flag is set; termination wins when
/// the last allowed step also terminates (Gymnasium would report both).
/// </summary>
/// <param name="Reward">rₜ₊₁ in float64, as Gymnasium returns it.</param>
/// <param name="Terminated">sₜ₊₁ is a terminal state of the task.</param>
/// <param name="Truncated">The step count reached the time limit and the episode did not terminate.</param>
public readonly record struct ControlStep(double Reward, bool Terminated, bool Truncated)
{
    /// <summary>True when the episode ended at this step; call Reset next.</summary>
    public bool Done => Terminated || Truncated;
}
