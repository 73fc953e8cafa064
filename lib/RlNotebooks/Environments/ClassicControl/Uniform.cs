namespace RlNotebooks.Environments.ClassicControl;

/// <summary>The uniform draws of Gymnasium's initial-state distributions.</summary>
public static class Uniform
{
    /// <summary>low + (high − low)·u with u ~ U[0, 1) from <paramref name="random"/> (numpy's <c>uniform(low, high)</c> formula).</summary>
    public static double Sample(Random random, double low, double high) => low + (high - low) * random.NextDouble();
}
