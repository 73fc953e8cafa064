using RlNotebooks.Deep.Networks;
using RlNotebooks.Returns;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>
/// The critic's estimate against what actually happened, for one finished episode: the mean of Q₁(sₜ, aₜ) and of the
/// discounted Monte Carlo return Gₜ = Σ_{k≥t} γ^{k−t} r_{k+1} over the episode's first half (t &lt; T/2), with the current
/// critic. Only the first half is used because the time limit cuts Gₜ: the missing tail weighs at most γ^{T/2} (0.37 for
/// γ = 0.99, T = 200), and once the pendulum is balanced its rewards are ≈ 0. Q − G &gt; 0 is over-estimation (Fujimoto et al.
/// 2018, Figure 1, measure the same gap).
/// </summary>
/// <param name="Step">Environment step at which the episode ended.</param>
/// <param name="Q">Mean Q₁(sₜ, aₜ) over the first half.</param>
/// <param name="MonteCarloReturn">Mean Gₜ over the first half.</param>
public readonly record struct QEstimateRecord(long Step, double Q, double MonteCarloReturn)
{
    /// <summary>Q − G, positive when the critic over-estimates.</summary>
    public double OverEstimation => Q - MonteCarloReturn;
}

internal static class QEstimate
{
    public static QEstimateRecord OfEpisode(QCritic critic, OffPolicyCollector collector, double gamma)
    {
        var (observations, actions, rewards) = collector.Trace;
        int half = Math.Max(1, rewards.Count / 2);
        double[] returns = RewardToGo.Compute(rewards.ToArray(), gamma);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        int d = observations.Count / rewards.Count, a = actions.Count / rewards.Count;
        Tensor s = tensor(observations.GetRange(0, half * d).ToArray(), [half, d]);
        Tensor act = tensor(actions.GetRange(0, half * a).ToArray(), [half, a]);
        double q = critic.forward(s, act).mean().item<float>();
        return new QEstimateRecord(collector.Environment.TotalSteps, q, returns.AsSpan(0, half).ToArray().Average());
    }
}
