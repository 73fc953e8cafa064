using RlNotebooks.Validation;

namespace RlNotebooks.Baselines;

/// <summary>The constant baseline b = (1/N) Σᵢ R(τᵢ), the mean return over a batch of episodes.</summary>
public static class ConstantBaseline
{
    /// <summary>b = mean of <paramref name="returns"/>.</summary>
    /// <param name="returns">One return per episode (or per step); not empty, finite.</param>
    /// <returns>The mean return, accumulated as Σ Rᵢ/N so that finite returns near ±double.MaxValue cannot overflow.</returns>
    public static double Mean(ReadOnlySpan<double> returns)
    {
        Guard.NotEmpty(returns.Length, nameof(returns));
        Guard.AllFinite(returns);
        return Guard.Mean(returns);
    }
}
