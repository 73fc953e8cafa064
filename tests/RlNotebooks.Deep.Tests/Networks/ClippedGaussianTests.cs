using MathNet.Numerics.Distributions;
using RlNotebooks.Deep.Distributions;
using RlNotebooks.Deep.Tests.Support;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Networks;

/// <summary>The clipped Gaussian's likelihood: the density inside the box, the tail mass at a bound (MathNet's normal CDF as reference).</summary>
public sealed class ClippedGaussianTests
{
    [Fact]
    public void Inside_the_box_it_is_the_gaussian_density_and_at_a_bound_the_tail_mass_beyond_it()
    {
        using var scope = NewDisposeScope();
        // Columns: one sample inside [−2, 2], one clipped below, one clipped above, per row.
        double[] x = [0.3, -2.5, 2.1, -1.9, -7.0, 3.0], mean = [0.1, -1.0, 1.5, -2.5, 0.4, 2.6], logStd = [-0.5, 0.2, 0.0];
        Tensor low = tensor(new[] { -2.0, -2.0, -2.0 }, float64), high = tensor(new[] { 2.0, 2.0, 2.0 }, float64);

        double[] logProb = T.Array(ClippedGaussianDistribution.LogProb(T.Matrix(x, 2), T.Matrix(mean, 2), T.Vector(logStd), low, high));

        for (int row = 0; row < 2; row++)
        {
            double expected = 0.0;
            for (int i = 0; i < 3; i++)
            {
                double a = x[row * 3 + i], mu = mean[row * 3 + i], sigma = Math.Exp(logStd[i]);
                expected += a <= -2.0 ? Math.Log(Normal.CDF(mu, sigma, -2.0))
                    : a >= 2.0 ? Math.Log(1.0 - Normal.CDF(mu, sigma, 2.0))
                    : Normal.PDFLn(mu, sigma, a);
            }

            T.Close(expected, logProb[row], 1e-10);
        }
    }

    [Fact]
    public void Within_the_box_it_equals_the_gaussian_log_prob()
    {
        using var scope = NewDisposeScope();
        var random = new Random(61);
        Tensor x = T.Matrix(T.Uniform(random, 12, -1, 1), 6), mean = T.Matrix(T.Uniform(random, 12), 6), logStd = T.Vector([-0.3, 0.1]);
        Tensor bound = tensor(new[] { 5.0, 5.0 }, float64);

        T.Close(T.Array(GaussianDistribution.LogProb(x, mean, logStd)),
            T.Array(ClippedGaussianDistribution.LogProb(x, mean, logStd, -bound, bound)), 1e-12);
    }

    [Fact]
    public void A_sample_clipped_at_a_bound_the_mean_is_already_far_beyond_hardly_moves_the_mean()
    {
        using var scope = NewDisposeScope();
        Tensor mean = T.Matrix([6.0], 1).requires_grad_(true), logStd = T.Vector([-0.5]);
        Tensor bound = tensor(new[] { 2.0 }, float64);

        double clipped = T.Gradient(ClippedGaussianDistribution.LogProb(T.Matrix([6.3], 1), mean, logStd, -bound, bound).sum(), mean)[0];
        double gaussian = T.Gradient(GaussianDistribution.LogProb(T.Matrix([6.3], 1), mean, logStd).sum(), mean)[0];

        Assert.InRange(Math.Abs(clipped), 0.0, 1e-6);
        T.Close(0.3 / Math.Exp(-1.0), gaussian, 1e-9);   // (a − μ)/σ², the unclipped score, pushes μ further out
    }

    [Fact]
    public void Mismatched_bounds_are_refused()
    {
        using var scope = NewDisposeScope();
        Tensor x = zeros(4, 2, float64), bound = ones(3, float64);

        var error = Assert.Throws<ArgumentException>(() => ClippedGaussianDistribution.LogProb(x, x, zeros(2, float64), -bound, bound));

        Assert.Equal("x", error.ParamName);
    }
}
