using RlNotebooks.Deep.Distributions;
using RlNotebooks.Deep.Tests.Support;
using RlNotebooks.Distributions;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Networks;

/// <summary>The tensor distributions, row by row in float64, equal the span library's; autograd's score equals its analytic gradient.</summary>
public sealed class DistributionEquivalenceTests
{
    private const int Rows = 16, Width = 3;

    private static double[] Row(double[] flat, int row) => flat.AsSpan(row * Width, Width).ToArray();

    [Fact]
    public void Categorical_log_prob_entropy_kl_and_score_equal_the_span_library()
    {
        using var scope = NewDisposeScope();
        var random = new Random(21);
        double[] p = T.Uniform(random, Rows * Width, -2, 2), q = T.Uniform(random, Rows * Width, -2, 2);
        long[] actions = Enumerable.Range(0, Rows).Select(_ => (long)random.Next(Width)).ToArray();
        Tensor logits = T.Matrix(p, Rows).requires_grad_(true);

        Tensor logProb = CategoricalDistribution.LogProb(logits, tensor(actions));
        double[] entropy = T.Array(CategoricalDistribution.Entropy(logits));
        double[] kl = T.Array(CategoricalDistribution.KlDivergence(logits, T.Matrix(q, Rows)));
        double[] score = T.Gradient(logProb.sum(), logits);

        for (int i = 0; i < Rows; i++)
        {
            T.Close(Categorical.LogProb(Row(p, i), (int)actions[i]), T.Array(logProb)[i]);
            T.Close(Categorical.Entropy(Row(p, i)), entropy[i]);
            T.Close(Categorical.KlDivergence(Row(p, i), Row(q, i)), kl[i]);
            T.Close(Categorical.LogProbGradient(Row(p, i), (int)actions[i]), Row(score, i));
        }
    }

    [Fact]
    public void Gaussian_log_prob_entropy_kl_and_score_equal_the_span_library()
    {
        using var scope = NewDisposeScope();
        var random = new Random(22);
        double[] x = T.Uniform(random, Rows * Width, -2, 2), mean = T.Uniform(random, Rows * Width), mean2 = T.Uniform(random, Rows * Width);
        double[] logStd = T.Uniform(random, Width, -1, 0.5), logStd2 = T.Uniform(random, Width, -1, 0.5);
        Tensor meanTensor = T.Matrix(mean, Rows).requires_grad_(true), logStdTensor = T.Vector(logStd, requiresGrad: true);

        Tensor logProb = GaussianDistribution.LogProb(T.Matrix(x, Rows), meanTensor, logStdTensor);
        double[] entropy = T.Array(GaussianDistribution.Entropy(meanTensor, logStdTensor));
        double[] kl = T.Array(GaussianDistribution.KlDivergence(meanTensor, logStdTensor, T.Matrix(mean2, Rows), T.Vector(logStd2)));
        var grads = autograd.grad([logProb.sum()], [meanTensor, logStdTensor]);
        double[] meanScore = T.Array(grads[0]), logStdScoreSum = T.Array(grads[1]);

        var expectedLogStdScoreSum = new double[Width];
        for (int i = 0; i < Rows; i++)
        {
            T.Close(DiagonalGaussian.LogProb(Row(x, i), Row(mean, i), logStd), T.Array(logProb)[i]);
            T.Close(DiagonalGaussian.Entropy(logStd), entropy[i]);
            T.Close(DiagonalGaussian.KlDivergence(Row(mean, i), logStd, Row(mean2, i), logStd2), kl[i]);
            var score = DiagonalGaussian.LogProbGradient(Row(x, i), Row(mean, i), logStd);
            T.Close(score.Mean, Row(meanScore, i));
            for (int d = 0; d < Width; d++)
            {
                expectedLogStdScoreSum[d] += score.LogStd[d];
            }
        }

        T.Close(expectedLogStdScoreSum, logStdScoreSum, 1e-11);
    }

    [Fact]
    public void Tanh_gaussian_squash_and_log_prob_equal_the_span_library_including_large_pre_tanh_values()
    {
        using var scope = NewDisposeScope();
        var random = new Random(23);
        double[] u = T.Uniform(random, Rows * Width, -4, 4), mean = T.Uniform(random, Rows * Width), logStd = T.Uniform(random, Width, -1, 0.5);
        u[0] = 30.0;
        u[1] = -25.0;
        double[] low = [-2.0, -1.0, 0.0], high = [2.0, 1.0, 3.0];

        double[] actions = T.Array(TanhGaussianDistribution.Squash(T.Matrix(u, Rows), T.Vector(low), T.Vector(high)));
        double[] logProb = T.Array(TanhGaussianDistribution.LogProb(T.Matrix(u, Rows), T.Matrix(mean, Rows), T.Vector(logStd), T.Vector(low), T.Vector(high)));

        for (int i = 0; i < Rows; i++)
        {
            T.Close(TanhGaussian.Squash(Row(u, i), low, high), Row(actions, i));
            T.Close(TanhGaussian.LogProb(Row(u, i), Row(mean, i), logStd, low, high), logProb[i], 1e-11);
        }
    }

    [Fact]
    public void Seeded_generators_give_the_same_samples()
    {
        using var scope = NewDisposeScope();
        Tensor logits = T.Matrix(T.Uniform(new Random(24), 100 * Width), 100);

        long[] first = CategoricalDistribution.Sample(logits, new Generator(7)).data<long>().ToArray();
        long[] second = CategoricalDistribution.Sample(logits, new Generator(7)).data<long>().ToArray();
        double[] gaussian1 = T.Array(GaussianDistribution.Sample(logits, zeros(Width, float64), new Generator(8)));
        double[] gaussian2 = T.Array(GaussianDistribution.Sample(logits, zeros(Width, float64), new Generator(8)));

        Assert.Equal(first, second);
        Assert.Equal(gaussian1, gaussian2);
        Assert.Contains(0L, first);
        Assert.Contains(2L, first);
    }

    [Fact]
    public void Out_of_range_actions_and_bad_log_std_shapes_are_argument_errors()
    {
        using var scope = NewDisposeScope();
        Tensor logits = zeros(4, Width, float64);

        Assert.Equal("actions", Assert.ThrowsAny<ArgumentException>(() => CategoricalDistribution.LogProb(logits, tensor(new long[] { 0, 1, 2, 3 }))).ParamName);
        Assert.Equal("actions", Assert.ThrowsAny<ArgumentException>(() => CategoricalDistribution.LogProb(logits, tensor(new long[] { 0, 1 }))).ParamName);
        Assert.Equal("logStd", Assert.Throws<ArgumentException>(() => GaussianDistribution.LogProb(logits, logits, zeros(2, float64))).ParamName);
    }
}
