using RlNotebooks.Deep.Losses;
using RlNotebooks.Deep.Tests.Support;
using RlNotebooks.Surrogates;
using static TorchSharp.torch;
using SpanKl = RlNotebooks.Surrogates.KlEstimators;
using TensorKl = RlNotebooks.Deep.Losses.KlEstimators;

namespace RlNotebooks.Deep.Tests.Losses;

/// <summary>Each PPO tensor loss, in float64 on random inputs, equals the span library's function (the specification), and
/// autograd's gradient equals the span library's analytic gradient.</summary>
public sealed class PpoLossEquivalenceTests
{
    private static (double[] New, double[] Old, double[] Advantages) Batch(int seed, int n = 257)
    {
        var random = new Random(seed);
        return (T.Uniform(random, n, -2, 0), T.Uniform(random, n, -2, 0), T.Uniform(random, n, -3, 3));
    }

    [Theory]
    [InlineData(1, 0.2)]
    [InlineData(2, 0.1)]
    [InlineData(3, 0.0)]
    public void Clipped_surrogate_value_and_gradient_equal_the_span_library(int seed, double epsilon)
    {
        using var scope = NewDisposeScope();
        var (newLogProbs, oldLogProbs, advantages) = Batch(seed);
        var expected = ClippedSurrogate.ValueAndGradient(newLogProbs, oldLogProbs, advantages, epsilon);
        Tensor newTensor = T.Vector(newLogProbs, requiresGrad: true);

        Tensor loss = PpoLosses.ClippedSurrogate(newTensor, T.Vector(oldLogProbs), T.Vector(advantages), epsilon);

        T.Close(expected.Value, T.Number(loss));
        T.Close(expected.Gradient, T.Gradient(loss, newTensor));
    }

    [Fact]
    public void Kl_penalised_surrogate_equals_the_span_library_with_k3_as_the_kl()
    {
        using var scope = NewDisposeScope();
        var (newLogProbs, oldLogProbs, advantages) = Batch(4);
        double k3 = SpanKl.K3(newLogProbs, oldLogProbs);
        Tensor newTensor = T.Vector(newLogProbs), oldTensor = T.Vector(oldLogProbs);

        Tensor loss = PpoLosses.KlPenalizedSurrogate(newTensor, oldTensor, T.Vector(advantages), 0.7, TensorKl.K3(newTensor, oldTensor));

        T.Close(KlPenalizedSurrogate.Value(newLogProbs, oldLogProbs, advantages, 0.7, k3), T.Number(loss));
    }

    [Fact]
    public void Kl_estimators_equal_the_span_library()
    {
        using var scope = NewDisposeScope();
        var (newLogProbs, oldLogProbs, _) = Batch(5);

        T.Close(SpanKl.K1(newLogProbs, oldLogProbs), T.Number(TensorKl.K1(T.Vector(newLogProbs), T.Vector(oldLogProbs))));
        T.Close(SpanKl.K3(newLogProbs, oldLogProbs), T.Number(TensorKl.K3(T.Vector(newLogProbs), T.Vector(oldLogProbs))));
    }

    [Fact]
    public void Entropy_bonus_equals_the_span_library()
    {
        using var scope = NewDisposeScope();
        double[] entropies = T.Uniform(new Random(6), 100, 0, 2);

        T.Close(EntropyBonus.Mean(entropies), T.Number(PpoLosses.EntropyBonus(T.Vector(entropies))));
    }

    [Fact]
    public void Unclipped_value_loss_and_gradient_equal_the_span_library()
    {
        using var scope = NewDisposeScope();
        var random = new Random(7);
        double[] values = T.Uniform(random, 200, -5, 5), targets = T.Uniform(random, 200, -5, 5);
        var expected = ValueLoss.UnclippedWithGradient(values, targets);
        Tensor valuesTensor = T.Vector(values, requiresGrad: true);

        Tensor loss = ValueLosses.Unclipped(valuesTensor, T.Vector(targets));

        T.Close(expected.Value, T.Number(loss));
        T.Close(expected.Gradient, T.Gradient(loss, valuesTensor));
    }

    [Theory]
    [InlineData(8, 0.2)]
    [InlineData(9, 1.0)]
    public void Clipped_value_loss_and_gradient_equal_the_span_library(int seed, double clipRange)
    {
        using var scope = NewDisposeScope();
        var random = new Random(seed);
        double[] values = T.Uniform(random, 300, -2, 2), oldValues = T.Uniform(random, 300, -2, 2), targets = T.Uniform(random, 300, -2, 2);
        var expected = ValueLoss.ClippedWithGradient(values, oldValues, targets, clipRange);
        Tensor valuesTensor = T.Vector(values, requiresGrad: true);

        Tensor loss = ValueLosses.Clipped(valuesTensor, T.Vector(oldValues), T.Vector(targets), clipRange);

        T.Close(expected.Value, T.Number(loss));
        T.Close(expected.Gradient, T.Gradient(loss, valuesTensor));
    }

    [Fact]
    public void A_value_loss_on_N_by_1_predictions_is_refused_instead_of_broadcasting_to_N_by_N()
    {
        using var scope = NewDisposeScope();
        Tensor values = zeros(8, 1, float64), targets = zeros(8, float64);

        var error = Assert.Throws<ArgumentException>(() => ValueLosses.Unclipped(values, targets));

        Assert.Equal("values", error.ParamName);
        Assert.Contains("[8, 1]", error.Message);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => ValueLosses.Unclipped(targets, values)).ParamName);
    }

    [Fact]
    public void Mismatched_batches_and_bad_epsilon_name_the_parameter()
    {
        using var scope = NewDisposeScope();
        Tensor a = zeros(4, float64), b = zeros(5, float64);

        Assert.Equal("advantages", Assert.Throws<ArgumentException>(() => PpoLosses.ClippedSurrogate(a, a, b, 0.2)).ParamName);
        Assert.Equal("epsilon", Assert.ThrowsAny<ArgumentException>(() => PpoLosses.ClippedSurrogate(a, a, a, 1.5)).ParamName);
        Assert.Equal("newLogProbs", Assert.Throws<ArgumentException>(() => TensorKl.K3(zeros(0, float64), zeros(0, float64))).ParamName);
    }
}
