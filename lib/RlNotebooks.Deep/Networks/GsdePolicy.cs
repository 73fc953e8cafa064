using RlNotebooks.Deep.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Networks;

/// <summary>
/// Generalised state-dependent exploration (gSDE, Raffin, Kober &amp; Stulp 2021): a Gaussian policy whose noise is a linear
/// function of the policy's own last hidden features z(s) (detached), with weights W drawn from N(0, σ²) and held for several
/// steps, so the exploration is smooth in time and in state:
/// <code>
/// a = μ_θ(s) + z(s)ᵀ W,  W_jk ~ N(0, σ_jk²)         π_θ(a|s) = N(μ_θ(s), diag(Σ_j z_j(s)² σ_jk²))
/// </code>
/// μ_θ(s) = head(z(s)), z(s) = tanh of an <see cref="Mlp"/>'s output; σ = exp(log σ) is an [h, d] parameter. Its
/// <see cref="forward"/> returns the per-state Gaussian's parameters [μ ‖ log σ(s)], [N, 2d], with
/// log σ(s)_k = ½ log(Σ_j z_j² σ_jk² + ε). For a given s this Gaussian is exactly the distribution of a over W; successive
/// actions share W, and the likelihood ignores that correlation (as stable-baselines3's gSDE does).
/// </summary>
public sealed class GsdePolicy : nn.Module<Tensor, Tensor>
{
    private const double Epsilon = 1e-6;
    private readonly Mlp trunk;
    private readonly Mlp head;
    private readonly Parameter logStd;

    /// <summary>μ_θ(s) = head(tanh(trunk(s))) like a two-hidden-layer <see cref="Mlp"/>, and log σ = <paramref name="initialLogStd"/>.</summary>
    /// <param name="observationSize">Observation features.</param>
    /// <param name="actionSize">d ≥ 1.</param>
    /// <param name="hiddenSizes">Hidden layer sizes; z(s) is the last one's activation.</param>
    /// <param name="initialLogStd">Initial log σ_jk.</param>
    public GsdePolicy(int observationSize, int actionSize, IReadOnlyList<int> hiddenSizes, double initialLogStd)
        : base(nameof(GsdePolicy))
    {
        ArgumentNullException.ThrowIfNull(hiddenSizes);
        Validation.Guard.AtLeast(actionSize, 1);
        Validation.Guard.AtLeast(hiddenSizes.Count, 1, nameof(hiddenSizes));
        Validation.Guard.Finite(initialLogStd);
        ActionSize = actionSize;
        trunk = new Mlp([observationSize, .. hiddenSizes], outputGain: Math.Sqrt(2.0));
        head = new Mlp([hiddenSizes[^1], actionSize], outputGain: 0.01);
        logStd = nn.Parameter(tensor(initialLogStd, float32).repeat(hiddenSizes[^1], actionSize));
        RegisterComponents();
    }

    /// <summary>d, the action dimension.</summary>
    public int ActionSize { get; }

    /// <summary>log σ, the [h, d] parameter of the exploration weights.</summary>
    public Parameter LogStd => logStd;

    /// <summary>[μ_θ(s) ‖ log σ(s)] of shape [N, 2d] for observations [N, obs].</summary>
    public override Tensor forward(Tensor observations)
    {
        using var scope = NewDisposeScope();
        Tensor z = trunk.forward(observations).tanh();
        Tensor mu = head.forward(z);
        Tensor features = z.detach();
        Tensor variance = (features * features).matmul((logStd * mu.Constant(2.0)).exp());
        Tensor logSigma = variance.Plus(mu.Constant(Epsilon)).log() * mu.Constant(0.5);
        return cat([mu, logSigma], 1).MoveToOuterDisposeScope();
    }

    /// <summary>(μ, log σ(s)), each [N, d], from <see cref="forward"/>'s [N, 2d] output (views, no copy).</summary>
    public (Tensor Mean, Tensor LogStd) Split(Tensor output) => (output.narrow(1, 0, ActionSize), output.narrow(1, ActionSize, ActionSize));

    /// <summary>Fresh exploration weights W ~ N(0, σ²) for <paramref name="count"/> copies, [count, h, d], without gradient.</summary>
    public Tensor SampleWeights(int count, Generator generator)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor noise = randn([count, logStd.shape[0], logStd.shape[1]], logStd.dtype, generator: generator);
        return (noise * logStd.exp()).MoveToOuterDisposeScope();
    }

    /// <summary>aᵢ = μ_θ(sᵢ) + z(sᵢ)ᵀ Wᵢ for observations [N, obs] and weights [N, h, d]; [N, d], without gradient.</summary>
    public Tensor Act(Tensor observations, Tensor weights)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor z = trunk.forward(observations).tanh();
        Tensor noise = z.unsqueeze(1).bmm(weights).squeeze(1);
        return head.forward(z).Plus(noise).MoveToOuterDisposeScope();
    }
}
