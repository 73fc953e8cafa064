using RlNotebooks.Deep.Losses;
using RlNotebooks.Deep.Rlhf;
using RlNotebooks.Deep.Tests.Support;
using RlNotebooks.Rlhf;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Rlhf;

/// <summary>The RLHF network pieces: the tensor Bradley–Terry loss against its span specification, the chain rule of the
/// token policy, the padding mask, seeded sampling and the bag-of-words counts.</summary>
public sealed class RlhfPieceTests : IDisposable
{
    /// <summary>Finalises this test's undisposed tensors now, so no other test sees Tensor.TotalCount fall under it.</summary>
    public void Dispose() => TorchGarbage.Collect();

    private static readonly int Vocabulary = ToyGrammar.Vocabulary.Count;

    [Fact]
    public void Bradley_terry_tensor_loss_and_gradient_equal_the_span_library()
    {
        using var scope = NewDisposeScope();
        var random = new Random(4);
        double[] rw = T.Uniform(random, 33, -5, 5), rl = T.Uniform(random, 33, -5, 5);
        Tensor rwTensor = T.Vector(rw, requiresGrad: true);
        Tensor loss = BradleyTerryLoss.Mean(rwTensor, T.Vector(rl));
        T.Close(BradleyTerry.Loss(rw, rl), T.Number(loss));
        T.Close(BradleyTerry.Gradient(rw, rl).Preferred, T.Gradient(loss, rwTensor));
    }

    [Fact]
    public void Mask_keeps_tokens_up_to_and_including_the_first_end_token()
    {
        using var scope = NewDisposeScope();
        Tensor tokens = tensor(new long[] { 1, 2, 0, 0, 3, 0, 1, 0, 1, 2, 3, 4 }, [3, 4], int64);
        Assert.Equal([1.0, 1, 1, 0, 1, 1, 0, 0, 1, 1, 1, 1], T.Array(TokenSequences.Mask(tokens, 0)));
        int[][] sequences = TokenSequences.FromTensor(tokens, 0);
        Assert.Equal([[1, 2, 0], [3, 0], [1, 2, 3, 4]], sequences);
        Assert.Equal([1.0, 2, 0, 0, 3, 0, 0, 0, 1, 2, 3, 4], T.Array(TokenSequences.ToTensor(sequences, 4, 0)));   // padded with the end token
        Assert.Throws<ArgumentException>(() => TokenSequences.ToTensor([[1, 2, 3, 4, 0]], 4, 0));
    }

    [Fact]
    public void Sequence_log_prob_is_the_sum_of_the_conditionals_of_the_real_tokens_only()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var policy = new TokenPolicy(Vocabulary, ToyGrammar.End, ToyGrammar.MaxLength);
        int[] sentence = ToyGrammar.Corpus(1, seed: 3)[0];
        Tensor tokens = TokenSequences.ToTensor([sentence], ToyGrammar.MaxLength, ToyGrammar.End);
        double[] logits = T.Array(policy.forward(tokens));
        double expected = 0.0;
        for (int t = 0; t < sentence.Length; t++)
        {
            double[] row = logits[(t * Vocabulary)..((t + 1) * Vocabulary)];
            double logNormaliser = Math.Log(row.Sum(Math.Exp));
            expected += row[sentence[t]] - logNormaliser;   // log softmax(z_t)[s_t]
        }

        T.Close(expected, T.Number(policy.SequenceLogProbs(tokens)), 1e-5);
        T.Close(T.Number(policy.TokenLogProbs(tokens).sum()), T.Number(policy.SequenceLogProbs(tokens)), 1e-6);

        // The padding after "." does not change the probability: a different padding token gives the same log p(s).
        Tensor otherPadding = tokens.clone();
        otherPadding[0, sentence.Length] = tensor(5L);
        T.Close(T.Number(policy.SequenceLogProbs(tokens)), T.Number(policy.SequenceLogProbs(otherPadding)), 1e-6);
    }

    [Fact]
    public void Conditionals_depend_only_on_the_prefix()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var policy = new TokenPolicy(Vocabulary, ToyGrammar.End, 6);
        Tensor a = tensor(new long[] { 1, 2, 5, 1, 3, 0 }, [1, 6], int64);
        Tensor b = tensor(new long[] { 1, 2, 5, 4, 4, 4 }, [1, 6], int64);
        double[] la = T.Array(policy.TokenLogProbs(a)), lb = T.Array(policy.TokenLogProbs(b));
        T.Close(la[..3], lb[..3], 1e-6);   // same s_0..s_2 → same first three conditionals
    }

    [Fact]
    public void Sampling_is_seeded_and_pads_after_the_end_token()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var policy = new TokenPolicy(Vocabulary, ToyGrammar.End, ToyGrammar.MaxLength);
        Tensor first = policy.Sample(64, new Generator(9));
        Assert.Equal(T.Array(first), T.Array(policy.Sample(64, new Generator(9))));
        Assert.NotEqual(T.Array(first), T.Array(policy.Sample(64, new Generator(10))));
        double[] mask = T.Array(TokenSequences.Mask(first, ToyGrammar.End)), values = T.Array(first);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.True(mask[i] == 1.0 || values[i] == ToyGrammar.End, $"index {i}: padding must be the end token");
        }

        Assert.Equal(T.Array(first), T.Array(policy.Copy().Sample(64, new Generator(9))));   // a copy samples the same
    }

    [Fact]
    public void Reward_model_is_linear_in_the_token_counts_of_the_sequence()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var model = new BagOfWordsRewardModel(Vocabulary, ToyGrammar.End);
        int[] sentence = [1, 9, 2, 5, 1, 9, 3, 0];
        Tensor tokens = TokenSequences.ToTensor([sentence], ToyGrammar.MaxLength, ToyGrammar.End);
        double[] counts = T.Array(model.Counts(tokens));
        Assert.Equal([1.0, 2, 1, 1, 0, 1, 0, 0, 0, 2, 0, 0], counts);   // padding ends are not counted
        double bias = T.Number(model.forward(TokenSequences.ToTensor([[0]], ToyGrammar.MaxLength, ToyGrammar.End))) - model.TokenWeights[0];
        T.Close(bias + counts.Zip(model.TokenWeights, (c, w) => c * w).Sum(), T.Number(model.forward(tokens)), 1e-5);
    }
}
