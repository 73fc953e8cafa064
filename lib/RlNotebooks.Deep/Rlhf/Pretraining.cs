using System.Diagnostics;
using RlNotebooks.Deep.Algorithms;
using RlNotebooks.Deep.Operations;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Rlhf;

/// <summary>Settings of the supervised pre-training; each is checked when set, naming the field.</summary>
public sealed record PretrainingConfig
{
    /// <summary>Passes over the corpus (tuned here: 8 passes reach ≈ the corpus entropy on 4000 sentences in about a second).</summary>
    public int Epochs { get; init { Validation.Guard.AtLeast(value, 1, nameof(Epochs)); field = value; } } = 8;

    /// <summary>Sentences per gradient step.</summary>
    public int BatchSize { get; init { Validation.Guard.AtLeast(value, 1, nameof(BatchSize)); field = value; } } = 64;

    /// <summary>Adam step size (tuned here; Adam's usual 1e-3 needs ≈ 3× the epochs).</summary>
    public double LearningRate { get; init { Validation.Guard.Positive(value, nameof(LearningRate)); field = value; } } = 3e-3;

    /// <summary>Token embedding width of the <see cref="TokenPolicy"/>.</summary>
    public int EmbeddingSize { get; init { Validation.Guard.AtLeast(value, 1, nameof(EmbeddingSize)); field = value; } } = 16;

    /// <summary>GRU width of the <see cref="TokenPolicy"/>.</summary>
    public int HiddenSize { get; init { Validation.Guard.AtLeast(value, 1, nameof(HiddenSize)); field = value; } } = 64;
}

/// <summary>The pre-trained model p^PT and its per-epoch mean token negative log-likelihood.</summary>
public sealed record PretrainingResult(TokenPolicy Model, IReadOnlyList<double> EpochLosses, double Seconds);

/// <summary>
/// Step 1 of RLHF: maximum likelihood on a corpus, max_θ Σ_s log p_θ(s) = Σ_s Σₜ log p_θ(sₜ | s_&lt;t) (teacher forcing),
/// minimised as the mean token negative log-likelihood over minibatches with Adam.
/// </summary>
public static class Pretraining
{
    /// <summary>Trains a new <see cref="TokenPolicy"/> on <paramref name="corpus"/>; same seed, same model.</summary>
    public static PretrainingResult Train(PretrainingConfig config, IReadOnlyList<int[]> corpus, int vocabularySize, int endToken,
        int maxLength, int seed)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(corpus);
        var clock = Stopwatch.StartNew();
        manual_seed(seed);
        var model = new TokenPolicy(vocabularySize, endToken, maxLength, config.EmbeddingSize, config.HiddenSize);
        using Tensor tokens = TokenSequences.ToTensor(corpus, maxLength, endToken);
        using var optimizer = new Adam([.. model.parameters()], config.LearningRate);
        var generator = new Generator((ulong)seed);
        var losses = new List<double>(config.Epochs);
        for (int epoch = 0; epoch < config.Epochs; epoch++)
        {
            using var scope = NewDisposeScope();
            Tensor order = randperm(corpus.Count, generator: generator);
            double sum = 0.0;
            int batches = 0;
            for (int start = 0; start < corpus.Count; start += config.BatchSize)
            {
                Tensor batch = tokens.index_select(0, order.narrow(0, start, Math.Min(config.BatchSize, corpus.Count - start)));
                Tensor loss = -model.TokenLogProbs(batch).sum() / TokenSequences.Mask(batch, endToken).sum();   // mean token NLL
                sum += LossCheck.Finite(loss, "Pretraining", epoch, "token NLL");
                optimizer.ZeroGrad();
                loss.backward();
                optimizer.Step();
                batches++;
            }

            losses.Add(sum / batches);
        }

        return new PretrainingResult(model, losses, clock.Elapsed.TotalSeconds);
    }
}
