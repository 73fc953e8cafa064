namespace RlNotebooks.Deep.Algorithms;

/// <summary>One logged SAC update (every 100th), CleanRL's <c>losses/*</c> charts.</summary>
/// <param name="Update">0-based update index.</param>
/// <param name="Step">Environment steps taken so far.</param>
/// <param name="CriticLoss">mean (Q₁ − y)² + mean (Q₂ − y)².</param>
/// <param name="ActorLoss">mean (α log π(ã|s) − min(Q₁, Q₂)(s, ã)).</param>
/// <param name="Alpha">α after this update.</param>
/// <param name="Entropy">−mean log π(ã|s) of the batch's freshly sampled actions, the entropy estimate α is tuned on.</param>
public readonly record struct SacUpdateLog(long Update, long Step, double CriticLoss, double ActorLoss, double Alpha, double Entropy);

/// <summary>A SAC run: its episodes, update log and cost.</summary>
/// <param name="Config">The configuration it ran.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Episodes">Every finished training episode, in order.</param>
/// <param name="Updates">Every 100th update's log.</param>
/// <param name="TargetEntropy">H̄ the temperature was tuned toward.</param>
/// <param name="TotalSteps">Environment steps taken (fewer than the budget if it stopped at <see cref="SacConfig.StopAtReturn"/>).</param>
/// <param name="Seconds">Wall-clock seconds of the whole run.</param>
public sealed record SacResult(SacConfig Config, int Seed, IReadOnlyList<EpisodeRecord> Episodes, IReadOnlyList<SacUpdateLog> Updates,
    double TargetEntropy, long TotalSteps, double Seconds)
{
    /// <summary>Environment steps per second.</summary>
    public double StepsPerSecond => TotalSteps / Seconds;
}
