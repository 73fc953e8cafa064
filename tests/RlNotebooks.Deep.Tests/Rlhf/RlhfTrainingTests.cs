using RlNotebooks.Deep.Algorithms;
using RlNotebooks.Deep.Rlhf;
using RlNotebooks.Deep.Tests.Support;
using RlNotebooks.Rlhf;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Rlhf;

/// <summary>The three RLHF trainers: config validation, determinism, short seeded smoke runs and the NaN stop.</summary>
public sealed class RlhfTrainingTests : IDisposable
{
    /// <summary>Finalises this test's undisposed tensors now, so no other test sees Tensor.TotalCount fall under it.</summary>
    public void Dispose() => TorchGarbage.Collect();

    private static readonly int Vocabulary = ToyGrammar.Vocabulary.Count;

    private static TokenPolicy Pretrained() =>
        Pretraining.Train(new PretrainingConfig { Epochs = 2 }, ToyGrammar.Corpus(600, seed: 1), Vocabulary, ToyGrammar.End, ToyGrammar.MaxLength, seed: 1).Model;

    private static BagOfWordsRewardModel RewardModel() =>
        RewardModelFit.Train(new RewardModelFitConfig { Steps = 100 },
            PreferenceComparisons.Label(ToyGrammar.Corpus(400, seed: 2), s => ToyGrammar.Preference(s), new Random(3)),
            Vocabulary, ToyGrammar.End, ToyGrammar.MaxLength, seed: 1).Model;

    [Fact]
    public void Pretraining_lowers_the_token_nll_and_is_deterministic()
    {
        var corpus = ToyGrammar.Corpus(600, seed: 1);
        var config = new PretrainingConfig { Epochs = 3 };
        var first = Pretraining.Train(config, corpus, Vocabulary, ToyGrammar.End, ToyGrammar.MaxLength, seed: 4);
        var second = Pretraining.Train(config, corpus, Vocabulary, ToyGrammar.End, ToyGrammar.MaxLength, seed: 4);
        Assert.Equal(first.EpochLosses, second.EpochLosses);
        Assert.True(first.EpochLosses[^1] < first.EpochLosses[0] && first.EpochLosses[^1] < Math.Log(Vocabulary));
    }

    [Fact]
    public void Reward_model_fit_lowers_the_bradley_terry_loss_and_learns_the_sign_of_good_and_bad()
    {
        var comparisons = PreferenceComparisons.Label(ToyGrammar.Corpus(400, seed: 2), s => ToyGrammar.Preference(s), new Random(3));
        var fit = RewardModelFit.Train(new RewardModelFitConfig { Steps = 100 }, comparisons, Vocabulary, ToyGrammar.End, ToyGrammar.MaxLength, seed: 1);
        Assert.True(fit.Losses[^1] < fit.Losses[0]);
        double[] w = fit.Model.TokenWeights;
        Assert.True(w[9] > 0.3 && w[10] < -0.3, $"good {w[9]}, bad {w[10]}");
        Assert.Equal(fit.Losses, RewardModelFit.Train(new RewardModelFitConfig { Steps = 100 }, comparisons, Vocabulary, ToyGrammar.End, ToyGrammar.MaxLength, seed: 1).Losses);
    }

    [Fact]
    public void Ppo_smoke_run_raises_the_score_and_is_deterministic_for_a_seed()
    {
        using TokenPolicy pretrained = Pretrained();
        using BagOfWordsRewardModel rewardModel = RewardModel();
        var config = new RlhfPpoConfig { Iterations = 6, BatchSize = 64 };
        var first = RlhfPpo.Train(config, pretrained, rewardModel, seed: 3);
        var second = RlhfPpo.Train(config, pretrained, rewardModel, seed: 3);
        Assert.Equal(first.Iterations.Select(l => (l.Step, l.MeanScore, l.MeanKl, l.ClipFraction)), second.Iterations.Select(l => (l.Step, l.MeanScore, l.MeanKl, l.ClipFraction)));
        Assert.Equal(first.Iterations[^1].Samples, second.Iterations[^1].Samples);
        Assert.Equal(first.Episodes.Select(e => (e.Step, e.Return, e.Length)), second.Episodes.Select(e => (e.Step, e.Return, e.Length)));

        // The trainer contract: one episode per sampled sequence, whose length counts its tokens and whose return is R̂(s).
        Assert.Equal(6 * 64, first.Episodes.Count);
        Assert.Equal(first.Episodes.Sum(e => (long)e.Length), first.TotalSteps);
        Assert.Equal(first.TotalSteps, first.Iterations[^1].Step);
        for (int i = 0; i < first.Iterations.Count; i++)
        {
            var batch = first.Episodes.Skip(i * 64).Take(64).ToArray();
            Assert.Equal(first.Iterations[i].Samples.Select(s => s.Length), batch.Select(e => e.Length));
            T.Close(first.Iterations[i].MeanRegularizedReward, batch.Average(e => e.Return), 1e-5);
            Assert.Equal(first.Iterations[i].Step, batch[^1].Step);
        }

        Assert.True(first.Iterations[^1].MeanScore > first.Iterations[0].MeanScore + 0.3, $"score {first.Iterations[0].MeanScore} → {first.Iterations[^1].MeanScore}");
        Assert.Equal(0.0, first.Iterations[0].MeanKl, 5);   // p^RL starts as a copy of p^PT
        for (int i = 0; i < first.Iterations.Count; i++)
        {
            T.Close(first.Iterations[i].MeanScore - config.Beta * first.Iterations[i].MeanKl, first.Iterations[i].MeanRegularizedReward, 1e-5);   // mean R̂ = mean R − β KL̂
        }
    }

    [Fact]
    public void Ppo_leaves_the_pretrained_model_unchanged()
    {
        using TokenPolicy pretrained = Pretrained();
        using BagOfWordsRewardModel rewardModel = RewardModel();
        double[] before = pretrained.parameters().SelectMany(T.Array).ToArray();
        RlhfPpo.Train(new RlhfPpoConfig { Iterations = 2, BatchSize = 32 }, pretrained, rewardModel, seed: 1).Policy.Dispose();
        Assert.Equal(before, pretrained.parameters().SelectMany(T.Array).ToArray());
    }

    [Fact]
    public void A_nan_reward_stops_ppo_naming_the_iteration()
    {
        using BagOfWordsRewardModel rewardModel = RewardModel();
        using TokenPolicy pretrained = Pretrained();
        using (no_grad())
        {
            rewardModel.parameters().First().fill_(double.NaN);
        }

        var error = Assert.Throws<NonFiniteLossException>(() => RlhfPpo.Train(new RlhfPpoConfig { Iterations = 2, BatchSize = 16 }, pretrained, rewardModel, seed: 1));
        Assert.Equal(0, error.Iteration);
        Assert.Contains("RLHF-PPO", error.Message);
    }

    [Fact]
    public void Configs_name_the_bad_field()
    {
        Assert.Equal("Beta", Assert.Throws<ArgumentOutOfRangeException>(() => new RlhfPpoConfig { Beta = -0.1 }).ParamName);
        Assert.Equal("Beta", Assert.Throws<ArgumentOutOfRangeException>(() => new RlhfPpoConfig { Beta = double.NaN }).ParamName);
        Assert.Equal("ClipEpsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new RlhfPpoConfig { ClipEpsilon = 0.0 }).ParamName);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new RlhfPpoConfig { LearningRate = 0.0 }).ParamName);
        Assert.Equal("BatchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new RlhfPpoConfig { BatchSize = 1 }).ParamName);
        Assert.Equal("Minibatches", Assert.Throws<ArgumentException>(() => new RlhfPpoConfig { BatchSize = 4, Minibatches = 8 }.MinibatchSize).ParamName);
        Assert.Equal("Epochs", Assert.Throws<ArgumentOutOfRangeException>(() => new PretrainingConfig { Epochs = 0 }).ParamName);
        Assert.Equal("Steps", Assert.Throws<ArgumentOutOfRangeException>(() => new RewardModelFitConfig { Steps = 0 }).ParamName);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new RewardModelFitConfig { LearningRate = -1 }).ParamName);
    }
}
