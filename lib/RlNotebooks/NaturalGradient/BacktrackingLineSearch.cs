using RlNotebooks.Validation;

namespace RlNotebooks.NaturalGradient;

/// <summary>Diagnostics of a backtracking line search (without the parameter vector; see <see cref="LineSearchResult"/>).</summary>
/// <param name="Accepted">True when some θ + βᵏ·step passed the test; false means the old θ was returned.</param>
/// <param name="StepFraction">βᵏ of the accepted candidate, or 0 when nothing was accepted.</param>
/// <param name="Surrogate">L of the returned parameters (of the old θ when rejected).</param>
/// <param name="Kl">D̄_KL of the returned parameters (the evaluator's KL at the old θ when rejected, normally 0).</param>
/// <param name="Improvement">L(returned) − L(θold); 0 when rejected.</param>
/// <param name="Backtracks">Number of shrinkages k of the accepted candidate; maxBacktracks when rejected.</param>
public readonly record struct LineSearchOutcome(bool Accepted, double StepFraction, double Surrogate, double Kl, double Improvement, int Backtracks);

/// <summary>Result of <see cref="BacktrackingLineSearch.Search"/>: the returned parameters and the diagnostics.</summary>
/// <param name="Parameters">θ + βᵏ·step when accepted, otherwise a copy of the old θ.</param>
/// <param name="Outcome">Acceptance flag, step fraction, surrogate, KL, improvement and backtracks.</param>
public sealed record LineSearchResult(double[] Parameters, LineSearchOutcome Outcome);


/// <summary>
/// TRPO's backtracking line search (Schulman et al. 2015, Appendix C; Spinning Up TRPO): try
/// θₖ = θold + βᵏ·step for k = 0, 1, …, maxBacktracks and return the first candidate with
/// <code>D̄_KL(θold ‖ θₖ) ≤ δ   and   ΔL = L(θₖ) − L(θold) &gt; 0   and   ΔL ≥ acceptRatio · βᵏ · expectedImprovement</code>
/// where expectedImprovement = gᵀ·step is the first-order prediction of ΔL for the full step (the last condition is the
/// "actual/expected improvement ratio" test of Schulman's reference code; it is skipped when acceptRatio = 0).
/// If no candidate passes, the OLD parameters are returned (Accepted = false): the update is skipped rather than
/// breaking the trust region. A candidate whose evaluation is NaN/∞ is rejected (NaN comparisons are false).
/// </summary>
public static class BacktrackingLineSearch
{
    /// <summary>Runs the line search and returns new parameters plus diagnostics; see the class remarks.</summary>
    /// <param name="theta">θold.</param>
    /// <param name="fullStep">The full step, e.g. α·x from <see cref="TrustRegionScale"/>.</param>
    /// <param name="evaluate">Returns (L, D̄_KL) for candidate parameters; called once on θold, then once per candidate.</param>
    /// <param name="maxKl">δ &gt; 0.</param>
    /// <param name="backtrackRatio">β ∈ (0, 1), e.g. 0.5 (Spinning Up uses 0.8).</param>
    /// <param name="maxBacktracks">Largest k tried (≥ 0); maxBacktracks + 1 candidates at most.</param>
    /// <param name="expectedImprovement">gᵀ·fullStep (finite); only used when acceptRatio &gt; 0.</param>
    /// <param name="acceptRatio">Required fraction ∈ [0, 1] of the expected improvement (0 = only require ΔL &gt; 0; 0.1 in Schulman's code).</param>
    public static LineSearchResult Search(ReadOnlySpan<double> theta, ReadOnlySpan<double> fullStep, PolicyEvaluator evaluate,
        double maxKl, double backtrackRatio = 0.5, int maxBacktracks = 10, double expectedImprovement = 0.0, double acceptRatio = 0.0)
    {
        var parameters = new double[theta.Length];
        LineSearchOutcome outcome = SearchInto(theta, fullStep, evaluate, maxKl, parameters, backtrackRatio, maxBacktracks,
            expectedImprovement, acceptRatio);
        return new LineSearchResult(parameters, outcome);
    }

    /// <inheritdoc cref="Search"/>
    /// <summary>As <see cref="Search"/>, writing the returned parameters into <paramref name="destination"/> (no allocation here;
    /// <paramref name="destination"/> holds each candidate while it is evaluated, so it must not overlap θ or the step).</summary>
    public static LineSearchOutcome SearchInto(ReadOnlySpan<double> theta, ReadOnlySpan<double> fullStep, PolicyEvaluator evaluate,
        double maxKl, Span<double> destination, double backtrackRatio = 0.5, int maxBacktracks = 10,
        double expectedImprovement = 0.0, double acceptRatio = 0.0)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        Guard.NotEmpty(theta.Length, nameof(theta));
        Guard.SameLength(theta.Length, fullStep.Length, nameof(fullStep), nameof(theta));
        Guard.SameLength(theta.Length, destination.Length, nameof(destination), nameof(theta));
        Guard.AllFinite(theta);
        Guard.AllFinite(fullStep);
        Guard.Positive(maxKl);
        if (!(backtrackRatio > 0.0 && backtrackRatio < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(backtrackRatio), backtrackRatio,
                $"{nameof(backtrackRatio)} must lie in (0, 1) but was {backtrackRatio}.");
        }

        Guard.AtLeast(maxBacktracks, 0);
        Guard.Finite(expectedImprovement);
        Guard.UnitInterval(acceptRatio);

        SurrogateAndKl old = evaluate(theta);
        Guard.Finite(old.Surrogate, "evaluate(theta).Surrogate");
        double fraction = 1.0;
        for (int k = 0; k <= maxBacktracks; k++)
        {
            for (int i = 0; i < theta.Length; i++)
            {
                destination[i] = theta[i] + fraction * fullStep[i];
            }

            SurrogateAndKl candidate = evaluate(destination);
            double improvement = candidate.Surrogate - old.Surrogate;
            if (candidate.Kl <= maxKl && improvement > 0.0 && improvement >= acceptRatio * fraction * expectedImprovement)
            {
                return new LineSearchOutcome(true, fraction, candidate.Surrogate, candidate.Kl, improvement, k);
            }

            fraction *= backtrackRatio;
        }

        theta.CopyTo(destination);
        return new LineSearchOutcome(false, 0.0, old.Surrogate, old.Kl, 0.0, maxBacktracks);
    }
}
