using RlNotebooks.Validation;

namespace RlNotebooks.NaturalGradient;

/// <summary>
/// Empirical Fisher information from score vectors sᵢ = ∇θ log π(aᵢ|sᵢ), i = 1..N, stored flat row-major (N × d):
/// <code>F = (1/N) Σᵢ sᵢ sᵢᵀ,        F v = (1/N) Σᵢ sᵢ (sᵢᵀ v).</code>
/// The product form costs O(N d) and never builds the d × d matrix, which is what TRPO/natural policy gradient
/// feed to <see cref="ConjugateGradient"/>. F is symmetric positive semi-definite (rank ≤ N), so add damping.
/// </summary>
public static class EmpiricalFisher
{
    /// <summary>Builds F = (1/N) Σ sᵢ sᵢᵀ as a flat row-major d × d array (for small d, teaching and tests).</summary>
    /// <param name="scores">N × d score vectors, row-major.</param>
    /// <param name="dimension">d, the number of parameters.</param>
    public static double[] Matrix(ReadOnlySpan<double> scores, int dimension)
    {
        Guard.RowMajor(scores.Length, dimension, nameof(scores), nameof(dimension));
        var f = new double[dimension * dimension];
        MatrixInto(scores, dimension, f);
        return f;
    }

    /// <inheritdoc cref="Matrix"/>
    /// <summary>Writes F = (1/N) Σ sᵢ sᵢᵀ into <paramref name="destination"/> (length d², row-major) without allocating.</summary>
    public static void MatrixInto(ReadOnlySpan<double> scores, int dimension, Span<double> destination)
    {
        Guard.RowMajor(scores.Length, dimension, nameof(scores), nameof(dimension));
        Guard.AllFinite(scores);
        Guard.SameLength(dimension * dimension, destination.Length, nameof(destination), "dimension²");
        int n = scores.Length / dimension;
        destination.Clear();
        for (int row = 0; row < n; row++)
        {
            ReadOnlySpan<double> s = scores.Slice(row * dimension, dimension);
            for (int i = 0; i < dimension; i++)
            {
                double si = s[i] / n;
                Span<double> fi = destination.Slice(i * dimension, dimension);
                for (int j = 0; j < dimension; j++)
                {
                    fi[j] += si * s[j];
                }
            }
        }

        // Scores are finite, so a non-finite F entry means (1/N) Σ sᵢsⱼ overflowed: checked once over the matrix.
        if (!Guard.IsAllFinite(destination))
        {
            throw Guard.Overflow("F = (1/N) Σ ∇log π ∇log πᵀ", nameof(scores));
        }
    }

    /// <summary>Returns F v = (1/N) Σ sᵢ (sᵢᵀ v) without forming F.</summary>
    /// <param name="scores">N × d score vectors, row-major.</param>
    /// <param name="dimension">d.</param>
    /// <param name="v">Vector of length d.</param>
    public static double[] VectorProduct(ReadOnlySpan<double> scores, int dimension, ReadOnlySpan<double> v)
    {
        Guard.RowMajor(scores.Length, dimension, nameof(scores), nameof(dimension));
        var result = new double[dimension];
        VectorProductInto(scores, dimension, v, result);
        return result;
    }

    /// <inheritdoc cref="VectorProduct"/>
    /// <summary>Writes F v = (1/N) Σ sᵢ (sᵢᵀ v) into <paramref name="destination"/>; no allocation, O(N d).</summary>
    public static void VectorProductInto(ReadOnlySpan<double> scores, int dimension, ReadOnlySpan<double> v, Span<double> destination)
    {
        Guard.RowMajor(scores.Length, dimension, nameof(scores), nameof(dimension));
        Guard.SameLength(dimension, v.Length, nameof(v), nameof(dimension));
        Guard.SameLength(dimension, destination.Length, nameof(destination), nameof(dimension));
        Guard.AllFinite(scores);
        Guard.AllFinite(v);
        Accumulate(scores, dimension, v, destination);
    }

    /// <summary>
    /// Wraps the scores as a <see cref="MatVec"/> for <see cref="ConjugateGradient"/>. The scores are validated once here
    /// (the array is captured, not copied: do not mutate it while the delegate is in use); each call then costs O(N d)
    /// with no allocation and only checks lengths.
    /// </summary>
    /// <param name="scores">N × d score vectors, row-major.</param>
    /// <param name="dimension">d.</param>
    public static MatVec VectorProductOperator(double[] scores, int dimension)
    {
        ArgumentNullException.ThrowIfNull(scores);
        Guard.RowMajor(scores.Length, dimension, nameof(scores), nameof(dimension));
        Guard.AllFinite(scores);
        return (v, result) =>
        {
            Guard.SameLength(dimension, v.Length, nameof(v), nameof(dimension));
            Guard.SameLength(dimension, result.Length, nameof(result), nameof(dimension));
            Accumulate(scores, dimension, v, result);
        };
    }

    private static void Accumulate(ReadOnlySpan<double> scores, int dimension, ReadOnlySpan<double> v, Span<double> destination)
    {
        int n = scores.Length / dimension;
        destination.Clear();
        for (int row = 0; row < n; row++)
        {
            ReadOnlySpan<double> s = scores.Slice(row * dimension, dimension);
            double sv = 0.0;
            for (int j = 0; j < dimension; j++)
            {
                sv += s[j] * v[j];
            }

            sv /= n;
            for (int j = 0; j < dimension; j++)
            {
                destination[j] += sv * s[j];
            }
        }

        // Inputs are finite, so a non-finite entry means sᵀv or the accumulated product overflowed.
        if (!Guard.IsAllFinite(destination))
        {
            throw Guard.Overflow("Fv = (1/N) Σ s (sᵀv)", "scores");
        }
    }
}
