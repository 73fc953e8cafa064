using System.Diagnostics;
using RlNotebooks.Deep.Algorithms;
using RlNotebooks.Deep.Operations;
using RlNotebooks.Deep.Losses;
using RlNotebooks.Rlhf;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Rlhf;

/// <summary>Settings of the reward-model fit; each is checked when set, naming the field.</summary>
public sealed record RewardModelFitConfig
{
    /// <summary>Full-batch Adam steps (tuned here: the Bradley–Terry loss of a linear model flattens within ≈ 300).</summary>
    public int Steps { get; init { Validation.Guard.AtLeast(value, 1, nameof(Steps)); field = value; } } = 300;

    /// <summary>Adam step size (tuned here).</summary>
    public double LearningRate { get; init { Validation.Guard.Positive(value, nameof(LearningRate)); field = value; } } = 0.05;
}

/// <summary>The fitted reward model and its Bradley–Terry loss per step.</summary>
public sealed record RewardModelFitResult(BagOfWordsRewardModel Model, IReadOnlyList<double> Losses, double Seconds);

/// <summary>
/// Step 2 of RLHF: fit r_φ to labelled comparisons by minimising the Bradley–Terry loss
/// −(1/N) Σᵢ log σ(r_φ(y_w,i) − r_φ(y_l,i)) (<see cref="BradleyTerryLoss"/>).
/// </summary>
public static class RewardModelFit
{
    /// <summary>Fits a new <see cref="BagOfWordsRewardModel"/> to <paramref name="comparisons"/>; same seed, same model.</summary>
    public static RewardModelFitResult Train(RewardModelFitConfig config, IReadOnlyList<Comparison> comparisons, int vocabularySize,
        int endToken, int maxLength, int seed)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(comparisons);
        Validation.Guard.NotEmpty(comparisons.Count, nameof(comparisons));
        var clock = Stopwatch.StartNew();
        manual_seed(seed);
        var model = new BagOfWordsRewardModel(vocabularySize, endToken);
        using Tensor preferred = TokenSequences.ToTensor([.. comparisons.Select(c => c.Preferred)], maxLength, endToken);
        using Tensor rejected = TokenSequences.ToTensor([.. comparisons.Select(c => c.Rejected)], maxLength, endToken);
        using var optimizer = new Adam([.. model.parameters()], config.LearningRate);
        var losses = new List<double>(config.Steps);
        for (int step = 0; step < config.Steps; step++)
        {
            using var scope = NewDisposeScope();
            Tensor loss = BradleyTerryLoss.Mean(model.forward(preferred), model.forward(rejected));
            losses.Add(LossCheck.Finite(loss, "RewardModelFit", step, "Bradley–Terry loss"));
            optimizer.ZeroGrad();
            loss.backward();
            optimizer.Step();
        }

        return new RewardModelFitResult(model, losses, clock.Elapsed.TotalSeconds);
    }
}
