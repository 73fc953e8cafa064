namespace RlNotebooks.NaturalGradient;

/// <summary>
/// The surrogate objective and the mean KL divergence of a candidate policy, both estimated on the fixed batch
/// collected with π_θold: L(θ) = Ê[π_θ(a|s)/π_θold(a|s) · Â] and D̄_KL(θ) = Ê[D_KL(π_θold(·|s) ‖ π_θ(·|s))].
/// </summary>
/// <param name="Surrogate">L(θ); larger is better.</param>
/// <param name="Kl">D̄_KL(π_θold ‖ π_θ) ≥ 0.</param>
public readonly record struct SurrogateAndKl(double Surrogate, double Kl);

/// <summary>
/// Caller-supplied evaluation of candidate parameters θ (the stochastic/neural part of TRPO stays outside this library).
/// Must not keep a reference to <paramref name="parameters"/>.
/// </summary>
/// <param name="parameters">Candidate parameter vector θ.</param>
public delegate SurrogateAndKl PolicyEvaluator(ReadOnlySpan<double> parameters);
