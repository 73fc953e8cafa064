namespace RlNotebooks.Buffers;

/// <summary>
/// A critic evaluated on a batch: writes V(sⱼ) into values[j] for the k observations stored flat in
/// <paramref name="observations"/> ([k × d], row-major). A trainer wraps its network in one (tensor in, values out).
/// </summary>
/// <param name="observations">k observations of d floats each.</param>
/// <param name="values">Receives the k values.</param>
public delegate void BatchValueFunction(ReadOnlySpan<float> observations, Span<double> values);
