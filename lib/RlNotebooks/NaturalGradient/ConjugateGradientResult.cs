namespace RlNotebooks.NaturalGradient;

/// <summary>Outcome of <see cref="ConjugateGradient.Solve(MatVec, ReadOnlySpan{double}, double, double, int?)"/>.</summary>
/// <param name="Solution">The approximate solution x of (F + damping·I) x = g.</param>
/// <param name="Iterations">Number of CG iterations performed (matrix–vector products).</param>
/// <param name="ResidualNorms">‖rₖ‖₂ = ‖g − (F + damping·I) xₖ‖₂ for k = 0..Iterations (length Iterations + 1; ‖r₀‖ = ‖g‖).</param>
/// <param name="Converged">True when the final residual met the tolerance ‖rₖ‖ ≤ tolerance·‖g‖.</param>
public sealed record ConjugateGradientResult(double[] Solution, int Iterations, double[] ResidualNorms, bool Converged);
