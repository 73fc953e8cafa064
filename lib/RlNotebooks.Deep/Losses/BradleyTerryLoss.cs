using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Losses;

/// <summary>The reward-model loss as a tensor function, equal to its span specification RlNotebooks.Rlhf.BradleyTerry.Loss.</summary>
public static class BradleyTerryLoss
{
    /// <summary>
    /// L = −(1/N) Σᵢ log σ(r(y_w,i) − r(y_l,i)) = (1/N) Σᵢ softplus(r_l,i − r_w,i) (stable for any margin); a 0-d tensor.
    /// </summary>
    /// <param name="preferredScores">r(y_w,i), [N].</param>
    /// <param name="rejectedScores">r(y_l,i), [N].</param>
    public static Tensor Mean(Tensor preferredScores, Tensor rejectedScores)
    {
        long n = Shapes.Batch(preferredScores, nameof(preferredScores));
        Shapes.SameBatch(rejectedScores, nameof(rejectedScores), n, nameof(preferredScores));
        using var scope = NewDisposeScope();
        // −log σ rather than softplus, which makes a temporary Scalar inside TorchSharp (Torch/Constants.cs).
        return (-nn.functional.logsigmoid(preferredScores - rejectedScores).mean()).MoveToOuterDisposeScope();
    }
}
