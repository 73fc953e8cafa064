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
    // Functions of the box, made once (float32): the centre (low + high)/2, the half-range (high − low)/2, and the constant
    // part ½ log 2π + log((high − low)/2) of −log π per dimension; and ½.
    private readonly Tensor center, halfRange, logNormalizer, half;

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
        RegisterComponents();   // before the constants below, so they are not registered as buffers
        center = tensor(low.Zip(high, (l, h) => (float)((l + h) / 2)).ToArray()).DetachFromDisposeScope();
        halfRange = tensor(low.Zip(high, (l, h) => (float)((h - l) / 2)).ToArray()).DetachFromDisposeScope();
        logNormalizer = tensor(low.Zip(high, (l, h) => (float)(0.5 * Math.Log(2 * Math.PI) + Math.Log((h - l) / 2))).ToArray()).DetachFromDisposeScope();
        half = tensor(0.5f).DetachFromDisposeScope();
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

    /// <summary>
    /// a = squash(μ + σ ⊙ ξ) and log π(a|s), differentiable in θ through the reparameterisation. With u = μ + σ ⊙ ξ the
    /// standardised residual (u − μ)/σ is ξ itself and ∂aᵢ/∂uᵢ = ((highᵢ − lowᵢ)/2)(1 − tanh² uᵢ), so
    /// log π(a|s) = −Σᵢ [½ξᵢ² + log σᵢ + ½ log 2π + log((highᵢ − lowᵢ)/2) + log(1 − tanh² uᵢ)], the same number as
    /// <see cref="TanhGaussianDistribution.LogProb"/> of u in fewer tensor operations (this runs three times per SAC step).
    /// </summary>
    public SquashedSample Sample(Tensor observations, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        using var scope = NewDisposeScope();
        var (mean, logStd) = forward(observations);
        Tensor noise = randn(mean.shape, mean.dtype, mean.device, generator: generator);   // ξ ~ 𝒩(0, I)
        Tensor preTanh = (logStd.exp() * noise).Plus(mean);                                 // u = μ + σ ⊙ ξ
        Tensor action = (preTanh.tanh() * Like(halfRange, mean)).Plus(Like(center, mean));  // low + (high − low)(tanh u + 1)/2
        Tensor perDimension = (noise.Squared() * Like(half, mean)).Plus(logStd).Plus(Like(logNormalizer, mean))
            .Plus(TanhGaussianDistribution.LogOneMinusTanhSquared(preTanh));
        return new SquashedSample(action.MoveToOuterDisposeScope(), perDimension.sum(1).neg().MoveToOuterDisposeScope());
    }

    /// <summary>The deterministic action squash(μ) used for evaluation, [N, d], without gradient.</summary>
    public Tensor Deterministic(Tensor observations)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (mean, _) = forward(observations);
        return (mean.tanh() * Like(halfRange, mean)).Plus(Like(center, mean)).MoveToOuterDisposeScope();
    }

    /// <summary>A box constant in <paramref name="like"/>'s dtype (the stored float32 one when they agree, the usual case).</summary>
    private static Tensor Like(Tensor constant, Tensor like) => constant.dtype == like.dtype && constant.device_type == like.device_type
        ? constant
        : constant.to(like.dtype, like.device);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            center.Dispose();
            halfRange.Dispose();
            logNormalizer.Dispose();
            half.Dispose();
        }

        base.Dispose(disposing);
    }
}
