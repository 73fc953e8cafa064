using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Distributions;

/// <summary>
/// Categorical policy π(a|s) = softmax(z(s))_a over logits z of shape [N, |A|], as tensor functions (differentiable in z).
/// The span twin is RlNotebooks.Distributions.Categorical.
/// </summary>
public static class CategoricalDistribution
{
    /// <summary>log π(aₜ|sₜ) = z_{aₜ} − log Σ_b e^{z_b} for integer actions [N]; returns [N].</summary>
    public static Tensor LogProb(Tensor logits, Tensor actions)
    {
        Shapes.Rows(logits, nameof(logits), -1, nameof(logits));
        long n = logits.shape[0];
        Shapes.Actions(actions, nameof(actions), n, logits.shape[1]);
        using var scope = NewDisposeScope();
        return logits.log_softmax(1).gather(1, actions.unsqueeze(1)).squeeze(1).MoveToOuterDisposeScope();
    }

    /// <summary>H(π(·|sₜ)) = −Σ_a π(a|sₜ) log π(a|sₜ) per row; returns [N].</summary>
    public static Tensor Entropy(Tensor logits)
    {
        Shapes.Rows(logits, nameof(logits), -1, nameof(logits));
        using var scope = NewDisposeScope();
        Tensor logP = logits.log_softmax(1);
        return (-(logP.exp() * logP).sum(1)).MoveToOuterDisposeScope();
    }

    /// <summary>D_KL(π_p ‖ π_q) = Σ_a p(a) (log p(a) − log q(a)) per row; returns [N].</summary>
    public static Tensor KlDivergence(Tensor logitsP, Tensor logitsQ)
    {
        Shapes.Rows(logitsP, nameof(logitsP), -1, nameof(logitsP));
        if (!logitsQ.shape.SequenceEqual(logitsP.shape))
        {
            throw new ArgumentException($"{nameof(logitsQ)} has shape {Shapes.Describe(logitsQ)}; expected {Shapes.Describe(logitsP)} like {nameof(logitsP)}.", nameof(logitsQ));
        }

        using var scope = NewDisposeScope();
        Tensor logP = logitsP.log_softmax(1);
        return (logP.exp() * (logP - logitsQ.log_softmax(1))).sum(1).MoveToOuterDisposeScope();
    }

    /// <summary>Draws aₜ ~ π(·|sₜ) for every row with <paramref name="generator"/> (seeded: same seed, same actions); returns int64 [N].</summary>
    public static Tensor Sample(Tensor logits, Generator generator)
    {
        Shapes.Rows(logits, nameof(logits), -1, nameof(logits));
        ArgumentNullException.ThrowIfNull(generator);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return multinomial(logits.softmax(1), 1, true, generator).squeeze(1).MoveToOuterDisposeScope();
    }
}
