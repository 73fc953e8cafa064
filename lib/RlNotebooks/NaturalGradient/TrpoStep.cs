using RlNotebooks.Validation;

namespace RlNotebooks.NaturalGradient;

/// <summary>Diagnostics and result of one <see cref="TrpoStep.Update"/>.</summary>
/// <param name="Parameters">θ after the step (θold when the line search rejected every candidate).</param>
/// <param name="SearchDirection">x ≈ (F + λI)⁻¹ g from conjugate gradient.</param>
/// <param name="FullStep">α·x with α = √(2δ / xᵀ(F + λI)x).</param>
/// <param name="StepScale">α.</param>
/// <param name="ExpectedImprovement">gᵀ(α x), the first-order predicted surrogate gain of the full step.</param>
/// <param name="ConjugateGradient">The CG solve (iterations, residual history).</param>
/// <param name="LineSearch">The line-search outcome (accepted, step fraction, surrogate, KL, backtracks).</param>
public sealed record TrpoStepResult(
    double[] Parameters,
    double[] SearchDirection,
    double[] FullStep,
    double StepScale,
    double ExpectedImprovement,
    ConjugateGradientResult ConjugateGradient,
    LineSearchOutcome LineSearch);

/// <summary>
/// One TRPO update (Schulman et al. 2015; Spinning Up TRPO pseudocode), composed of pure pieces:
/// <code>
/// x ≈ (F + λI)⁻¹ g                    conjugate gradient, ≤ cgIterations products F v
/// α = √(2δ / xᵀ(F + λI)x)             step to the quadratic KL boundary
/// θ = θold + βᵏ α x                   backtracking until D̄_KL ≤ δ and L improves (else θ = θold)
/// </code>
/// g = ∇θ L(θold) is the policy gradient, F the Fisher information at θold (given as a product), λ the damping.
/// The same damped operator is used for CG and for α, as in Spinning Up, so α is exactly the boundary of the damped model.
/// Spinning Up writes α = √(2δ / (xᵀHx + ε)) with a tiny ε against division by zero; here xᵀ(F + λI)x ≤ 0 is a named error
/// instead (x = 0, or F not positive definite along x).
/// </summary>
public static class TrpoStep
{
    /// <summary>Performs one TRPO update; see the class remarks.</summary>
    /// <param name="theta">θold.</param>
    /// <param name="policyGradient">g = ∇θ L(θold).</param>
    /// <param name="fisherVectorProduct">Writes F v (undamped).</param>
    /// <param name="evaluate">Returns (L(θ), D̄_KL(θold ‖ θ)) for candidate θ.</param>
    /// <param name="maxKl">δ &gt; 0, e.g. 0.01.</param>
    /// <param name="damping">λ ≥ 0, e.g. 0.1.</param>
    /// <param name="cgIterations">CG iteration cap ≥ 1, e.g. 10.</param>
    /// <param name="backtrackRatio">β ∈ (0, 1).</param>
    /// <param name="maxBacktracks">Largest k tried (≥ 0).</param>
    /// <param name="acceptRatio">Required fraction ∈ [0, 1] of the expected improvement (see <see cref="BacktrackingLineSearch"/>).</param>
    /// <param name="cgTolerance">Relative CG residual tolerance.</param>
    /// <exception cref="ArgumentException">ParamName "policyGradient" when g = 0 (no ascent direction), or the inner functions' errors.</exception>
    public static TrpoStepResult Update(ReadOnlySpan<double> theta, ReadOnlySpan<double> policyGradient, MatVec fisherVectorProduct,
        PolicyEvaluator evaluate, double maxKl, double damping = 0.1, int cgIterations = 10, double backtrackRatio = 0.5,
        int maxBacktracks = 10, double acceptRatio = 0.0, double cgTolerance = ConjugateGradient.DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(fisherVectorProduct);
        ArgumentNullException.ThrowIfNull(evaluate);
        Guard.NotEmpty(theta.Length, nameof(theta));
        Guard.SameLength(theta.Length, policyGradient.Length, nameof(policyGradient), nameof(theta));
        Guard.AllFinite(policyGradient);
        Guard.Positive(maxKl);
        Guard.NonNegative(damping);
        Guard.AtLeast(cgIterations, 1);
        if (!policyGradient.ContainsAnyExcept(0.0))
        {
            throw new ArgumentException("policyGradient is zero: there is no ascent direction for a TRPO step.", nameof(policyGradient));
        }

        ConjugateGradientResult cg = ConjugateGradient.Solve(fisherVectorProduct, policyGradient, damping, cgTolerance, cgIterations,
            nameof(policyGradient), nameof(fisherVectorProduct));
        double[] x = cg.Solution;

        var fx = new double[x.Length]; // (F + λI)x
        fisherVectorProduct(x, fx);
        for (int i = 0; i < x.Length; i++)
        {
            fx[i] += damping * x[i];
        }

        double alpha = TrustRegionScale.Scale(x, fx, maxKl, nameof(fisherVectorProduct));
        var fullStep = new double[x.Length];
        double expected = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            fullStep[i] = alpha * x[i];
            expected += policyGradient[i] * fullStep[i];
        }

        if (!double.IsFinite(expected) || !Guard.IsAllFinite(fullStep))
        {
            throw Guard.Overflow("the full step αx or its expected improvement gᵀ(αx)", nameof(policyGradient));
        }

        LineSearchResult search = BacktrackingLineSearch.Search(theta, fullStep, evaluate, maxKl, backtrackRatio, maxBacktracks,
            expected, acceptRatio);
        return new TrpoStepResult(search.Parameters, x, fullStep, alpha, expected, cg, search.Outcome);
    }
}
