using RlNotebooks.Deep.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Rlhf;

/// <summary>
/// A tiny autoregressive language model p_θ(s) = Πₜ p_θ(sₜ | s_&lt;t): token embedding → one GRU layer → linear logits over the
/// vocabulary. A start symbol (id = vocabulary size) begins every sequence; sampling stops at the end token or after
/// <see cref="MaxLength"/> tokens (a sequence cut there has no end token).
/// </summary>
public sealed class TokenPolicy : nn.Module<Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly GRU gru;
    private readonly Linear head;

    /// <summary>Builds the network (initialised by torch's current seed).</summary>
    /// <param name="vocabularySize">|V| ≥ 2, including the end token.</param>
    /// <param name="endToken">The end token's id.</param>
    /// <param name="maxLength">T ≥ 1, the longest sequence.</param>
    /// <param name="embeddingSize">Token embedding width.</param>
    /// <param name="hiddenSize">GRU state width.</param>
    public TokenPolicy(int vocabularySize, int endToken, int maxLength, int embeddingSize = 16, int hiddenSize = 64)
        : base(nameof(TokenPolicy))
    {
        Torch.TorchThreads.EnsureDefault();   // one libtorch thread, like every network here
        Validation.Guard.AtLeast(vocabularySize, 2);
        Validation.Guard.Index(endToken, vocabularySize);
        Validation.Guard.AtLeast(maxLength, 1);
        Validation.Guard.AtLeast(embeddingSize, 1);
        Validation.Guard.AtLeast(hiddenSize, 1);
        (VocabularySize, EndToken, MaxLength, EmbeddingSize, HiddenSize) = (vocabularySize, endToken, maxLength, embeddingSize, hiddenSize);
        embedding = nn.Embedding(vocabularySize + 1, embeddingSize);
        gru = nn.GRU(embeddingSize, hiddenSize, batchFirst: true);
        head = nn.Linear(hiddenSize, vocabularySize);
        RegisterComponents();
    }

    /// <summary>|V|.</summary>
    public int VocabularySize { get; }

    /// <summary>The end token's id.</summary>
    public int EndToken { get; }

    /// <summary>T, the longest sequence.</summary>
    public int MaxLength { get; }

    /// <summary>Token embedding width.</summary>
    public int EmbeddingSize { get; }

    /// <summary>GRU state width.</summary>
    public int HiddenSize { get; }

    /// <summary>A new network of the same shape with a copy of this one's parameters.</summary>
    public TokenPolicy Copy()
    {
        var copy = new TokenPolicy(VocabularySize, EndToken, MaxLength, EmbeddingSize, HiddenSize);
        Operations.TargetNetworks.HardUpdate(copy, this);
        return copy;
    }

    /// <summary>
    /// Teacher forcing: logits [N, T, |V|] whose row t scores sₜ given s_&lt;t, for tokens [N, T] (the inputs are the start symbol
    /// followed by s₀ … s_{T−2}).
    /// </summary>
    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        Tensor start = tensor((long)VocabularySize).repeat(tokens.shape[0], 1);
        Tensor inputs = cat([start, tokens.narrow(1, 0, tokens.shape[1] - 1)], 1);
        var (states, _) = gru.forward(embedding.forward(inputs));
        return head.forward(states).MoveToOuterDisposeScope();
    }

    /// <summary>mₜ log p_θ(sₜ | s_&lt;t) for tokens [N, T], zero after each sequence's end token; returns [N, T].</summary>
    public Tensor TokenLogProbs(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        Tensor logProbs = forward(tokens).log_softmax(2).gather(2, tokens.unsqueeze(2)).squeeze(2);
        return (logProbs * TokenSequences.Mask(tokens, EndToken)).MoveToOuterDisposeScope();
    }

    /// <summary>log p_θ(s) = Σₜ mₜ log p_θ(sₜ | s_&lt;t) for tokens [N, T]; returns [N].</summary>
    public Tensor SequenceLogProbs(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        return TokenLogProbs(tokens).sum(1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Draws <paramref name="count"/> sequences s ~ p_θ token by token with <paramref name="generator"/> (seeded: same seed, same
    /// sequences), without gradient; after its end token a row is padded with end tokens. Returns int64 [count, T].
    /// </summary>
    public Tensor Sample(int count, Generator generator)
    {
        Validation.Guard.AtLeast(count, 1);
        ArgumentNullException.ThrowIfNull(generator);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor input = tensor((long)VocabularySize).repeat(count, 1);
        Tensor? state = null;
        Tensor done = zeros(count, 1, ScalarType.Bool);
        var tokens = new List<Tensor>(MaxLength);
        for (int t = 0; t < MaxLength; t++)
        {
            var (output, next) = gru.forward(embedding.forward(input), state);
            state = next;
            Tensor token = multinomial(head.forward(output.squeeze(1)).softmax(1), 1, true, generator);
            token = where(done, token.Constant(EndToken), token);
            done = done.logical_or(token.eq(token.Constant(EndToken)));
            tokens.Add(token);
            input = token;
        }

        return cat(tokens, 1).MoveToOuterDisposeScope();
    }
}
