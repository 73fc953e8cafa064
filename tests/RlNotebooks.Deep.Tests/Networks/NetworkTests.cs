using RlNotebooks.Deep.Networks;
using RlNotebooks.Deep.Operations;
using RlNotebooks.Deep.Tests.Support;
using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Networks;

/// <summary>Shapes, initialisation, determinism and bad-input behaviour of the networks.</summary>
public sealed class NetworkTests
{
    [Fact]
    public void Mlp_weights_are_orthogonal_times_their_layer_gain_and_biases_zero()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var mlp = new Mlp([4, 64, 64, 2], Activation.Tanh, hiddenGain: Math.Sqrt(2), outputGain: 0.01);
        var parameters = mlp.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        double[] gains = [Math.Sqrt(2), Math.Sqrt(2), 0.01];

        for (int layer = 0; layer < 3; layer++)
        {
            Tensor w = parameters[$"layers.{layer}.weight"].detach().to(float64);
            // W is [out, in]: rows orthonormal when out ≤ in, columns when out > in, each scaled by the gain.
            Tensor gram = w.shape[0] <= w.shape[1] ? w.matmul(w.t()) : w.t().matmul(w);
            Tensor expected = eye(gram.shape[0], dtype: float64) * (gains[layer] * gains[layer]);
            T.Close(T.Array(expected), T.Array(gram), 1e-5);
            Assert.Equal(0.0, T.Array(parameters[$"layers.{layer}.bias"]).Select(Math.Abs).Max());
        }
    }

    [Fact]
    public void The_same_seed_builds_the_same_network_and_outputs()
    {
        using var scope = NewDisposeScope();
        Tensor observations = randn(5, 4, generator: new Generator(3));
        manual_seed(42);
        using var first = new CategoricalPolicy(4, 2, [64, 64]);
        manual_seed(42);
        using var second = new CategoricalPolicy(4, 2, [64, 64]);

        Assert.Equal(T.Array(FlatParameters.Get(first)), T.Array(FlatParameters.Get(second)));
        Assert.Equal(T.Array(first.forward(observations)), T.Array(second.forward(observations)));
    }

    [Fact]
    public void Every_network_returns_its_documented_shapes()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        Tensor observations = randn(7, 3), actions = rand(7, 2);

        using var categorical = new CategoricalPolicy(3, 4, [16]);
        using var gaussian = new DiagonalGaussianPolicy(3, 2, [16]);
        using var squashed = new TanhGaussianPolicy(3, [-2.0, -1.0], [2.0, 1.0], [16]);
        using var value = new ValueCritic(3, [16]);
        using var q = new QCritic(3, 2, [16]);
        using var twin = new TwinQCritic(3, 2, [16]);
        using var dqn = new DiscreteQNetwork(3, 4, [16]);
        var sample = squashed.Sample(observations, new Generator(1));
        var (q1, q2) = twin.forward(observations, actions);

        Assert.Equal([7L, 4L], categorical.forward(observations).shape);
        Assert.Equal([7L], categorical.Sample(observations, new Generator(1)).shape);
        Assert.Equal([7L], gaussian.LogProb(observations, actions).shape);
        Assert.Equal([7L], gaussian.Entropy(observations).shape);
        Assert.Equal([7L, 2L], gaussian.Sample(observations, new Generator(1)).shape);
        Assert.Equal([7L, 2L], sample.Action.shape);
        Assert.Equal([7L], sample.LogProb.shape);
        Assert.Equal([7L], value.forward(observations).shape);
        Assert.Equal([7L], q.forward(observations, actions).shape);
        Assert.NotEqual(T.Array(q1), T.Array(q2));
        Assert.Equal([7L, 4L], dqn.forward(observations).shape);
        Assert.Equal([7L], dqn.ActionValues(observations, tensor(new long[] { 0, 1, 2, 3, 0, 1, 2 })).shape);
    }

    [Fact]
    public void Squashed_actions_stay_inside_the_box_and_log_sigma_is_clamped()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var policy = new TanhGaussianPolicy(3, [-2.0, 0.0], [2.0, 1.0], [16]);
        Tensor observations = randn(500, 3) * 100.0;

        var (_, logStd) = policy.forward(observations);
        double[] actions = T.Array(policy.Sample(observations, new Generator(4)).Action);

        Assert.InRange(T.Array(logStd).Min(), TanhGaussianPolicy.LogStdMin, TanhGaussianPolicy.LogStdMax);
        Assert.InRange(T.Array(logStd).Max(), TanhGaussianPolicy.LogStdMin, TanhGaussianPolicy.LogStdMax);
        Assert.All(actions.Where((_, i) => i % 2 == 0), a => Assert.InRange(a, -2.0, 2.0));
        Assert.All(actions.Where((_, i) => i % 2 == 1), a => Assert.InRange(a, 0.0, 1.0));
    }

    [Fact]
    public void Squashed_sample_equals_the_distribution_functions_of_its_pre_tanh_action()
    {
        // Sample computes log π from ξ and the box constants it keeps; the reference is TanhGaussianDistribution of u = μ + σξ.
        using var scope = NewDisposeScope();
        manual_seed(6);
        using var policy = new TanhGaussianPolicy(3, [-2.0, 0.0], [2.0, 1.0], [16]);
        Tensor observations = randn(64, 3) * 2.0;
        var sample = policy.Sample(observations, new Generator(7));

        var (mean, logStd) = policy.forward(observations);
        Tensor u = mean + logStd.exp() * randn(mean.shape, generator: new Generator(7));
        Tensor low = tensor(new[] { -2.0f, 0.0f }), high = tensor(new[] { 2.0f, 1.0f });

        T.Close(T.Array(Distributions.TanhGaussianDistribution.Squash(u, low, high)), T.Array(sample.Action), 1e-6);
        T.Close(T.Array(Distributions.TanhGaussianDistribution.LogProb(u, mean, logStd, low, high)), T.Array(sample.LogProb), 1e-4);
        T.Close(T.Array(Distributions.TanhGaussianDistribution.Squash(mean, low, high)), T.Array(policy.Deterministic(observations)), 1e-6);
    }

    [Fact]
    public void Wrong_input_shapes_and_dtypes_are_argument_errors_not_native_aborts()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var mlp = new Mlp([4, 8, 2]);
        using var q = new QCritic(3, 2, [8]);

        var error = Assert.Throws<ArgumentException>(() => mlp.forward(zeros(5, 3)));
        Assert.Equal("input", error.ParamName);
        Assert.Contains("[5, 3]", error.Message);
        Assert.Contains("[N, 4]", error.Message);
        Assert.Equal("input", Assert.Throws<ArgumentException>(() => mlp.forward(zeros(4))).ParamName);
        Assert.Contains("Float64", Assert.Throws<ArgumentException>(() => mlp.forward(zeros(5, 4, float64))).Message);
        Assert.Equal("actions", Assert.Throws<ArgumentException>(() => q.forward(zeros(5, 3), zeros(4, 2))).ParamName);
        Assert.Equal("actions", Assert.Throws<ArgumentException>(() => q.forward(zeros(5, 3), zeros(5, 3))).ParamName);
        Assert.Equal("sizes", Assert.ThrowsAny<ArgumentException>(() => new Mlp([4, 0, 2])).ParamName);
    }

    [Fact]
    public void Torch_runs_on_one_thread_by_default_and_the_count_can_be_changed()
    {
        Assert.Equal(TorchThreads.Default, TorchThreads.Count);
        try
        {
            TorchThreads.Set(2);
            Assert.Equal(2, TorchThreads.Count);
        }
        finally
        {
            TorchThreads.Set(TorchThreads.Default);
        }

        Assert.Equal("threads", Assert.ThrowsAny<ArgumentException>(() => TorchThreads.Set(0)).ParamName);
    }

    [Fact]
    public void A_training_step_inside_a_dispose_scope_leaves_no_tensor_behind()
    {
        manual_seed(6);
        using var critic = new ValueCritic(4, [32]);
        using var optimizer = optim.Adam(critic.parameters(), 1e-3);
        Tensor observations = randn(64, 4), targets = randn(64);
        Step();
        long before = Tensor.TotalCount;

        for (int i = 0; i < 20; i++)
        {
            Step();
        }

        Assert.Equal(before, Tensor.TotalCount);
        observations.Dispose();
        targets.Dispose();

        void Step()
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            RlNotebooks.Deep.Losses.ValueLosses.Unclipped(critic.forward(observations), targets).backward();
            optimizer.step();
        }
    }
}
