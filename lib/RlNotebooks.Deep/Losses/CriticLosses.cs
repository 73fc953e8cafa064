using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Losses;

/// <summary>
/// Regression of Q-values onto fixed targets y (computed without gradient from target networks), shared by DQN, DDPG, TD3
/// and SAC. Predictions and targets are [N]; a [N, 1] prediction would broadcast to [N, N] and is rejected.
/// </summary>
public static class CriticLosses
{
    /// <summary>(1/N) Σₜ (Q(sₜ, aₜ) − yₜ)², the DDPG critic loss; a 0-d tensor.</summary>
    public static Tensor MeanSquared(Tensor q, Tensor targets)
    {
        long n = Shapes.Batch(q, nameof(q));
        Shapes.SameBatch(targets, nameof(targets), n, nameof(q));
        using var scope = NewDisposeScope();
        return (q - targets).Squared().mean().MoveToOuterDisposeScope();
    }

    /// <summary>(1/N) Σₜ [(Q₁ − yₜ)² + (Q₂ − yₜ)²], the twin-critic loss of TD3 and SAC (both regress onto the same y); a 0-d tensor.</summary>
    public static Tensor TwinMeanSquared(Tensor q1, Tensor q2, Tensor targets)
    {
        long n = Shapes.Batch(q1, nameof(q1));
        Shapes.SameBatch(q2, nameof(q2), n, nameof(q1));
        Shapes.SameBatch(targets, nameof(targets), n, nameof(q1));
        using var scope = NewDisposeScope();
        return MeanSquared(q1, targets).Plus(MeanSquared(q2, targets)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Huber loss (1/N) Σₜ h_δ(Q(sₜ, aₜ) − yₜ) with h_δ(e) = ½e² for |e| ≤ δ and δ(|e| − ½δ) otherwise (DQN's error clipping,
    /// Mnih et al. 2015: the gradient is the TD error clipped to [−δ, δ]); equal to RlNotebooks.OffPolicy.HuberLoss.Mean of y − Q; a 0-d tensor.
    /// <para>
    /// libtorch's <c>huber_loss</c> evaluates exactly this formula in one operation (and its gradient in one), where the
    /// formula written out tensor by tensor takes a dozen: with DQN's small networks each operation costs more than its
    /// arithmetic. Its values and gradients equal the written-out formula bit for bit (HuberEquivalenceTests), with δ rounded to the dtype as a
    /// tensor constant would be.
    /// </para>
    /// </summary>
    /// <param name="q">Q(sₜ, aₜ), [N].</param>
    /// <param name="targets">yₜ, [N].</param>
    /// <param name="delta">δ &gt; 0 (1 in DQN).</param>
    public static Tensor Huber(Tensor q, Tensor targets, double delta = 1.0)
    {
        long n = Shapes.Batch(q, nameof(q));
        Shapes.SameBatch(targets, nameof(targets), n, nameof(q));
        Validation.Guard.Positive(delta);
        // δ as a float32 network sees it: the kernel's vector loop rounds δ to the dtype, its loop over the last few
        // elements would multiply by the double δ (a different last bit for δ = 0.1).
        double deltaInDtype = q.dtype == ScalarType.Float32 ? (float)delta : delta;
        return nn.functional.huber_loss(q, targets, deltaInDtype, nn.Reduction.Mean);
    }
}
