using RlNotebooks.Validation;

namespace RlNotebooks.Baselines;

/// <summary>
/// Linear state-value baseline V(s) ≈ φ(s)ᵀw fitted by ridge regression:
/// w = argmin ‖Φw − G‖² + α‖w‖², i.e. the solution of (ΦᵀΦ + αI) w = ΦᵀG, solved by a Cholesky factorisation.
/// Φ is stored row-major: features[i·d + j] = φⱼ(sᵢ) for N samples and d features.
/// </summary>
public static class LeastSquaresValueFit
{
    /// <summary>Fits the weights w.</summary>
    /// <param name="features">Φ, row-major N × d.</param>
    /// <param name="featureCount">d ≥ 1.</param>
    /// <param name="targets">G, one return target per row of Φ.</param>
    /// <param name="ridge">α ≥ 0; with α = 0, ΦᵀΦ must be positive definite (Φ of full column rank).</param>
    /// <returns>A new array w of length d.</returns>
    public static double[] Fit(ReadOnlySpan<double> features, int featureCount, ReadOnlySpan<double> targets, double ridge = 0.0)
    {
        Guard.AtLeast(featureCount, 1);
        var weights = new double[featureCount];
        FitInto(features, featureCount, targets, ridge, weights, new double[featureCount * featureCount]);
        return weights;
    }

    /// <inheritdoc cref="Fit"/>
    /// <summary>Writes w into <paramref name="weights"/>, using <paramref name="workspace"/> (length ≥ d²) for ΦᵀΦ + αI; no allocation.</summary>
    public static void FitInto(ReadOnlySpan<double> features, int featureCount, ReadOnlySpan<double> targets, double ridge,
        Span<double> weights, Span<double> workspace)
    {
        int rows = Guard.RowMajor(features.Length, featureCount, nameof(features), nameof(featureCount));
        Guard.SameLength(rows, targets.Length, nameof(targets), "rows of " + nameof(features));
        Guard.AllFinite(features);
        Guard.AllFinite(targets);
        Guard.NonNegative(ridge);
        int d = featureCount;
        Guard.DestinationLength(d, weights.Length, nameof(weights));
        Guard.DestinationLength(d * d, workspace.Length, nameof(workspace));

        Span<double> a = workspace[..(d * d)];
        Span<double> w = weights[..d];
        a.Clear();
        w.Clear();
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<double> phi = features.Slice(i * d, d);
            for (int j = 0; j < d; j++)
            {
                w[j] += phi[j] * targets[i];
                for (int k = 0; k <= j; k++)
                {
                    a[j * d + k] += phi[j] * phi[k];
                }
            }
        }

        for (int j = 0; j < d; j++)
        {
            a[j * d + j] += ridge;
        }

        FactorInPlace(a, d);
        SolveInPlace(a, d, w);

        // Inputs are finite, so a non-finite weight means ΦᵀΦ or Φᵀy overflowed (features or targets near ±double.MaxValue).
        if (!Guard.IsAllFinite(w))
        {
            throw Guard.Overflow("ΦᵀΦ, Φᵀy or w", nameof(features));
        }
    }

    /// <summary>Overwrites the lower triangle of the symmetric matrix A with L such that A = LLᵀ.</summary>
    private static void FactorInPlace(Span<double> a, int d)
    {
        double scale = 0.0;
        for (int j = 0; j < d; j++)
        {
            scale = Math.Max(scale, Math.Abs(a[j * d + j]));
        }

        for (int j = 0; j < d; j++)
        {
            double diagonal = a[j * d + j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= a[j * d + k] * a[j * d + k];
            }

            if (!(diagonal > 1e-12 * scale))
            {
                throw new ArgumentException(
                    $"ΦᵀΦ + αI is not positive definite (pivot {j} is {diagonal}); the features are linearly dependent, use ridge > 0.",
                    "features");
            }

            double l = Math.Sqrt(diagonal);
            a[j * d + j] = l;
            for (int i = j + 1; i < d; i++)
            {
                double s = a[i * d + j];
                for (int k = 0; k < j; k++)
                {
                    s -= a[i * d + k] * a[j * d + k];
                }

                a[i * d + j] = s / l;
            }
        }
    }

    /// <summary>Solves LLᵀx = b in place (b becomes x) by forward then backward substitution.</summary>
    private static void SolveInPlace(ReadOnlySpan<double> l, int d, Span<double> b)
    {
        for (int i = 0; i < d; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++)
            {
                s -= l[i * d + k] * b[k];
            }

            b[i] = s / l[i * d + i];
        }

        for (int i = d - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int k = i + 1; k < d; k++)
            {
                s -= l[k * d + i] * b[k];
            }

            b[i] = s / l[i * d + i];
        }
    }
}
