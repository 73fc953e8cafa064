using RlNotebooks.Deep.Distributions;
using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Networks;

/// <summary>A reparameterised action of the SAC policy and its log-density.</summary>
/// <param name="Action">a = squash(u), [N, d], differentiable in θ.</param>
/// <param name="LogProb">log π_θ(a|s) with the tanh log-det correction, [N].</param>
public sealed record SquashedSample(Tensor Action, Tensor LogProb);

/// <summary>
/// SAC policy (Haarnoja et al. 2018): an <see cref="Mlp"/> obs → [μ, log σ] (2d outputs, log σ clamped to
/// [<see cref="LogStdMin"/>, <see cref="LogStdMax"/>]), u = μ + σ ⊙ ξ with ξ ~ N(0, I) (reparameterisation trick), and the
/// action a = low + (high − low)(tanh u + 1)/2 inside the box; log π(a|s) includes the change-of-variables correction
/// (<see cref="TanhGaussianDistribution.LogProb"/>).
/// </summary>
public sealed class TanhGaussianPolicy : nn.Module<Tensor, (Tensor Mean, Tensor LogStd)>
{
    /// <summary>Lower clamp of log σ (SAC implementations: −20).</summary>
    public const double LogStdMin = -20.0;

    /// <summary>Upper clamp of log σ (SAC implementations: 2).</summary>
    public const double LogStdMax = 2.0;

    private readonly Mlp trunk;
    private readonly double[] low, high;

    /// <summary>A ReLU MLP obs → hidden… → 2d with orthogonal init and action bounds [low, high].</summary>
    /// <param name="observationSize">Observation features.</param>
    /// <param name="low">Lower action bounds (length d).</param>
    /// <param name="high">Upper action bounds (length d, each &gt; low).</param>
    /// <param name="hiddenSizes">Hidden layer sizes, e.g. [256, 256].</param>
    /// <param name="activation">Hidden nonlinearity.</param>
    public TanhGaussianPolicy(int observationSize, double[] low, double[] high, IReadOnlyList<int> hiddenSizes, Activation activation = Activation.ReLU)
        : base(nameof(TanhGaussianPolicy))
    {
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        Validation.Guard.NotEmpty(low.Length, nameof(low));
        Validation.Guard.ActionBounds(low, high, nameof(low), nameof(high));
        ActionSize = low.Length;
        trunk = new Mlp([observationSize, .. hiddenSizes, 2 * ActionSize], activation);
        this.low = (double[])low.Clone();
        this.high = (double[])high.Clone();
        RegisterComponents();
    }

    /// <summary>d, the action dimension.</summary>
    public int ActionSize { get; }

    /// <summary>(μ, log σ), each [N, d], for observations [N, obs].</summary>
    public override (Tensor Mean, Tensor LogStd) forward(Tensor observations)
    {
        using var scope = NewDisposeScope();
        Tensor output = trunk.forward(observations);
        Tensor mean = output.narrow(1, 0, ActionSize);
        Tensor logStd = output.narrow(1, ActionSize, ActionSize).clamp(output.Constant(LogStdMin), output.Constant(LogStdMax));
        return (mean.MoveToOuterDisposeScope(), logStd.MoveToOuterDisposeScope());
    }

    /// <summary>a = squash(μ + σ ⊙ ξ) and log π(a|s), differentiable in θ through the reparameterisation.</summary>
    public SquashedSample Sample(Tensor observations, Generator generator)
    {
        using var scope = NewDisposeScope();
        var (mean, logStd) = forward(observations);
        Tensor preTanh = GaussianDistribution.Sample(mean, logStd, generator);
        Tensor action = TanhGaussianDistribution.Squash(preTanh, Bound(low, mean), Bound(high, mean));
        Tensor logProb = TanhGaussianDistribution.LogProb(preTanh, mean, logStd, Bound(low, mean), Bound(high, mean));
        return new SquashedSample(action.MoveToOuterDisposeScope(), logProb.MoveToOuterDisposeScope());
    }

    /// <summary>The deterministic action squash(μ) used for evaluation, [N, d], without gradient.</summary>
    public Tensor Deterministic(Tensor observations)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (mean, _) = forward(observations);
        return TanhGaussianDistribution.Squash(mean, Bound(low, mean), Bound(high, mean)).MoveToOuterDisposeScope();
    }

    private static Tensor Bound(double[] bound, Tensor like) => tensor(bound, like.dtype, like.device);
}
