using RlNotebooks.Deep.Torch;
using RlNotebooks.Environments.ClassicControl;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>How the off-policy trainers pick the action they store: uniform warm-up, then the policy plus Gaussian noise.</summary>
internal static class OffPolicyExploration
{
    /// <summary>aᵢ ~ U(lowᵢ, highᵢ) (CleanRL's <c>action_space.sample()</c> before learning starts), into <paramref name="action"/>.</summary>
    public static void Uniform(Box box, Generator generator, float[] action)
    {
        using var scope = NewDisposeScope();
        float[] u = rand([box.Dimension], generator: generator).data<float>().ToArray();
        for (int i = 0; i < action.Length; i++)
        {
            action[i] = box.Low[i] + (box.High[i] - box.Low[i]) * u[i];
        }
    }

    /// <summary>a = clip(μ + N(0, σ²), box) for one row μ [1, d] (σ = 0: the policy's own action, clipped), into <paramref name="action"/>.</summary>
    public static void Gaussian(Tensor mean, double sigma, Box box, Generator generator, float[] action)
    {
        using var scope = NewDisposeScope();
        Tensor noisy = sigma > 0 ? (randn(mean.shape, generator: generator) * mean.Constant(sigma)).Plus(mean) : mean;
        box.ClipInto(noisy.data<float>().ToArray(), action);
    }
}
