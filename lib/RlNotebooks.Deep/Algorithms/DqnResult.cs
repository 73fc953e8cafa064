namespace RlNotebooks.Deep.Algorithms;

/// <summary>What one DQN update (G gradient steps after a vector step) logged, CleanRL's <c>losses/td_loss</c> and <c>losses/q_values</c>.</summary>
/// <param name="GradientSteps">Gradient steps taken so far (after this update).</param>
/// <param name="Step">Environment steps taken so far.</param>
/// <param name="Loss">The Huber loss of the update's last gradient step.</param>
/// <param name="MeanQ">The mean Q_θ(sₜ, aₜ) over that step's minibatch.</param>
/// <param name="Epsilon">ε of the exploration schedule at this step.</param>
public readonly record struct DqnUpdateLog(int GradientSteps, long Step, double Loss, double MeanQ, double Epsilon);

/// <summary>A DQN run: the episodes it finished, its update log, its cost and the trained agent (dispose the result to free it).</summary>
/// <param name="Config">The configuration it ran.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Episodes">Every finished training episode, in order.</param>
/// <param name="Updates">One log entry per update.</param>
/// <param name="Checkpoints">The over-estimation checkpoints, one per <see cref="DqnConfig.CheckpointInterval"/> environment steps (none without it).</param>
/// <param name="TotalSteps">Environment steps taken (less than the budget if it stopped at <see cref="DqnConfig.StopAtReturn"/>).</param>
/// <param name="Seconds">Wall-clock seconds of the whole run.</param>
/// <param name="Agent">Q_θ, Q_θ⁻ and the optimizer as training left them.</param>
public sealed record DqnResult(DqnConfig Config, int Seed, IReadOnlyList<EpisodeRecord> Episodes, IReadOnlyList<DqnUpdateLog> Updates,
    IReadOnlyList<DqnCheckpoint> Checkpoints, long TotalSteps, double Seconds, DqnAgent Agent) : IDisposable
{
    /// <summary>Environment steps per second.</summary>
    public double StepsPerSecond => TotalSteps / Seconds;

    /// <summary>Frees the agent's networks.</summary>
    public void Dispose() => Agent.Dispose();
}
