using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Losses;

/// <summary>
/// Critic losses of PPO, to be minimised, equal to RlNotebooks.Surrogates.ValueLoss. Predictions and targets are both [N]:
/// a [N, 1] critic output against [N] targets would silently broadcast to an [N, N] loss, so it is rejected.
/// </summary>
public static class ValueLosses
{
    /// <summary>L^VF = (1/N) Σₜ ½ (V(sₜ) − V^targ_t)²; a 0-d tensor.</summary>
    public static Tensor Unclipped(Tensor values, Tensor targets)
    {
        long n = Shapes.Batch(values, nameof(values));
        Shapes.SameBatch(targets, nameof(targets), n, nameof(values));
        using var scope = NewDisposeScope();
        return ((values - targets).Squared().mean() * values.Constant(0.5)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Clipped L^VF (OpenAI baselines PPO2): V^clip = V_old + clip(V − V_old, −ε_v, ε_v),
    /// L^VF = (1/N) Σₜ ½ max((V − V^targ)², (V^clip − V^targ)²); a 0-d tensor.
    /// </summary>
    /// <param name="values">V(sₜ), [N].</param>
    /// <param name="oldValues">V_old(sₜ) of the critic that collected the data, [N].</param>
    /// <param name="targets">V^targ_t, [N].</param>
    /// <param name="clipRange">ε_v &gt; 0 in value units.</param>
    public static Tensor Clipped(Tensor values, Tensor oldValues, Tensor targets, double clipRange)
    {
        long n = Shapes.Batch(values, nameof(values));
        Shapes.SameBatch(oldValues, nameof(oldValues), n, nameof(values));
        Shapes.SameBatch(targets, nameof(targets), n, nameof(values));
        Validation.Guard.Positive(clipRange);
        using var scope = NewDisposeScope();
        Tensor clippedValues = oldValues.Plus((values - oldValues).clamp(values.Constant(-clipRange), values.Constant(clipRange)));
        Tensor squared = maximum((values - targets).Squared(), (clippedValues - targets).Squared());
        return (squared.mean() * values.Constant(0.5)).MoveToOuterDisposeScope();
    }
}
