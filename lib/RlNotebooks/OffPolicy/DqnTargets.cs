using RlNotebooks.Bellman;
using RlNotebooks.Validation;

namespace RlNotebooks.OffPolicy;

/// <summary>
/// One-step Q-learning targets for a replay batch of B transitions (sₜ, aₜ, rₜ₊₁, sₜ₊₁):
/// <code>
/// DQN:         yₜ = rₜ₊₁ + γ (1 − terminatedₜ) maxₐ′ Q_target(sₜ₊₁, a′)                          (Mnih et al. 2015)
/// Double DQN:  yₜ = rₜ₊₁ + γ (1 − terminatedₜ) Q_target(sₜ₊₁, argmaxₐ′ Q_online(sₜ₊₁, a′))       (van Hasselt et al. 2016)
/// </code>
/// Q rows are flat row-major B × |A| (row t = Q(sₜ₊₁, ·)). Episode boundaries: terminated[t] = sₜ₊₁ is terminal →
/// no bootstrap. A transition cut by a time limit (truncated) is NOT terminal: pass terminated = false and the Q row of
/// the actual final observation, so the target bootstraps. argmax ties go to the lowest action index.
/// With identical online and target tables both targets are equal; in general DQN ≥ Double DQN for γ ≥ 0, because
/// the max over a row is ≥ that row's entry at any action (this is the overestimation Double DQN removes).
/// </summary>
public static class DqnTargets
{
    /// <summary>DQN targets yₜ = rₜ₊₁ + γ(1 − terminatedₜ) maxₐ′ Q_target(sₜ₊₁, a′).</summary>
    /// <param name="rewards">rₜ₊₁, length B.</param>
    /// <param name="terminated">sₜ₊₁ terminal, length B.</param>
    /// <param name="nextTargetQ">Q_target(sₜ₊₁, ·), flat B × |A|.</param>
    /// <param name="actionCount">|A| ≥ 1.</param>
    /// <param name="gamma">γ ∈ [0, 1].</param>
    public static double[] Dqn(ReadOnlySpan<double> rewards, ReadOnlySpan<bool> terminated, ReadOnlySpan<double> nextTargetQ,
        int actionCount, double gamma)
    {
        var y = new double[rewards.Length];
        DqnInto(rewards, terminated, nextTargetQ, actionCount, gamma, y);
        return y;
    }

    /// <inheritdoc cref="Dqn"/>
    /// <summary>Writes DQN targets into <paramref name="destination"/> (length B); no allocation.</summary>
    public static void DqnInto(ReadOnlySpan<double> rewards, ReadOnlySpan<bool> terminated, ReadOnlySpan<double> nextTargetQ,
        int actionCount, double gamma, Span<double> destination)
    {
        Validate(rewards, terminated, nextTargetQ, actionCount, gamma, destination);
        for (int t = 0; t < rewards.Length; t++)
        {
            ReadOnlySpan<double> row = nextTargetQ.Slice(t * actionCount, actionCount);
            destination[t] = terminated[t] ? rewards[t] : rewards[t] + gamma * row[Greedy.ArgMax(row)];
        }

        // Inputs are finite, so a non-finite yₜ = r + γQ can only be an overflow: checked once over the batch.
        if (!Guard.IsAllFinite(destination[..rewards.Length]))
        {
            throw Guard.Overflow("yₜ", nameof(rewards));
        }
    }

    /// <summary>Double-DQN targets: the online network picks a* = argmaxₐ′ Q_online(sₜ₊₁, a′), the target network evaluates it.</summary>
    /// <param name="rewards">rₜ₊₁, length B.</param>
    /// <param name="terminated">sₜ₊₁ terminal, length B.</param>
    /// <param name="nextOnlineQ">Q_online(sₜ₊₁, ·), flat B × |A| (selects).</param>
    /// <param name="nextTargetQ">Q_target(sₜ₊₁, ·), flat B × |A| (evaluates).</param>
    /// <param name="actionCount">|A| ≥ 1.</param>
    /// <param name="gamma">γ ∈ [0, 1].</param>
    public static double[] DoubleDqn(ReadOnlySpan<double> rewards, ReadOnlySpan<bool> terminated, ReadOnlySpan<double> nextOnlineQ,
        ReadOnlySpan<double> nextTargetQ, int actionCount, double gamma)
    {
        var y = new double[rewards.Length];
        DoubleDqnInto(rewards, terminated, nextOnlineQ, nextTargetQ, actionCount, gamma, y);
        return y;
    }

    /// <inheritdoc cref="DoubleDqn"/>
    /// <summary>Writes Double-DQN targets into <paramref name="destination"/> (length B); no allocation.</summary>
    public static void DoubleDqnInto(ReadOnlySpan<double> rewards, ReadOnlySpan<bool> terminated, ReadOnlySpan<double> nextOnlineQ,
        ReadOnlySpan<double> nextTargetQ, int actionCount, double gamma, Span<double> destination)
    {
        Validate(rewards, terminated, nextTargetQ, actionCount, gamma, destination);
        Guard.SameLength(nextTargetQ.Length, nextOnlineQ.Length, nameof(nextOnlineQ), nameof(nextTargetQ));
        Guard.AllFinite(nextOnlineQ);
        for (int t = 0; t < rewards.Length; t++)
        {
            int best = Greedy.ArgMax(nextOnlineQ.Slice(t * actionCount, actionCount));
            destination[t] = terminated[t] ? rewards[t] : rewards[t] + gamma * nextTargetQ[t * actionCount + best];
        }

        // Inputs are finite, so a non-finite yₜ = r + γQ can only be an overflow: checked once over the batch.
        if (!Guard.IsAllFinite(destination[..rewards.Length]))
        {
            throw Guard.Overflow("yₜ", nameof(rewards));
        }
    }

    private static void Validate(ReadOnlySpan<double> rewards, ReadOnlySpan<bool> terminated, ReadOnlySpan<double> nextTargetQ,
        int actionCount, double gamma, Span<double> destination)
    {
        Guard.NotEmpty(rewards.Length, nameof(rewards));
        Guard.SameLength(rewards.Length, terminated.Length, nameof(terminated), nameof(rewards));
        Guard.SameLength(rewards.Length, destination.Length, nameof(destination), nameof(rewards));
        Guard.AtLeast(actionCount, 1);
        Guard.SameLength(rewards.Length * actionCount, nextTargetQ.Length, nameof(nextTargetQ), "rewards × actionCount");
        Guard.UnitInterval(gamma);
        Guard.AllFinite(rewards);
        Guard.AllFinite(nextTargetQ);
    }
}
