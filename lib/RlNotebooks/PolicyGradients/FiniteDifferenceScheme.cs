namespace RlNotebooks.PolicyGradients;

/// <summary>Which finite-difference quotient approximates ∂f/∂θᵢ.</summary>
public enum FiniteDifferenceScheme
{
    /// <summary>(f(θ + h eᵢ) − f(θ)) / h: n + 1 evaluations, error O(h).</summary>
    Forward,

    /// <summary>(f(θ + h eᵢ) − f(θ − h eᵢ)) / 2h: 2n evaluations, error O(h²), exact for quadratics up to rounding.</summary>
    Central,
}
