namespace RlNotebooks.Environments.ClassicControl;

/// <summary>
/// An action or observation space, Gymnasium style: <see cref="Discrete"/>(n) or <see cref="Box"/>(low, high).
/// Elements are stored flat: <see cref="Size"/> floats per element (a discrete index takes one slot).
/// </summary>
public abstract record Space
{
    /// <summary>Slots one element takes in flat storage: 1 for a discrete index, the dimension for a box.</summary>
    public abstract int Size { get; }
}
