namespace RlNotebooks.Deep.Algorithms;

/// <summary>One TRPO iteration's log: the natural-gradient step and the critic fit.</summary>
/// <param name="Iteration">0-based iteration.</param>
/// <param name="Step">Environment steps so far.</param>
/// <param name="CgIterations">Conjugate-gradient iterations used.</param>
/// <param name="CgResidual">‖r_k‖ / ‖g‖ after the last CG iteration.</param>
/// <param name="StepScale">α = √(2δ / xᵀFx).</param>
/// <param name="Accepted">Whether the line search accepted a candidate (false: θ unchanged).</param>
/// <param name="Backtracks">Shrinkages k of the accepted step (βᵏ).</param>
/// <param name="Improvement">L(θ) − L(θold) of the accepted step (normalised-advantage units).</param>
/// <param name="Kl">D̄_KL(π_θold ‖ π_θ) of the accepted step (≤ δ).</param>
/// <param name="ValueLoss">½ mean squared error of the critic on the last minibatch.</param>
/// <param name="ExplainedVariance">1 − Var[V^targ − V] / Var[V^targ] of the critic that collected the batch.</param>
public readonly record struct TrpoIteration(int Iteration, long Step, int CgIterations, double CgResidual, double StepScale,
    bool Accepted, int Backtracks, double Improvement, double Kl, double ValueLoss, double ExplainedVariance);

/// <summary>The outcome of <see cref="Trpo.Train"/>.</summary>
/// <param name="Episodes">Every finished training episode, in order.</param>
/// <param name="Iterations">One log entry per policy update.</param>
/// <param name="TotalSteps">Environment steps taken.</param>
/// <param name="Seconds">Wall-clock seconds of the whole run.</param>
public sealed record TrpoResult(IReadOnlyList<EpisodeRecord> Episodes, IReadOnlyList<TrpoIteration> Iterations, long TotalSteps, double Seconds)
{
    /// <summary>Environment steps per second over the whole run.</summary>
    public double StepsPerSecond => TotalSteps / Seconds;
}
