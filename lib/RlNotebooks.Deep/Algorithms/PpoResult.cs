namespace RlNotebooks.Deep.Algorithms;

/// <summary>What one PPO iteration (rollout + K epochs of minibatch updates) logged, CleanRL's <c>losses/*</c> charts.</summary>
/// <param name="Iteration">0-based iteration.</param>
/// <param name="Step">Environment steps taken so far (after this rollout).</param>
/// <param name="PolicyObjective">The policy surrogate (L^CLIP, L^KLPEN or L^CPI) averaged over the minibatches, to be maximised.</param>
/// <param name="ValueLoss">L^VF averaged over the minibatches.</param>
/// <param name="Entropy">Mean policy entropy S.</param>
/// <param name="ApproxKl">k3 estimate of D_KL(π_old ‖ π_θ) over the whole batch after the epochs.</param>
/// <param name="ClipFraction">Fraction of samples with |rₜ − 1| &gt; ε, averaged over the minibatches.</param>
/// <param name="ExplainedVariance">1 − Var[V^targ − V_old]/Var[V^targ] of the critic that collected the batch.</param>
/// <param name="Beta">β used in this iteration's penalty (the adaptive rule then updates it); 0 for clip and unconstrained.</param>
/// <param name="LearningRate">Adam's α in this iteration.</param>
public readonly record struct PpoIterationLog(int Iteration, long Step, double PolicyObjective, double ValueLoss, double Entropy,
    double ApproxKl, double ClipFraction, double ExplainedVariance, double Beta, double LearningRate);

/// <summary>A PPO run: the episodes it finished, its per-iteration log, and its cost.</summary>
/// <param name="Config">The configuration it ran.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Episodes">Every finished training episode, in order.</param>
/// <param name="Iterations">One log entry per iteration.</param>
/// <param name="TotalSteps">Environment steps taken (less than the budget if it stopped at <see cref="PpoConfig.StopAtReturn"/>).</param>
/// <param name="Seconds">Wall-clock seconds of the whole run.</param>
public sealed record PpoResult(PpoConfig Config, int Seed, IReadOnlyList<EpisodeRecord> Episodes, IReadOnlyList<PpoIterationLog> Iterations,
    long TotalSteps, double Seconds)
{
    /// <summary>Environment steps per second.</summary>
    public double StepsPerSecond => TotalSteps / Seconds;
}
