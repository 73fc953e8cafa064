using static TorchSharp.torch;

namespace RlNotebooks.Deep.Rlhf;

/// <summary>
/// A deliberately simple reward model r_φ(s) = w · c(s) + b over the token counts c(s) ∈ ℕ^|V| (up to and including the end
/// token). It cannot see word order, so it cannot tell a sentence from word salad with the same words: on the
/// grammatical sentences it is trained on this costs little, off that distribution it is exploitable.
/// </summary>
public sealed class BagOfWordsRewardModel : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Linear linear;

    /// <summary>Weights w ∈ ℝ^|V| and bias b (initialised by torch's current seed).</summary>
    public BagOfWordsRewardModel(int vocabularySize, int endToken) : base(nameof(BagOfWordsRewardModel))
    {
        Torch.TorchThreads.EnsureDefault();   // one libtorch thread, like every network here
        Validation.Guard.AtLeast(vocabularySize, 2);
        Validation.Guard.Index(endToken, vocabularySize);
        (VocabularySize, EndToken) = (vocabularySize, endToken);
        linear = nn.Linear(vocabularySize, 1);
        RegisterComponents();
    }

    /// <summary>|V|.</summary>
    public int VocabularySize { get; }

    /// <summary>The end token's id.</summary>
    public int EndToken { get; }

    /// <summary>w, one weight per token: what one more occurrence of the token adds to the score.</summary>
    public double[] TokenWeights => linear.weight!.detach().to(float64).contiguous().data<double>().ToArray();

    /// <summary>c(s): the count of each token up to and including the end token, float32 [N, |V|], for tokens [N, T].</summary>
    public Tensor Counts(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        Tensor oneHot = nn.functional.one_hot(tokens, VocabularySize).to(float32);
        return (oneHot * TokenSequences.Mask(tokens, EndToken).unsqueeze(2)).sum(1).MoveToOuterDisposeScope();
    }

    /// <summary>r_φ(s) for tokens [N, T]; returns [N].</summary>
    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        return linear.forward(Counts(tokens)).squeeze(1).MoveToOuterDisposeScope();
    }
}
