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
