using RlNotebooks.Validation;

namespace RlNotebooks.NaturalGradient;

/// <summary>Outcome of <see cref="ConjugateGradient.Solve(MatVec, ReadOnlySpan{double}, double, double, int?)"/>.</summary>
/// <param name="Solution">The approximate solution x of (F + damping·I) x = g.</param>
/// <param name="Iterations">Number of CG iterations performed (matrix–vector products).</param>
/// <param name="ResidualNorms">‖rₖ‖₂ = ‖g − (F + damping·I) xₖ‖₂ for k = 0..Iterations (length Iterations + 1; ‖r₀‖ = ‖g‖).</param>
/// <param name="Converged">True when the final residual met the tolerance ‖rₖ‖ ≤ tolerance·‖g‖.</param>
public sealed record ConjugateGradientResult(double[] Solution, int Iterations, double[] ResidualNorms, bool Converged);

/// <summary>
/// Conjugate gradient for the natural-gradient system (F + damping·I) x = g, where F is symmetric positive
/// (semi-)definite and only available through a matrix–vector product. Starts from x₀ = 0, so r₀ = p₀ = g
/// (Nocedal &amp; Wright, Numerical Optimization, 2nd ed., Algorithm 5.2):
/// <code>
/// αₖ = rₖᵀrₖ / pₖᵀA pₖ,   xₖ₊₁ = xₖ + αₖ pₖ,   rₖ₊₁ = rₖ − αₖ A pₖ,
/// βₖ₊₁ = rₖ₊₁ᵀrₖ₊₁ / rₖᵀrₖ,   pₖ₊₁ = rₖ₊₁ + βₖ₊₁ pₖ,          with A = F + damping·I.
/// </code>
/// Stops as soon as ‖rₖ‖₂ ≤ tolerance·‖g‖₂ (relative residual; g = 0 returns x = 0 after 0 iterations) or after
/// maxIterations products. In exact arithmetic CG solves a d-dimensional SPD system in at most d iterations;
/// TRPO uses a small cap (≈10) because an approximate x is enough for a trust-region direction.
/// </summary>
public static class ConjugateGradient
{
    /// <summary>Default relative residual tolerance.</summary>
    public const double DefaultTolerance = 1e-10;

    /// <summary>
    /// Solves (F + damping·I) x = g with F given as <paramref name="matVec"/>; see the class remarks.
    /// </summary>
    /// <param name="matVec">Writes F v (without damping; damping is added here).</param>
    /// <param name="g">Right-hand side, e.g. the policy gradient ∇θ L(θ).</param>
    /// <param name="damping">Tikhonov damping λ ≥ 0 added to the diagonal.</param>
    /// <param name="tolerance">Relative residual tolerance (finite, ≥ 0).</param>
    /// <param name="maxIterations">Iteration cap ≥ 1; defaults to d = g.Length.</param>
    public static ConjugateGradientResult Solve(MatVec matVec, ReadOnlySpan<double> g, double damping = 0.0,
        double tolerance = DefaultTolerance, int? maxIterations = null) =>
        Solve(matVec, g, damping, tolerance, maxIterations, nameof(g), nameof(matVec));

    /// <summary><see cref="Solve(MatVec, ReadOnlySpan{double}, double, double, int?)"/> with errors naming the caller's parameters.</summary>
    internal static ConjugateGradientResult Solve(MatVec matVec, ReadOnlySpan<double> g, double damping, double tolerance, int? maxIterations,
        string gName, string matVecName)
    {
        Guard.NotEmpty(g.Length, gName);
        int cap = maxIterations ?? g.Length;
        Guard.AtLeast(cap, 1, nameof(maxIterations));
        var x = new double[g.Length];
        var norms = new double[cap + 1];
        var workspace = new double[3 * g.Length];
        int iterations = SolveCore(matVec, g, x, norms, workspace, damping, tolerance, cap, gName, matVecName);
        double threshold = tolerance * norms[0];
        return new ConjugateGradientResult(x, iterations, norms[..(iterations + 1)], norms[iterations] <= threshold);
    }

    /// <summary>
    /// Array-delegate convenience overload of <see cref="Solve(MatVec, ReadOnlySpan{double}, double, double, int?)"/>:
    /// <paramref name="matVec"/> returns F v as a new array of the same length.
    /// </summary>
    /// <param name="matVec">Returns F v.</param>
    /// <param name="g">Right-hand side.</param>
    /// <param name="damping">Damping λ ≥ 0.</param>
    /// <param name="tolerance">Relative residual tolerance.</param>
    /// <param name="maxIterations">Iteration cap; defaults to d.</param>
    public static ConjugateGradientResult Solve(Func<double[], double[]> matVec, ReadOnlySpan<double> g,
        double damping = 0.0, double tolerance = DefaultTolerance, int? maxIterations = null)
    {
        ArgumentNullException.ThrowIfNull(matVec);
        return Solve((v, result) =>
        {
            double[] product = matVec(v.ToArray());
            Guard.SameLength(result.Length, product.Length, nameof(matVec), "v");
            product.CopyTo(result);
        }, g, damping, tolerance, maxIterations);
    }

    /// <inheritdoc cref="Solve(MatVec, ReadOnlySpan{double}, double, double, int?)"/>
    /// <summary>
    /// Allocation-free CG: writes x into <paramref name="solution"/> and ‖r₀‖, ‖r₁‖, … into <paramref name="residualNorms"/>;
    /// returns the number of iterations k (so residualNorms[0..k] are valid). Converged iff residualNorms[k] ≤ tolerance·residualNorms[0].
    /// <paramref name="residualNorms"/> needs maxIterations + 1 slots and <paramref name="workspace"/> 3d (r, p and A p).
    /// </summary>
    /// <exception cref="ArgumentException">On bad input, or (ParamName "matVec") when pᵀ(F + λI)p ≤ 0 or is not finite: the operator is not positive definite.</exception>
    public static int SolveInto(MatVec matVec, ReadOnlySpan<double> g, Span<double> solution, Span<double> residualNorms,
        Span<double> workspace, double damping, double tolerance, int maxIterations) =>
        SolveCore(matVec, g, solution, residualNorms, workspace, damping, tolerance, maxIterations, nameof(g), nameof(matVec));

    /// <summary>The CG iteration of <see cref="SolveInto"/>; errors name <paramref name="gName"/> and <paramref name="matVecName"/> (the caller's parameters).</summary>
    internal static int SolveCore(MatVec matVec, ReadOnlySpan<double> g, Span<double> solution, Span<double> residualNorms,
        Span<double> workspace, double damping, double tolerance, int maxIterations,
        string gName, string matVecName)
    {
        ArgumentNullException.ThrowIfNull(matVec, matVecName);
        int d = g.Length;
        Guard.NotEmpty(d, gName);
        Guard.AllFinite(g, gName);
        Guard.SameLength(d, solution.Length, nameof(solution), gName);
        Guard.NonNegative(damping);
        Guard.NonNegative(tolerance);
        Guard.AtLeast(maxIterations, 1);
        if (residualNorms.Length < maxIterations + 1)
        {
            throw new ArgumentException(
                $"{nameof(residualNorms)} has length {residualNorms.Length} but needs maxIterations + 1 = {maxIterations + 1}.",
                nameof(residualNorms));
        }

        if (workspace.Length < 3 * d)
        {
            throw new ArgumentException($"{nameof(workspace)} has length {workspace.Length} but needs 3·d = {3 * d}.", nameof(workspace));
        }

        Span<double> r = workspace[..d];
        Span<double> p = workspace.Slice(d, d);
        Span<double> ap = workspace.Slice(2 * d, d);
        solution.Clear();
        g.CopyTo(r);
        g.CopyTo(p);
        double rr = Dot(r, r);

        double threshold = tolerance * Math.Sqrt(rr);
        residualNorms[0] = Math.Sqrt(rr);
        int k = 0;
        while (k < maxIterations && residualNorms[k] > threshold)
        {
            matVec(p, ap);
            double pAp = 0.0;
            for (int i = 0; i < d; i++)
            {
                ap[i] += damping * p[i];
                pAp += p[i] * ap[i];
            }

            if (!(pAp > 0.0 && double.IsFinite(pAp)))
            {
                throw new ArgumentException(
                    $"pᵀ(F + damping·I)p = {pAp} at CG iteration {k}; the operator must be symmetric positive definite (increase damping?).",
                    matVecName);
            }

            double alpha = rr / pAp;
            for (int i = 0; i < d; i++)
            {
                solution[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }

            double rrNext = Dot(r, r);
            double beta = rrNext / rr;
            for (int i = 0; i < d; i++)
            {
                p[i] = r[i] + beta * p[i];
            }

            rr = rrNext;
            k++;
            residualNorms[k] = Math.Sqrt(rr);
        }

        // Inputs are finite, so a non-finite x or ‖r‖ means x = (F + damping·I)⁻¹g is too large to represent.
        if (!Guard.IsAllFinite(solution) || !Guard.IsAllFinite(residualNorms[..(k + 1)]))
        {
            throw Guard.Overflow("x = (F + damping·I)⁻¹g or ‖r‖", gName);
        }

        return k;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
