using System.Diagnostics;
using RlNotebooks.Deep.Losses;
using RlNotebooks.Deep.Rlhf;
using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>Settings of RLHF's PPO fine-tuning; each is checked when set, naming the field and value.</summary>
public sealed record RlhfPpoConfig
{
    /// <summary>β ≥ 0, the price of one nat of log(p^RL/p^PT) in R̂ (tuned here: 0.3 raises the true preference of notebook 12's toy
    /// with KL ≈ 5 nats; 0.1 already over-optimises, see its β sweep).</summary>
    public double Beta { get; init { Validation.Guard.NonNegative(value, nameof(Beta)); field = value; } } = 0.3;

    /// <summary>Sample–update rounds (tuned here: the toy's score and KL level off after ≈ 15 at β = 0.3).</summary>
    public int Iterations { get; init { Validation.Guard.AtLeast(value, 1, nameof(Iterations)); field = value; } } = 30;

    /// <summary>Sequences sampled from p^RL per iteration (tuned here: 128 keeps the batch-mean baseline's noise small
    /// and an iteration near 0.1 s); at least 2, since Â divides by the batch's standard deviation.</summary>
    public int BatchSize { get; init { Validation.Guard.AtLeast(value, 2, nameof(BatchSize)); field = value; } } = 128;

    /// <summary>Minibatches per epoch, at most <see cref="BatchSize"/> (tuned here: 2; CleanRL ppo.py uses 4 with 4× the batch).</summary>
    public int Minibatches { get; init { Validation.Guard.AtLeast(value, 1, nameof(Minibatches)); field = value; } } = 2;

    /// <summary>Passes over each batch (tuned here: 2; CleanRL ppo.py: 4, which doubles the time for no gain on the toy).</summary>
    public int Epochs { get; init { Validation.Guard.AtLeast(value, 1, nameof(Epochs)); field = value; } } = 2;

    /// <summary>ε of the clipped surrogate, in (0, 1] (Schulman et al. 2017: 0.2).</summary>
    public double ClipEpsilon
    {
        get;
        init
        {
            if (!(value > 0.0 && value <= 1.0))
            {
                throw new ArgumentOutOfRangeException(nameof(ClipEpsilon), value, $"{nameof(ClipEpsilon)} must lie in (0, 1] but was {value}.");
            }

            field = value;
        }
    } = 0.2;

    /// <summary>Adam step size (tuned here: 3e-3 moves the tiny GRU within 10 iterations; 1e-3 needs ≈ 3× as many).</summary>
    public double LearningRate { get; init { Validation.Guard.Positive(value, nameof(LearningRate)); field = value; } } = 3e-3;

    /// <summary>Global gradient-norm clip (CleanRL ppo.py: 0.5).</summary>
    public double MaxGradNorm { get; init { Validation.Guard.Positive(value, nameof(MaxGradNorm)); field = value; } } = 0.5;

    /// <summary>Sequences per minibatch, B / minibatches; throws when a minibatch would be empty.</summary>
    public int MinibatchSize => Minibatches <= BatchSize
        ? BatchSize / Minibatches
        : throw new ArgumentException($"{nameof(Minibatches)} = {Minibatches} exceeds {nameof(BatchSize)} = {BatchSize}: a minibatch would be empty.", nameof(Minibatches));
}

/// <summary>One iteration's statistics, over the B sequences sampled from p^RL before the update.</summary>
/// <param name="Iteration">0-based.</param>
/// <param name="Step">Tokens sampled so far, this batch included (a token is one action of the policy).</param>
/// <param name="MeanScore">(1/B) Σ R(s), the reward model's mean score.</param>
/// <param name="MeanKl">(1/B) Σ log(p^RL(s)/p^PT(s)), the k1 estimate of D_KL(p^RL ‖ p^PT) in nats.</param>
/// <param name="MeanRegularizedReward">(1/B) Σ R̂(s).</param>
/// <param name="ClipFraction">Share of token ratios outside [1 − ε, 1 + ε] in the last epoch.</param>
/// <param name="Samples">The sampled sequences (each up to its end token), so the caller can score them with anything.</param>
public sealed record RlhfPpoIterationLog(int Iteration, long Step, double MeanScore, double MeanKl, double MeanRegularizedReward, double ClipFraction,
    IReadOnlyList<int[]> Samples);

/// <summary>
/// An RLHF fine-tuning run, in the shape of every trainer's result: each sampled sequence is one episode (one reward R̂(s)
/// at its end), each iteration one log entry; and the fine-tuned policy p^RL (dispose the result to free it).
/// </summary>
/// <param name="Config">The configuration it ran.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Episodes">Every sampled sequence in order: its return is R̂(s) = R(s) − β log(p^RL(s)/p^PT(s)) under the
/// policy that sampled it, its length the tokens up to and including the end token, its step the tokens sampled up to it
/// (a batch's sequences counted one after the other), its seconds the time its batch was scored.</param>
/// <param name="Iterations">One log entry per iteration.</param>
/// <param name="TotalSteps">Tokens sampled.</param>
/// <param name="Seconds">Wall-clock seconds of the whole run.</param>
/// <param name="Policy">p^RL as training left it.</param>
public sealed record RlhfPpoResult(RlhfPpoConfig Config, int Seed, IReadOnlyList<EpisodeRecord> Episodes, IReadOnlyList<RlhfPpoIterationLog> Iterations,
    long TotalSteps, double Seconds, TokenPolicy Policy) : IDisposable
{
    /// <summary>Tokens sampled per second.</summary>
    public double StepsPerSecond => TotalSteps / Seconds;

    /// <summary>Frees p^RL.</summary>
    public void Dispose() => Policy.Dispose();
}

/// <summary>
/// Step 3 of RLHF: PPO on the KL-regularised reward R̂(s) = R(s) − β log(p^RL(s)/p^PT(s)) (Ouyang et al. 2022, eq. 2).
/// A whole sequence is one episode with one reward at its end and γ = 1, so every token's return is R̂(s); the baseline is
/// the batch mean, Â(s) = (R̂(s) − mean R̂) / std R̂, with no critic. Each token t of s gets the ratio
/// rₜ(θ) = p_θ(sₜ|s_&lt;t) / p_old(sₜ|s_&lt;t) and the advantage Â(s) in L^CLIP: the product of T token ratios would leave the
/// clip range almost always.
/// </summary>
public static class RlhfPpo
{
    /// <summary>Fine-tunes a copy of <paramref name="pretrained"/> against <paramref name="rewardModel"/>; same seed, same log.</summary>
    /// <param name="config">Validated settings.</param>
    /// <param name="pretrained">p^PT: copied as the starting point of p^RL and kept frozen as the KL reference.</param>
    /// <param name="rewardModel">R, frozen.</param>
    /// <param name="seed">Seeds torch and the sampler.</param>
    /// <param name="progress">Optional live chart of score and KL.</param>
    public static RlhfPpoResult Train(RlhfPpoConfig config, TokenPolicy pretrained, BagOfWordsRewardModel rewardModel, int seed,
        Charts.TrainingProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(pretrained);
        ArgumentNullException.ThrowIfNull(rewardModel);
        if (rewardModel.VocabularySize != pretrained.VocabularySize)
        {
            throw new ArgumentException($"{nameof(rewardModel)} scores {rewardModel.VocabularySize} tokens but the policy has {pretrained.VocabularySize}.", nameof(rewardModel));
        }

        int minibatchSize = config.MinibatchSize;
        var clock = Stopwatch.StartNew();
        manual_seed(seed);
        var generator = new Generator((ulong)seed);
        TokenPolicy policy = pretrained.Copy();
        using var optimizer = new Operations.Adam([.. policy.parameters()], config.LearningRate);
        var log = new List<RlhfPpoIterationLog>(config.Iterations);
        var episodes = new List<EpisodeRecord>(config.Iterations * config.BatchSize);
        long step = 0;
        for (int iteration = 0; iteration < config.Iterations; iteration++)
        {
            using var scope = NewDisposeScope();

            // Rollout: B sequences from p^RL = p_old, scored by R and by the frozen p^PT.
            Tensor tokens = policy.Sample(config.BatchSize, generator);
            Tensor mask = TokenSequences.Mask(tokens, policy.EndToken).to(ScalarType.Bool);
            Tensor oldTokenLogProbs, logRatio, score, regularized;
            using (no_grad())
            {
                oldTokenLogProbs = policy.TokenLogProbs(tokens);
                logRatio = oldTokenLogProbs.sum(1) - pretrained.SequenceLogProbs(tokens);   // log p^RL(s) − log p^PT(s)
                score = rewardModel.forward(tokens);
                regularized = score - logRatio * logRatio.Constant(config.Beta);                            // R̂(s) = R(s) − β log(p^RL/p^PT)
            }

            Tensor advantages = (regularized - regularized.mean()) / regularized.std().Plus(regularized.Constant(1e-8));

            // Update: E epochs of L^CLIP over minibatches of whole sequences, on their unmasked tokens.
            double clipFraction = 0.0;
            for (int epoch = 0; epoch < config.Epochs; epoch++)
            {
                Tensor order = randperm(config.BatchSize, generator: generator);
                double clipped = 0.0, counted = 0.0;
                for (int start = 0; start + minibatchSize <= config.BatchSize; start += minibatchSize)
                {
                    Tensor index = order.narrow(0, start, minibatchSize);
                    Tensor batchMask = mask.index_select(0, index);
                    Tensor newLogProbs = policy.TokenLogProbs(tokens.index_select(0, index)).masked_select(batchMask);
                    Tensor oldLogProbs = oldTokenLogProbs.index_select(0, index).masked_select(batchMask);
                    Tensor tokenAdvantages = advantages.index_select(0, index).unsqueeze(1).expand_as(batchMask).masked_select(batchMask);
                    Tensor loss = -PpoLosses.ClippedSurrogate(newLogProbs, oldLogProbs, tokenAdvantages, config.ClipEpsilon);
                    LossCheck.Finite(loss, "RLHF-PPO", iteration, "−L^CLIP");
                    optimizer.ZeroGrad();
                    loss.backward();
                    nn.utils.clip_grad_norm_(policy.parameters(), config.MaxGradNorm);
                    optimizer.Step();
                    using (no_grad())
                    {
                        Tensor ratio = (newLogProbs - oldLogProbs).exp();
                        clipped += ratio.lt(ratio.Constant(1.0 - config.ClipEpsilon)).logical_or(ratio.gt(ratio.Constant(1.0 + config.ClipEpsilon))).sum().item<long>();
                        counted += newLogProbs.shape[0];
                    }
                }

                clipFraction = clipped / counted;
            }

            // Each sequence is an episode with the single reward R̂(s) at its end, counted in tokens.
            float[] returns = regularized.data<float>().ToArray();
            long[] lengths = mask.sum(1).data<long>().ToArray();
            double seconds = clock.Elapsed.TotalSeconds;
            for (int k = 0; k < returns.Length; k++)
            {
                step += lengths[k];
                episodes.Add(new EpisodeRecord(step, returns[k], (int)lengths[k], seconds));
            }

            var entry = new RlhfPpoIterationLog(iteration, step, score.mean().item<float>(), logRatio.mean().item<float>(),
                regularized.mean().item<float>(), clipFraction, TokenSequences.FromTensor(tokens, policy.EndToken));
            log.Add(entry);
            progress?.Report(iteration + 1, new Charts.ProgressMetric("score R", entry.MeanScore), new Charts.ProgressMetric("KL(p^RL‖p^PT)", entry.MeanKl));
        }

        return new RlhfPpoResult(config, seed, episodes, log, step, clock.Elapsed.TotalSeconds, policy);
    }
}
