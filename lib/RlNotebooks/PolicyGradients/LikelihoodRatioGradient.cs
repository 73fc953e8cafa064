using RlNotebooks.Validation;

namespace RlNotebooks.PolicyGradients;

/// <summary>
/// Likelihood-ratio (REINFORCE, Williams 1992) estimates of ∇θ J(θ), J(θ) = E_τ[Σₜ γᵗ rₜ₊₁], averaged over the N complete
/// episodes of a flat batch. Inputs per step t: the score ∇θ log π(aₜ|sₜ) (row-major steps × P) and rₜ₊₁.
/// <list type="bullet">
/// <item><see cref="WholeTrajectory"/>: ĝ = (1/N) Σᵢ R(τᵢ) Σₜ ∇θ log π(aₜ|sₜ), R(τ) = Σₜ γᵗ rₜ₊₁;</item>
/// <item><see cref="RewardToGo"/>: ĝ = (1/N) Σᵢ Σₜ γᵗ Gₜ ∇θ log π(aₜ|sₜ), Gₜ = Σ_{k≥t} γ^{k−t} r_{k+1} (causality);</item>
/// <item><see cref="RewardToGoWithBaseline"/>: ĝ = (1/N) Σᵢ Σₜ γᵗ (Gₜ − bₜ) ∇θ log π(aₜ|sₜ).</item>
/// </list>
/// All three have the same expectation ∇θ J(θ). The γᵗ factor is part of the exact gradient of the discounted objective;
/// with γ = 1 these are the undiscounted estimators of e.g. OpenAI Spinning Up.
/// Episode boundaries: episodeEnds[t] marks the last step of an episode (terminated or truncated); the batch must end
/// with an episode end because Monte-Carlo returns need complete episodes, and t restarts at 0 after each end.
/// </summary>
public static class LikelihoodRatioGradient
{
    /// <summary>Variant (i): whole-trajectory return times the summed scores.</summary>
    /// <param name="scores">Row-major steps × P: scores[t·P + k] = ∂/∂θ_k log π(aₜ|sₜ).</param>
    /// <param name="parameterCount">P ≥ 1.</param>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="episodeEnds">episodeEnds[t]: step t is the last of its episode; the last entry must be true.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <returns>A new gradient estimate of length P.</returns>
    public static double[] WholeTrajectory(ReadOnlySpan<double> scores, int parameterCount, ReadOnlySpan<double> rewards,
        ReadOnlySpan<bool> episodeEnds, double gamma)
    {
        Guard.AtLeast(parameterCount, 1);
        var gradient = new double[parameterCount];
        WholeTrajectoryInto(scores, parameterCount, rewards, episodeEnds, gamma, gradient);
        return gradient;
    }

    /// <inheritdoc cref="WholeTrajectory"/>
    /// <summary>Variant (i) written into <paramref name="destination"/> (length ≥ P); no allocation.</summary>
    public static void WholeTrajectoryInto(ReadOnlySpan<double> scores, int parameterCount, ReadOnlySpan<double> rewards,
        ReadOnlySpan<bool> episodeEnds, double gamma, Span<double> destination)
    {
        int episodes = Validate(scores, parameterCount, rewards, episodeEnds, gamma, ReadOnlySpan<double>.Empty, destination);
        Span<double> gradient = destination[..parameterCount];
        gradient.Clear();
        int start = 0;
        while (start < rewards.Length)
        {
            int end = EpisodeEnd(episodeEnds, start);
            double episodeReturn = 0.0;
            for (int t = end; t >= start; t--)
            {
                episodeReturn = rewards[t] + gamma * episodeReturn;
            }

            for (int t = start; t <= end; t++)
            {
                AddScaled(gradient, scores.Slice(t * parameterCount, parameterCount), episodeReturn);
            }

            start = end + 1;
        }

        Scale(gradient, 1.0 / episodes);
        ThrowIfOverflowed(gradient);
    }

    /// <summary>Variant (ii): each score weighted by γᵗ Gₜ, the discounted reward-to-go.</summary>
    /// <param name="scores">Row-major steps × P score vectors.</param>
    /// <param name="parameterCount">P ≥ 1.</param>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="episodeEnds">episodeEnds[t]: step t ends its episode; the last entry must be true.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <returns>A new gradient estimate of length P.</returns>
    public static double[] RewardToGo(ReadOnlySpan<double> scores, int parameterCount, ReadOnlySpan<double> rewards,
        ReadOnlySpan<bool> episodeEnds, double gamma)
    {
        Guard.AtLeast(parameterCount, 1);
        var gradient = new double[parameterCount];
        RewardToGoInto(scores, parameterCount, rewards, episodeEnds, gamma, gradient);
        return gradient;
    }

    /// <inheritdoc cref="RewardToGo"/>
    /// <summary>Variant (ii) written into <paramref name="destination"/> (length ≥ P); no allocation.</summary>
    public static void RewardToGoInto(ReadOnlySpan<double> scores, int parameterCount, ReadOnlySpan<double> rewards,
        ReadOnlySpan<bool> episodeEnds, double gamma, Span<double> destination) =>
        RewardToGoWithBaselineInto(scores, parameterCount, rewards, episodeEnds, gamma, ReadOnlySpan<double>.Empty, destination);

    /// <summary>Variant (iii): each score weighted by γᵗ (Gₜ − bₜ) with a per-step baseline bₜ that must not depend on aₜ.</summary>
    /// <param name="scores">Row-major steps × P score vectors.</param>
    /// <param name="parameterCount">P ≥ 1.</param>
    /// <param name="rewards">rewards[t] = rₜ₊₁.</param>
    /// <param name="episodeEnds">episodeEnds[t]: step t ends its episode; the last entry must be true.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <param name="baseline">baseline[t] = bₜ (e.g. V(sₜ) or a time-dependent b(t)), one per step.</param>
    /// <returns>A new gradient estimate of length P.</returns>
    public static double[] RewardToGoWithBaseline(ReadOnlySpan<double> scores, int parameterCount, ReadOnlySpan<double> rewards,
        ReadOnlySpan<bool> episodeEnds, double gamma, ReadOnlySpan<double> baseline)
    {
        Guard.AtLeast(parameterCount, 1);
        Guard.SameLength(rewards.Length, baseline.Length, nameof(baseline), nameof(rewards));
        var gradient = new double[parameterCount];
        RewardToGoWithBaselineInto(scores, parameterCount, rewards, episodeEnds, gamma, baseline, gradient);
        return gradient;
    }

    /// <inheritdoc cref="RewardToGoWithBaseline"/>
    /// <summary>Variant (iii) written into <paramref name="destination"/> (length ≥ P); no allocation. An empty baseline means bₜ = 0.</summary>
    public static void RewardToGoWithBaselineInto(ReadOnlySpan<double> scores, int parameterCount, ReadOnlySpan<double> rewards,
        ReadOnlySpan<bool> episodeEnds, double gamma, ReadOnlySpan<double> baseline, Span<double> destination)
    {
        int episodes = Validate(scores, parameterCount, rewards, episodeEnds, gamma, baseline, destination);
        Span<double> gradient = destination[..parameterCount];
        gradient.Clear();
        int start = 0;
        while (start < rewards.Length)
        {
            int end = EpisodeEnd(episodeEnds, start);
            double rewardToGo = 0.0;
            for (int t = end; t >= start; t--)
            {
                rewardToGo = rewards[t] + gamma * rewardToGo;
                double advantage = baseline.IsEmpty ? rewardToGo : rewardToGo - baseline[t];
                AddScaled(gradient, scores.Slice(t * parameterCount, parameterCount), Math.Pow(gamma, t - start) * advantage);
            }

            start = end + 1;
        }

        Scale(gradient, 1.0 / episodes);
        ThrowIfOverflowed(gradient);
    }

    /// <summary>Inputs are finite, so a non-finite gradient entry means a return or a score·return product overflowed.</summary>
    private static void ThrowIfOverflowed(ReadOnlySpan<double> gradient)
    {
        if (!Guard.IsAllFinite(gradient))
        {
            throw Guard.Overflow("ĝ = (1/N) Σ ∇log π · Ψₜ", "scores");
        }
    }

    private static int Validate(ReadOnlySpan<double> scores, int parameterCount, ReadOnlySpan<double> rewards,
        ReadOnlySpan<bool> episodeEnds, double gamma, ReadOnlySpan<double> baseline, Span<double> destination)
    {
        int steps = Guard.RowMajor(scores.Length, parameterCount, nameof(scores), nameof(parameterCount));
        Guard.SameLength(steps, rewards.Length, nameof(rewards), "rows of " + nameof(scores));
        Guard.SameLength(steps, episodeEnds.Length, nameof(episodeEnds), "rows of " + nameof(scores));
        if (!baseline.IsEmpty)
        {
            Guard.SameLength(steps, baseline.Length, nameof(baseline), nameof(rewards));
            Guard.AllFinite(baseline);
        }

        Guard.UnitInterval(gamma);
        Guard.AllFinite(scores);
        Guard.AllFinite(rewards);
        Guard.DestinationLength(parameterCount, destination.Length, nameof(destination));
        if (!episodeEnds[steps - 1])
        {
            throw new ArgumentException(
                $"episodeEnds[{steps - 1}] must be true: Monte-Carlo estimates need complete episodes.", nameof(episodeEnds));
        }

        int episodes = 0;
        foreach (bool end in episodeEnds)
        {
            episodes += end ? 1 : 0;
        }

        return episodes;
    }

    private static int EpisodeEnd(ReadOnlySpan<bool> episodeEnds, int start)
    {
        int end = start;
        while (!episodeEnds[end])
        {
            end++;
        }

        return end;
    }

    private static void AddScaled(Span<double> gradient, ReadOnlySpan<double> score, double weight)
    {
        for (int k = 0; k < gradient.Length; k++)
        {
            gradient[k] += weight * score[k];
        }
    }

    private static void Scale(Span<double> gradient, double factor)
    {
        for (int k = 0; k < gradient.Length; k++)
        {
            gradient[k] *= factor;
        }
    }
}
