namespace RlNotebooks.NaturalGradient;

/// <summary>
/// A symmetric matrix–vector product <c>result ← F v</c> supplied by the caller (e.g. a Fisher-vector product computed
/// from score vectors or by a double backward pass through the KL), so F never has to be formed.
/// Must write every element of <paramref name="result"/>; <paramref name="v"/> and <paramref name="result"/> do not overlap.
/// </summary>
/// <param name="v">The vector v (length d).</param>
/// <param name="result">Destination for F v (length d).</param>
public delegate void MatVec(ReadOnlySpan<double> v, Span<double> result);
