using RlNotebooks.Validation;

namespace RlNotebooks.Baselines;

/// <summary>The constant baseline b = (1/N) Σᵢ R(τᵢ), the mean return over a batch of episodes.</summary>
public static class ConstantBaseline
{
    /// <summary>b = mean of <paramref name="returns"/>.</summary>
    /// <param name="returns">One return per episode (or per step); not empty, finite.</param>
    /// <returns>The mean return (1/N) Σᵢ Rᵢ.</returns>
    public static double Mean(ReadOnlySpan<double> returns)
    {
        Guard.NotEmpty(returns.Length, nameof(returns));
        Guard.AllFinite(returns);
        double sum = 0.0;
        foreach (double r in returns)
        {
            sum += r;
        }

        return double.IsFinite(sum) ? sum / returns.Length : throw Guard.Overflow("Σᵢ Rᵢ", nameof(returns));
    }
}
