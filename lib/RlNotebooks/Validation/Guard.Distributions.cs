namespace RlNotebooks.Validation;

public static partial class Guard
{
    /// <summary>Throws unless low[i] &lt; high[i] for every dimension (a bounded Box action space); names the first bad index.</summary>
    public static void ActionBounds(ReadOnlySpan<double> low, ReadOnlySpan<double> high, string lowName = "low", string highName = "high")
    {
        SameLength(low.Length, high.Length, highName, lowName);
        for (int i = 0; i < low.Length; i++)
        {
            if (!(double.IsFinite(low[i]) && double.IsFinite(high[i]) && low[i] < high[i]))
            {
                throw new ArgumentException(
                    $"{highName}[{i}] = {high[i]} must be finite and greater than {lowName}[{i}] = {low[i]}.", highName);
            }
        }
    }
}
