using System.Globalization;

namespace RlNotebooks.Charts;

/// <summary>
/// One named number on a progress line, optionally with its spread: "return 212.4 ± 31.0", "loss 0.0123".
/// Values with |v| ≥ 1 (or 0) print with one decimal, smaller ones with three significant digits; the spread uses the same rule.
/// </summary>
/// <param name="Name">Short name, e.g. "return".</param>
/// <param name="Value">The value, e.g. the mean return of recent episodes.</param>
/// <param name="Spread">Optional ± part, e.g. the standard deviation of those returns.</param>
public readonly record struct ProgressMetric(string Name, double Value, double? Spread = null)
{
    /// <summary>"name value" or "name value ± spread", invariant culture.</summary>
    public override string ToString() =>
        Spread is double s ? $"{Name} {Number(Value)} ± {Number(s)}" : $"{Name} {Number(Value)}";

    internal static string Number(double v) =>
        v == 0 || Math.Abs(v) >= 1 || !double.IsFinite(v)
            ? v.ToString("0.0", CultureInfo.InvariantCulture)
            : v.ToString("G3", CultureInfo.InvariantCulture);
}
