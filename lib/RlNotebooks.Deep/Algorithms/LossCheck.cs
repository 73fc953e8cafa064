using static TorchSharp.torch;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>Thrown when a training loss becomes NaN or ±∞: training stops before the optimizer steps on it.</summary>
/// <param name="algorithm">The trainer, e.g. "PPO".</param>
/// <param name="iteration">The update iteration (0-based) at which it happened.</param>
/// <param name="quantity">The loss or statistic, e.g. "L^CLIP".</param>
/// <param name="value">Its value.</param>
public sealed class NonFiniteLossException(string algorithm, int iteration, string quantity, double value)
    : Exception($"{algorithm} stopped at iteration {iteration}: {quantity} = {value}. Training never continues on NaN parameters; "
                + "lower the learning rate or check the inputs.")
{
    /// <summary>The update iteration (0-based) at which the loss became non-finite.</summary>
    public int Iteration { get; } = iteration;

    /// <summary>The non-finite quantity's name.</summary>
    public string Quantity { get; } = quantity;
}

/// <summary>The one check every trainer makes before <c>backward()</c> and <c>optimizer.step()</c>.</summary>
public static class LossCheck
{
    /// <summary>Returns the scalar <paramref name="loss"/>'s value, or throws <see cref="NonFiniteLossException"/> when it is NaN or ±∞.</summary>
    public static double Finite(Tensor loss, string algorithm, int iteration, string quantity)
    {
        double value = loss.to_type(ScalarType.Float64).item<double>();
        return double.IsFinite(value) ? value : throw new NonFiniteLossException(algorithm, iteration, quantity, value);
    }
}
