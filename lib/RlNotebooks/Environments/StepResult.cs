namespace RlNotebooks.Environments;

/// <summary>
/// What <c>Step(aₜ)</c> returns, with Gymnasium's meaning: the observation sₜ₊₁, the reward rₜ₊₁,
/// <paramref name="Terminated"/> (sₜ₊₁ is terminal: bootstrap with 0) and <paramref name="Truncated"/>
/// (the time limit cut the episode after this step: bootstrap from V(sₜ₊₁)). At most one of the two flags is set;
/// the episode ends when either is.
/// </summary>
/// <param name="Observation">sₜ₊₁, the state index reached.</param>
/// <param name="Reward">rₜ₊₁, the reward received for aₜ.</param>
/// <param name="Terminated">True when sₜ₊₁ is a terminal state of the model.</param>
/// <param name="Truncated">True when the step count reached the time limit and the episode did not terminate.</param>
public readonly record struct StepResult(int Observation, double Reward, bool Terminated, bool Truncated)
{
    /// <summary>True when the episode ended at this step (terminated or truncated); call <c>Reset</c> next.</summary>
    public bool Done => Terminated || Truncated;
}
