using System.Globalization;

namespace RlNotebooks.Environments.ClassicControl;

/// <summary>
/// The box [low₀, high₀] × … × [low_{d−1}, high_{d−1}] of float32 vectors (Gymnasium's <c>Box(low, high, dtype=float32)</c>).
/// Bounds may be ±<see cref="float.MaxValue"/> for unbounded components.
/// </summary>
public sealed record Box : Space
{
    private readonly float[] _low;
    private readonly float[] _high;

    /// <summary>The box with per-component bounds.</summary>
    /// <param name="low">Lower bounds, one per component (at least one).</param>
    /// <param name="high">Upper bounds, the same length; low[j] ≤ high[j], no NaN.</param>
    public Box(ReadOnlySpan<float> low, ReadOnlySpan<float> high)
    {
        if (low.Length == 0)
        {
            throw new ArgumentException("low must not be empty.", nameof(low));
        }

        if (high.Length != low.Length)
        {
            throw new ArgumentException($"high has length {high.Length} but low has length {low.Length}; they must match.", nameof(high));
        }

        for (int j = 0; j < low.Length; j++)
        {
            if (!(low[j] <= high[j]))
            {
                throw new ArgumentException($"low[{j}] = {low[j]} and high[{j}] = {high[j]} do not satisfy low ≤ high.", nameof(low));
            }
        }

        _low = low.ToArray();
        _high = high.ToArray();
    }

    /// <summary>The box [<paramref name="low"/>, <paramref name="high"/>]^<paramref name="dimension"/>.</summary>
    public Box(float low, float high, int dimension)
        : this(Filled(low, dimension), Filled(high, dimension))
    {
    }

    /// <summary>Lower bounds.</summary>
    public ReadOnlySpan<float> Low => _low;

    /// <summary>Upper bounds.</summary>
    public ReadOnlySpan<float> High => _high;

    /// <summary>The dimension d.</summary>
    public int Dimension => _low.Length;

    /// <inheritdoc/>
    public override int Size => _low.Length;

    /// <summary>True when <paramref name="x"/> has d components, each finite and within its bounds.</summary>
    public bool Contains(ReadOnlySpan<float> x)
    {
        if (x.Length != _low.Length)
        {
            return false;
        }

        for (int j = 0; j < x.Length; j++)
        {
            if (!(x[j] >= _low[j] && x[j] <= _high[j]) || !float.IsFinite(x[j]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Throws an <see cref="ArgumentException"/> naming <paramref name="paramName"/>, the index and the value unless
    /// <paramref name="x"/> has d components that are finite (not NaN, not ±∞) and within the bounds.
    /// </summary>
    /// <param name="x">The element to check.</param>
    /// <param name="paramName">The caller's parameter.</param>
    /// <param name="offset">Index of x[0] in the caller's flat array (messages name paramName[offset + j]).</param>
    public void ThrowIfOutside(ReadOnlySpan<float> x, string paramName, int offset = 0)
    {
        if (x.Length != _low.Length)
        {
            throw new ArgumentException($"{paramName} has {x.Length} components but {this} has {_low.Length}.", paramName);
        }

        for (int j = 0; j < x.Length; j++)
        {
            if (!float.IsFinite(x[j]))
            {
                throw new ArgumentException($"{paramName}[{offset + j}] = {x[j]} is not a finite number.", paramName);
            }

            if (!(x[j] >= _low[j] && x[j] <= _high[j]))
            {
                throw new ArgumentOutOfRangeException(paramName, x[j],
                    $"{paramName}[{offset + j}] = {x[j]} is outside {this}: component {j} must lie in [{_low[j]}, {_high[j]}].");
            }
        }
    }

    /// <summary>
    /// Writes min(max(xⱼ, lowⱼ), highⱼ) into <paramref name="destination"/> (Gymnasium's <c>ClipAction</c>), row by row for
    /// a flat batch of k·d values. For policies whose samples are unbounded (a Gaussian) before stepping an environment,
    /// which rejects actions outside its box. NaN stays NaN.
    /// </summary>
    public void ClipInto(ReadOnlySpan<float> x, Span<float> destination)
    {
        if (x.Length % _low.Length != 0)
        {
            throw new ArgumentException($"x has length {x.Length}, which is not a multiple of the dimension {_low.Length}.", nameof(x));
        }

        if (destination.Length < x.Length)
        {
            throw new ArgumentException(
                $"destination has length {destination.Length} but {x.Length} elements must be written; it is too short.", nameof(destination));
        }

        for (int k = 0; k < x.Length; k++)
        {
            int j = k % _low.Length;
            destination[k] = float.IsNaN(x[k]) ? x[k] : Math.Min(Math.Max(x[k], _low[j]), _high[j]);
        }
    }

    /// <summary>Component-wise equality of the bounds.</summary>
    public bool Equals(Box? other) =>
        other is not null && _low.AsSpan().SequenceEqual(other._low) && _high.AsSpan().SequenceEqual(other._high);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_low.Length, _low[0], _high[0]);

    /// <inheritdoc/>
    public override string ToString() => $"Box([{Format(_low)}], [{Format(_high)}])";

    private static string Format(float[] values) => string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    private static float[] Filled(float value, int dimension)
    {
        if (dimension < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"dimension must be ≥ 1 but was {dimension}.");
        }

        var values = new float[dimension];
        Array.Fill(values, value);
        return values;
    }
}
