using System.Runtime.InteropServices;
using RlNotebooks.Buffers;
using RlNotebooks.Deep.Networks;
using RlNotebooks.Deep.Operations;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Adam = RlNotebooks.Deep.Operations.Adam;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>
/// What DQN learns with: the online network Q_θ, the target network Q_θ⁻ (the online network itself when the config turns the
/// target network off) and Adam on θ. Built with the current torch seed.
/// </summary>
public sealed class DqnAgent : IDisposable
{
    private readonly DqnConfig config;
    private readonly DiscreteQNetwork? target;
    private readonly Parameter? targetParameters;

    /// <summary>Q_θ and θ⁻ = θ for observations of <paramref name="observationSize"/> floats and |A| = <paramref name="actionCount"/>.</summary>
    public DqnAgent(int observationSize, int actionCount, DqnConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        this.config = config;
        Online = new DiscreteQNetwork(observationSize, actionCount, config.HiddenSizes);
        // θ (and θ⁻) as one vector each: one Adam step and one target copy per network instead of one per tensor. Both are
        // elementwise, so they compute the same numbers as over the separate tensors.
        OnlineTensors = [.. Online.parameters()];
        OnlineParameters = ContiguousParameters.Flatten(OnlineTensors);
        if (config.UseTargetNetwork)
        {
            target = new DiscreteQNetwork(observationSize, actionCount, config.HiddenSizes);
            targetParameters = ContiguousParameters.Flatten(target.parameters());
            TargetNetworks.HardUpdate(targetParameters, OnlineParameters);
        }

        Optimizer = new Adam([OnlineParameters], config.LearningRate);
        ObservationSize = observationSize;
        ActionCount = actionCount;
    }

    /// <summary>Q_θ, trained by every gradient step.</summary>
    public DiscreteQNetwork Online { get; }

    /// <summary>θ as one vector (<see cref="ContiguousParameters"/>): <see cref="Online"/>'s tensors are views of it.</summary>
    public Parameter OnlineParameters { get; }

    /// <summary>θ tensor by tensor (views of <see cref="OnlineParameters"/>), for the gradient-norm clip.</summary>
    public IReadOnlyList<Parameter> OnlineTensors { get; }

    /// <summary>Q_θ⁻, the bootstrap's network: a lagged copy of θ, or Q_θ itself without a target network.</summary>
    public DiscreteQNetwork Target => target ?? Online;

    /// <summary>Adam on θ (ours: torch.optim's passes temporary Scalars, see <see cref="Adam"/>).</summary>
    public Adam Optimizer { get; }

    /// <summary>d, floats per observation.</summary>
    public int ObservationSize { get; }

    /// <summary>|A|.</summary>
    public int ActionCount { get; }

    /// <summary>Writes aᵢ = argmaxₐ Q_θ(sᵢ, a) (ties to the lowest index) for the rows of the flat [N × d] <paramref name="observations"/>.</summary>
    public void GreedyActionsInto(float[] observations, Span<int> actions)
    {
        ArgumentNullException.ThrowIfNull(observations);
        int n = Validation.Guard.RowMajor(observations.Length, ObservationSize, nameof(observations), nameof(ObservationSize));
        Validation.Guard.DestinationLength(n, actions.Length, nameof(actions));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor best = Online.forward(tensor(observations, [n, ObservationSize])).argmax(1);
        var indices = best.data<long>();
        for (int i = 0; i < n; i++)
        {
            actions[i] = (int)indices[i];
        }
    }

    /// <summary>θ⁻ ← τθ + (1 − τ)θ⁻ (τ = 1: the paper's copy); nothing without a target network.</summary>
    public void UpdateTarget()
    {
        if (targetParameters is null)
        {
            return;
        }

        if (config.Tau == 1.0)
        {
            TargetNetworks.HardUpdate(targetParameters, OnlineParameters);
        }
        else
        {
            TargetNetworks.PolyakUpdate(targetParameters, OnlineParameters, config.Tau);
        }
    }

    /// <summary>The transitions of <paramref name="batch"/> as new tensors of the current dispose scope (<see cref="DqnBatch"/>).</summary>
    public static DqnBatch Tensors(ReplayBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        DqnBatch tensors = DqnBatch.Zeros(batch.Size, batch.ObservationSize);
        CopyInto(batch, tensors);
        return tensors;
    }

    /// <summary>
    /// Writes the transitions of <paramref name="batch"/> into the tensors of <paramref name="destination"/> (of the same B and d)
    /// in place, creating no tensor: a trainer refills one set for every minibatch.
    /// </summary>
    public static void CopyInto(ReplayBatch batch, DqnBatch destination)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(destination);
        int b = batch.Size, d = batch.ObservationSize;
        if (!destination.Observations.shape.SequenceEqual([b, d]) || destination.Actions.shape[0] != b)
        {
            throw new ArgumentException($"{nameof(destination)} holds observations {Torch.Shapes.Describe(destination.Observations)}; the batch has B = {b}, d = {d}.", nameof(destination));
        }

        batch.Observations.CopyTo(Values<float>(destination.Observations));
        batch.NextObservations.CopyTo(Values<float>(destination.NextObservations));
        Span<long> actions = Values<long>(destination.Actions);
        Span<float> rewards = Values<float>(destination.Rewards);
        Span<bool> terminated = Values<bool>(destination.Terminated);
        for (int i = 0; i < b; i++)
        {
            actions[i] = (long)batch.Actions[i * batch.ActionSize];
            rewards[i] = (float)batch.Rewards[i];
            terminated[i] = batch.Terminated[i];
        }
    }

    /// <summary>The memory of a contiguous CPU tensor as a span of its element type.</summary>
    private static Span<T> Values<T>(Tensor tensor) where T : unmanaged => MemoryMarshal.Cast<byte, T>(tensor.bytes);

    /// <summary>Frees both networks, their parameter vectors and the optimizer.</summary>
    public void Dispose()
    {
        Online.Dispose();
        target?.Dispose();
        OnlineParameters.Dispose();
        targetParameters?.Dispose();
        Optimizer.Dispose();
    }
}

/// <summary>A replay minibatch as tensors (data, no gradient); disposing it frees them.</summary>
/// <param name="Observations">sₜ, float32 [B, d].</param>
/// <param name="Actions">aₜ, Int64 [B].</param>
/// <param name="Rewards">rₜ₊₁, float32 [B].</param>
/// <param name="NextObservations">sₜ₊₁ (the final observation where an episode ended), float32 [B, d].</param>
/// <param name="Terminated">sₜ₊₁ terminal, Bool [B]; truncated transitions are not terminal, so they bootstrap.</param>
public sealed record DqnBatch(Tensor Observations, Tensor Actions, Tensor Rewards, Tensor NextObservations, Tensor Terminated) : IDisposable
{
    /// <summary>B transitions of zeros, with observations of d floats (tensors of the current dispose scope), to fill with <see cref="DqnAgent.CopyInto"/>.</summary>
    public static DqnBatch Zeros(int size, int observationSize) => new(zeros(size, observationSize), zeros(size, ScalarType.Int64), zeros(size),
        zeros(size, observationSize), zeros(size, ScalarType.Bool));

    /// <summary>Frees the five tensors.</summary>
    public void Dispose()
    {
        Observations.Dispose();
        Actions.Dispose();
        Rewards.Dispose();
        NextObservations.Dispose();
        Terminated.Dispose();
    }
}
