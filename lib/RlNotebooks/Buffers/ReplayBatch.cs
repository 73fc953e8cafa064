using RlNotebooks.Validation;

namespace RlNotebooks.Buffers;

/// <summary>
/// A preallocated minibatch of B transitions (s, a, r, s′, terminated) that <see cref="ReplayBuffer.SampleInto"/> fills
/// without allocating; arrays are flat and row-major ([B, d] for observations).
/// </summary>
public sealed class ReplayBatch
{
    /// <summary>Room for <paramref name="size"/> transitions.</summary>
    public ReplayBatch(int size, int observationSize, int actionSize)
    {
        Guard.AtLeast(size, 1);
        Guard.AtLeast(observationSize, 1);
        Guard.AtLeast(actionSize, 1);
        Size = size;
        ObservationSize = observationSize;
        ActionSize = actionSize;
        Observations = new float[size * observationSize];
        Actions = new float[size * actionSize];
        Rewards = new double[size];
        NextObservations = new float[size * observationSize];
        Terminated = new bool[size];
        Indices = new int[size];
    }

    /// <summary>B.</summary>
    public int Size { get; }

    /// <summary>d.</summary>
    public int ObservationSize { get; }

    /// <summary>Floats per action.</summary>
    public int ActionSize { get; }

    /// <summary>[B, d] s.</summary>
    public float[] Observations { get; }

    /// <summary>[B, action size] a.</summary>
    public float[] Actions { get; }

    /// <summary>[B] r.</summary>
    public double[] Rewards { get; }

    /// <summary>[B, d] s′ (the final observation where the episode ended).</summary>
    public float[] NextObservations { get; }

    /// <summary>[B] s′ terminal (targets bootstrap with 0); truncated transitions are stored as not terminated, so they bootstrap.</summary>
    public bool[] Terminated { get; }

    /// <summary>[B] the ring slots sampled.</summary>
    public int[] Indices { get; }
}
