using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RlNotebooks.Validation;

/// <summary>Cheap after-the-fact checks that a computed result is finite (functions never return NaN or ∞).</summary>
public static partial class Guard
{
    /// <summary>
    /// True iff every element of <paramref name="values"/> is finite: one vectorised pass summing xᵢ·0, which is 0 for a
    /// finite xᵢ and NaN for ±∞ or NaN. Use after a computation to decide whether to look for the cause.
    /// </summary>
    public static bool IsAllFinite(ReadOnlySpan<double> values)
    {
        ref double x = ref MemoryMarshal.GetReference(values);
        int n = values.Length, i = 0, width = Vector<double>.Count;
        var acc = Vector<double>.Zero;
        for (; i <= n - width; i += width)
        {
            acc += Vector.LoadUnsafe(ref x, (nuint)i) * Vector<double>.Zero;
        }

        double tail = Vector.Sum(acc);
        for (; i < n; i++)
        {
            tail += Unsafe.Add(ref x, i) * 0.0;
        }

        return tail == 0.0;
    }

    /// <summary>
    /// The TD error δ = r + b − v of finite terms (b = γ·V(s′), already scaled): computed as written, and only when that
    /// overflows, again as 4·(r/4 + b/4 − v/4), which is finite whenever the true δ is representable (e.g. r = b = v = double.MaxValue).
    /// Throws <see cref="Overflow"/> naming <paramref name="paramName"/> when δ itself is beyond ±double.MaxValue.
    /// </summary>
    public static double TdError(double reward, double bootstrap, double value, string paramName)
    {
        double delta = reward + bootstrap - value;
        if (double.IsFinite(delta))
        {
            return delta;
        }

        delta = 4.0 * (0.25 * reward + 0.25 * bootstrap - 0.25 * value);
        return double.IsFinite(delta) ? delta : throw Overflow("δ", paramName);
    }

    /// <summary>
    /// The mean Σᵢ xᵢ/n of finite values, never ±∞: summed as Σᵢ (xᵢ/n), and only when rounding pushes that past
    /// ±double.MaxValue (all xᵢ near the limit), again as 2·Σᵢ (xᵢ/2n) clamped to ±double.MaxValue, since the true mean
    /// lies between min xᵢ and max xᵢ.
    /// </summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        double mean = 0.0;
        foreach (double x in values)
        {
            mean += x / values.Length;
        }

        return double.IsFinite(mean) ? mean : RescaledMean(values);
    }

    /// <summary>2·Σᵢ (xᵢ/2n) clamped to ±double.MaxValue: the mean of finite values whose plain sum overflowed.</summary>
    internal static double RescaledMean(ReadOnlySpan<double> values)
    {
        double half = 0.0;
        foreach (double x in values)
        {
            half += x / (2.0 * values.Length);
        }

        return Math.Clamp(2.0 * half, -double.MaxValue, double.MaxValue);
    }
}
