namespace RlNotebooks.Validation;

/// <summary>Argument checks for box bounds [low, high] (action bounds of continuous-control targets).</summary>
public static partial class Guard
{
    /// <summary>Throws unless <paramref name="low"/>[i] ≤ <paramref name="high"/>[i] for every i (box bounds); names the first bad index.</summary>
    public static void Ordered(ReadOnlySpan<double> low, ReadOnlySpan<double> high, string lowName, string highName)
    {
        SameLength(low.Length, high.Length, highName, lowName);
        for (int i = 0; i < low.Length; i++)
        {
            if (!(low[i] <= high[i]))
            {
                throw new ArgumentException(
                    $"{lowName}[{i}] = {low[i]} must be ≤ {highName}[{i}] = {high[i]}.", lowName);
            }
        }
    }
}
