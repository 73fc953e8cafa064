using RlNotebooks.Validation;

namespace RlNotebooks.Rlhf;

/// <summary>
/// The reward PPO maximises in RLHF (Ouyang et al. 2022, eq. 2; Stiennon et al. 2020):
/// R̂(s) = R(s) − β log(p^RL(s) / p^PT(s)), a sequence's reward-model score minus β times its log-ratio to the pre-trained
/// model. Its expectation under p^RL is E[R] − β D_KL(p^RL ‖ p^PT), so β prices every nat of drift from p^PT.
/// </summary>
public static class KlRegularizedReward
{
    /// <summary>R̂ᵢ = Rᵢ − β (log p^RL(sᵢ) − log p^PT(sᵢ)) for each sampled sequence sᵢ.</summary>
    /// <param name="scores">R(sᵢ), the reward model's scores.</param>
    /// <param name="policyLogProbs">log p^RL(sᵢ) = Σₜ log p^RL(sₜ | s_&lt;t), under the policy that sampled sᵢ.</param>
    /// <param name="pretrainedLogProbs">log p^PT(sᵢ), under the frozen pre-trained model.</param>
    /// <param name="beta">β ≥ 0, the price of one nat of KL.</param>
    public static double[] Compute(ReadOnlySpan<double> scores, ReadOnlySpan<double> policyLogProbs,
        ReadOnlySpan<double> pretrainedLogProbs, double beta)
    {
        Guard.NotEmpty(scores.Length);
        Guard.SameLength(scores.Length, policyLogProbs.Length, nameof(policyLogProbs), nameof(scores));
        Guard.SameLength(scores.Length, pretrainedLogProbs.Length, nameof(pretrainedLogProbs), nameof(scores));
        Guard.AllFinite(scores);
        Guard.AllFinite(policyLogProbs);
        Guard.AllFinite(pretrainedLogProbs);
        Guard.Finite(beta);
        Guard.NonNegative(beta);
        var rewards = new double[scores.Length];
        for (int i = 0; i < rewards.Length; i++)
        {
            rewards[i] = scores[i] - beta * (policyLogProbs[i] - pretrainedLogProbs[i]);
        }

        return rewards;
    }
}
