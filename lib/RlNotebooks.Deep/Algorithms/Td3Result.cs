namespace RlNotebooks.Deep.Algorithms;

/// <summary>One logged update (every 100th), CleanRL's <c>losses/*</c> charts.</summary>
/// <param name="Update">0-based update index.</param>
/// <param name="Step">Environment steps taken so far.</param>
/// <param name="CriticLoss">Σᵢ mean (Qᵢ − y)².</param>
/// <param name="ActorLoss">−mean Q₁(s, μ(s)), NaN on updates that skip the (delayed) actor step.</param>
/// <param name="MeanQ">Mean Q₁(s, a) over the batch.</param>
public readonly record struct Td3UpdateLog(long Update, long Step, double CriticLoss, double ActorLoss, double MeanQ);

/// <summary>A DDPG/TD3 run: its episodes, update log, Q estimates against Monte Carlo returns, and cost.</summary>
/// <param name="Config">The configuration it ran.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Episodes">Every finished training episode, in order.</param>
/// <param name="Updates">Every 100th update's log.</param>
/// <param name="QEstimates">One <see cref="QEstimateRecord"/> per finished episode.</param>
/// <param name="TotalSteps">Environment steps taken (fewer than the budget if it stopped at <see cref="Td3Config.StopAtReturn"/>).</param>
/// <param name="Seconds">Wall-clock seconds of the whole run.</param>
public sealed record Td3Result(Td3Config Config, int Seed, IReadOnlyList<EpisodeRecord> Episodes, IReadOnlyList<Td3UpdateLog> Updates,
    IReadOnlyList<QEstimateRecord> QEstimates, long TotalSteps, double Seconds)
{
    /// <summary>Environment steps per second.</summary>
    public double StepsPerSecond => TotalSteps / Seconds;
}
