using RlNotebooks.Deep.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Networks;

/// <summary>
/// Multilayer perceptron f(x) = W_L σ(… σ(W_1 x + b_1) …) + b_L with layer sizes [n₀, n₁, …, n_L] and activation σ between
/// layers (none after the last). Initialisation as in the PPO/TRPO implementations (OpenAI baselines, CleanRL): every weight
/// matrix orthogonal, scaled by its layer's gain, biases 0. The usual gains are √2 for hidden layers, 0.01 for a policy's
/// output layer (near-uniform initial policy) and 1 for a value output.
/// </summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> layers;
    private readonly Activation activation;

    /// <summary>Builds the layers and initialises them with the current torch seed (<c>torch.manual_seed</c>).</summary>
    /// <param name="sizes">[n₀, …, n_L]: input size, hidden sizes, output size; at least two entries, each ≥ 1.</param>
    /// <param name="activation">σ between layers.</param>
    /// <param name="hiddenGain">Orthogonal-init gain of every layer but the last (√2 by default, the gain for ReLU/tanh used by PPO).</param>
    /// <param name="outputGain">Orthogonal-init gain of the last layer.</param>
    public Mlp(IReadOnlyList<int> sizes, Activation activation = Activation.Tanh, double hiddenGain = 1.4142135623730951, double outputGain = 1.0)
        : base(nameof(Mlp))
    {
        ArgumentNullException.ThrowIfNull(sizes);
        Validation.Guard.AtLeast(sizes.Count, 2, nameof(sizes));
        for (int i = 0; i < sizes.Count; i++)
        {
            if (sizes[i] < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(sizes), sizes[i], $"sizes[{i}] = {sizes[i]}; every layer needs at least one unit.");
            }
        }

        Validation.Guard.Positive(hiddenGain);
        Validation.Guard.Positive(outputGain);
        TorchThreads.EnsureDefault();
        this.activation = activation;
        Sizes = sizes.ToArray();
        layers = new ModuleList<Linear>();
        for (int i = 0; i + 1 < sizes.Count; i++)
        {
            var layer = nn.Linear(sizes[i], sizes[i + 1]);
            using (no_grad())
            {
                nn.init.orthogonal_(layer.weight, i + 2 == sizes.Count ? outputGain : hiddenGain);
                nn.init.zeros_(layer.bias);
            }

            layers.Add(layer);
        }

        RegisterComponents();
    }

    /// <summary>[n₀, …, n_L].</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>n₀, the number of input features.</summary>
    public int InputSize => Sizes[0];

    /// <summary>n_L, the number of outputs.</summary>
    public int OutputSize => Sizes[^1];

    /// <summary>f(x) for a batch x of shape [N, n₀] (checked first: a mismatch would abort the process in libtorch); returns [N, n_L].</summary>
    public override Tensor forward(Tensor input)
    {
        Shapes.Features(input, nameof(input), InputSize, layers[0].weight!.dtype);
        using var scope = NewDisposeScope();
        Tensor x = input;
        for (int i = 0; i < layers.Count; i++)
        {
            x = layers[i].forward(x);
            if (i + 1 < layers.Count)
            {
                x = activation == Activation.Tanh ? x.tanh() : x.relu();
            }
        }

        return x.MoveToOuterDisposeScope();
    }
}
