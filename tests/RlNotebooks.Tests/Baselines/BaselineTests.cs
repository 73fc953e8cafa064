using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.Baselines;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Baselines;

public class BaselineTests
{
    [Fact]
    public void Constant_baseline_is_the_mean_return()
    {
        // (1 + 2 + 3 + 6) / 4 = 3.
        Assert.Equal(3.0, ConstantBaseline.Mean([1, 2, 3, 6]));
    }

    [Fact]
    public void Constant_baseline_reports_an_overflowing_sum()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => ConstantBaseline.Mean([double.MaxValue, double.MaxValue]));
        Assert.Equal("returns", e.ParamName);
        Assert.Contains("overflowed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_dependent_baseline_averages_only_running_episodes()
    {
        // b(0) = (3 + 5 + 7)/3 = 5, b(1) = (2 + 4)/2 = 3, b(2) = 1/1 = 1.
        double[] b = TimeDependentBaseline.Compute([[3, 2, 1], [5, 4], [7]]);
        Assert.Equal([5.0, 3.0, 1.0], b);
    }

    [Fact]
    public void Time_dependent_baseline_of_equal_length_episodes_is_the_column_mean()
    {
        var gen = from length in Gen.Choose(1, 8)
                  from count in Gen.Choose(1, 6)
                  from episodes in Gen.ArrayOf(Gen.ArrayOf(Properties.Finite(), length), count)
                  select episodes;
        Properties.Check(gen, episodes =>
        {
            double[] b = TimeDependentBaseline.Compute(episodes);
            for (int t = 0; t < b.Length; t++)
            {
                Assert.Equal(episodes.Average(e => e[t]), b[t], 1e-12);
            }
        });
    }

    [Fact]
    public void Least_squares_recovers_an_exact_linear_fit()
    {
        // Φ = [[1, 0], [1, 1], [1, 2]], G = 1 + 2x = (1, 3, 5) → w = (1, 2).
        double[] w = LeastSquaresValueFit.Fit([1, 0, 1, 1, 1, 2], 2, [1, 3, 5]);
        Assert.Equal(1.0, w[0], 1e-12);
        Assert.Equal(2.0, w[1], 1e-12);
    }

    [Fact]
    public void Ridge_hand_example()
    {
        // Φ = [[1], [2]], G = (2, 4), α = 1: w = ΦᵀG / (ΦᵀΦ + α) = (2 + 8) / (5 + 1) = 5/3.
        Assert.Equal(5.0 / 3.0, LeastSquaresValueFit.Fit([1, 2], 1, [2, 4], 1.0)[0], 1e-14);
    }

    [Fact]
    public void Least_squares_satisfies_the_normal_equations()
    {
        // At the minimiser of ‖Φw − G‖² + α‖w‖²: Φᵀ(Φw − G) + αw = 0.
        var gen = from d in Gen.Choose(1, 4)
                  from n in Gen.Choose(d + 1, 12)
                  from phi in Gen.ArrayOf(Properties.Finite(3.0), n * d)
                  from g in Gen.ArrayOf(Properties.Finite(), n)
                  from ridge in Properties.Between(0.01, 2.0)
                  select (d, n, phi, g, ridge);
        Properties.Check(gen, c =>
        {
            double[] w = LeastSquaresValueFit.Fit(c.phi, c.d, c.g, c.ridge);
            for (int j = 0; j < c.d; j++)
            {
                double gradient = c.ridge * w[j];
                for (int i = 0; i < c.n; i++)
                {
                    double residual = -c.g[i];
                    for (int k = 0; k < c.d; k++)
                    {
                        residual += c.phi[i * c.d + k] * w[k];
                    }

                    gradient += c.phi[i * c.d + j] * residual;
                }

                Assert.Equal(0.0, gradient, 1e-7);
            }
        });
    }

    [Fact]
    public void Variance_optimal_baseline_hand_example_and_zero_score_guard()
    {
        // g = (1, 2), R = (3, 6): b = (1²·3 + 2²·6) / (1² + 2²) = 27/5.
        Assert.Equal(27.0 / 5.0, VarianceOptimalBaseline.Compute([1, 2], 1, [3, 6])[0], 1e-14);
        // Parameter 0 has zero score in every episode → falls back to the mean return (2 + 4)/2 = 3;
        // parameter 1: (1·2 + 1·4) / 2 = 3.
        Assert.Equal([3.0, 3.0], VarianceOptimalBaseline.Compute([0, 1, 0, 1], 2, [2, 4]));
    }

    [Fact]
    public void Variance_optimal_baseline_minimises_the_second_moment_of_each_component()
    {
        // b_k minimises Σᵢ g_ik² (Rᵢ − b)², so moving it either way cannot decrease that sum.
        var gen = from p in Gen.Choose(1, 3)
                  from n in Gen.Choose(1, 10)
                  from g in Gen.ArrayOf(Properties.Finite(2.0), n * p)
                  from r in Gen.ArrayOf(Properties.Finite(), n)
                  from shift in Properties.Between(0.01, 1.0)
                  select (p, n, g, r, shift);
        Properties.Check(gen, c =>
        {
            double[] b = VarianceOptimalBaseline.Compute(c.g, c.p, c.r);
            for (int k = 0; k < c.p; k++)
            {
                double Moment(double baseline) => Enumerable.Range(0, c.n)
                    .Sum(i => c.g[i * c.p + k] * c.g[i * c.p + k] * (c.r[i] - baseline) * (c.r[i] - baseline));
                double best = Moment(b[k]);
                Assert.True(best <= Moment(b[k] + c.shift) + 1e-9 && best <= Moment(b[k] - c.shift) + 1e-9);
            }
        });
    }

    [Fact]
    public void Variance_optimal_baseline_reduces_estimator_variance_on_a_sampled_bandit()
    {
        // Two-armed softmax bandit, θ = (0.3, −0.2), rewards 10 + N(arm mean, 1) with arm means (1, 2).
        // Per-episode score g = e_a − π. Var[g_k (R − b_k)] must be well below Var[g_k R].
        var random = new Random(7);
        double[] theta = [0.3, -0.2];
        double z = Math.Exp(theta[0]) + Math.Exp(theta[1]);
        double[] pi = [Math.Exp(theta[0]) / z, Math.Exp(theta[1]) / z];
        const int episodes = 4000;
        var scores = new double[episodes * 2];
        var returns = new double[episodes];
        for (int i = 0; i < episodes; i++)
        {
            int a = random.NextDouble() < pi[0] ? 0 : 1;
            double noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            returns[i] = 10 + (a == 0 ? 1.0 : 2.0) + noise;
            scores[i * 2] = (a == 0 ? 1 : 0) - pi[0];
            scores[i * 2 + 1] = (a == 1 ? 1 : 0) - pi[1];
        }

        double[] b = VarianceOptimalBaseline.Compute(scores, 2, returns);
        for (int k = 0; k < 2; k++)
        {
            double Variance(double baseline)
            {
                double[] x = Enumerable.Range(0, episodes).Select(i => scores[i * 2 + k] * (returns[i] - baseline)).ToArray();
                double mean = x.Average();
                return x.Select(v => (v - mean) * (v - mean)).Average();
            }

            Assert.True(Variance(b[k]) < 0.1 * Variance(0.0), $"k={k}: {Variance(b[k])} vs {Variance(0.0)}");
            Assert.True(Variance(b[k]) <= Variance(ConstantBaseline.Mean(returns)) + 1e-9);
        }
    }
}
