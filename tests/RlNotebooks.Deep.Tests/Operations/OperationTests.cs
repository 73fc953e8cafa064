using RlNotebooks.Deep.Distributions;
using RlNotebooks.Deep.Networks;
using RlNotebooks.Deep.Operations;
using RlNotebooks.Deep.Tests.Support;
using RlNotebooks.NaturalGradient;
using RlNotebooks.OffPolicy;
using TorchSharp;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Operations;

/// <summary>Target-network updates, flat parameters, Fisher-vector products and checkpoints.</summary>
public sealed class OperationTests
{
    [Fact]
    public void Polyak_update_equals_the_span_library_on_the_flat_parameters()
    {
        using var scope = NewDisposeScope();
        manual_seed(31);
        using var online = new TwinQCritic(3, 1, [8]);
        using var target = new TwinQCritic(3, 1, [8]);
        online.to(float64);
        target.to(float64);
        double[] expected = Polyak.Update(T.Array(FlatParameters.Get(target)), T.Array(FlatParameters.Get(online)), 0.005);

        TargetNetworks.PolyakUpdate(target, online, 0.005);

        T.Close(expected, T.Array(FlatParameters.Get(target)));
        Assert.All(target.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void Hard_update_copies_and_mismatched_architectures_are_refused()
    {
        using var scope = NewDisposeScope();
        manual_seed(32);
        using var online = new DiscreteQNetwork(4, 2, [16]);
        using var target = new DiscreteQNetwork(4, 2, [16]);
        using var other = new DiscreteQNetwork(4, 2, [32]);

        TargetNetworks.HardUpdate(target, online);

        Assert.Equal(T.Array(FlatParameters.Get(online)), T.Array(FlatParameters.Get(target)));
        Assert.Equal("online", Assert.Throws<ArgumentException>(() => TargetNetworks.PolyakUpdate(target, other, 0.1)).ParamName);
        Assert.Equal("tau", Assert.ThrowsAny<ArgumentException>(() => TargetNetworks.PolyakUpdate(target, online, 1.5)).ParamName);
    }

    [Fact]
    public void Flat_parameters_round_trip_and_gradients_flatten_in_the_same_order()
    {
        using var scope = NewDisposeScope();
        manual_seed(33);
        using var policy = new DiagonalGaussianPolicy(3, 2, [8]);
        long count = FlatParameters.Count(policy);
        Tensor replacement = arange(count, dtype: float32) / count;

        FlatParameters.Set(policy, replacement);
        policy.LogStd.sum().backward();

        Assert.Equal(3 * 8 + 8 + 8 * 2 + 2 + 2, count);
        Assert.Equal(T.Array(replacement), T.Array(FlatParameters.Get(policy)));
        double[] gradient = T.Array(FlatParameters.Gradient(policy));
        Assert.Equal([1.0, 1.0], gradient[..2]);
        Assert.All(gradient[2..], g => Assert.Equal(0.0, g));
        Assert.Equal("flat", Assert.Throws<ArgumentException>(() => FlatParameters.Set(policy, zeros(count + 1))).ParamName);
    }

    /// <summary>
    /// For a linear categorical policy z = W s + b at one state, the KL Hessian at θ = θold is F = Jᵀ (diag p − p pᵀ) J with
    /// J = ∂z/∂θ (the Fisher information of the softmax, e.g. Schulman et al. 2015, appendix C): the double-backward product
    /// must equal it applied to v.
    /// </summary>
    [Fact]
    public void Fisher_vector_product_equals_the_analytic_softmax_fisher_for_a_linear_policy()
    {
        using var scope = NewDisposeScope();
        manual_seed(34);
        using var policy = new CategoricalPolicy(2, 3, []);
        policy.to(float64);
        FlatParameters.Set(policy, T.Vector(T.Uniform(new Random(35), 9)));
        double[] s = [1.0, -0.5];
        Tensor observation = T.Matrix(s, 1);
        Tensor oldLogits = policy.forward(observation).detach();
        double[] p = T.Array(oldLogits.softmax(1));
        double[] v = T.Uniform(new Random(36), 9);

        double[] fv = T.Array(FisherVectorProduct.Compute(policy, () => CategoricalDistribution.KlDivergence(oldLogits, policy.forward(observation)).mean(), T.Vector(v), damping: 0.1));

        // θ = [W₀₀, W₀₁, W₁₀, W₁₁, W₂₀, W₂₁, b₀, b₁, b₂]; u = J v, w = (diag p − p pᵀ) u, F v = Jᵀ w.
        double[] u = Enumerable.Range(0, 3).Select(a => v[2 * a] * s[0] + v[2 * a + 1] * s[1] + v[6 + a]).ToArray();
        double pu = Enumerable.Range(0, 3).Sum(a => p[a] * u[a]);
        double[] w = Enumerable.Range(0, 3).Select(a => p[a] * u[a] - p[a] * pu).ToArray();
        double[] expected = [w[0] * s[0], w[0] * s[1], w[1] * s[0], w[1] * s[1], w[2] * s[0], w[2] * s[1], w[0], w[1], w[2]];
        T.Close(expected.Select((e, i) => e + 0.1 * v[i]).ToArray(), fv, 1e-10);
    }

    [Fact]
    public void The_fisher_operator_feeds_the_span_library_conjugate_gradient()
    {
        using var scope = NewDisposeScope();
        manual_seed(37);
        using var policy = new CategoricalPolicy(2, 3, [4]);
        policy.to(float64);
        Tensor observations = T.Matrix(T.Uniform(new Random(38), 20), 10);
        Tensor oldLogits = policy.forward(observations).detach();
        MatVec fisher = FisherVectorProduct.Operator(policy, () => CategoricalDistribution.KlDivergence(oldLogits, policy.forward(observations)).mean(), damping: 0.1);
        double[] g = T.Uniform(new Random(39), (int)FlatParameters.Count(policy));

        var solution = ConjugateGradient.Solve(fisher, g, maxIterations: 100, tolerance: 1e-12);

        var product = new double[g.Length];
        fisher(solution.Solution, product);
        T.Close(g, product, 1e-8);
    }

    [Fact]
    public void The_operator_that_builds_the_kl_gradient_once_gives_the_same_products()
    {
        using var scope = NewDisposeScope();
        manual_seed(41);
        using var policy = new DiagonalGaussianPolicy(3, 2, [5]);
        policy.to(float64);
        Tensor observations = T.Matrix(T.Uniform(new Random(42), 24), 8);
        Tensor oldMean = policy.forward(observations).detach();
        Tensor MeanKl() => GaussianDistribution.KlDivergence(oldMean, policy.LogStd.detach(), policy.forward(observations), policy.LogStd).mean();
        MatVec everyTime = FisherVectorProduct.Operator(policy, MeanKl, damping: 0.05);
        MatVec once = FisherVectorProduct.OperatorAtCurrentParameters(policy, MeanKl, damping: 0.05);
        int count = (int)FlatParameters.Count(policy);

        for (int k = 0; k < 3; k++)
        {
            double[] v = T.Uniform(new Random(43 + k), count);
            double[] expected = new double[count], actual = new double[count];
            everyTime(v, expected);
            once(v, actual);
            T.Close(expected, actual, 1e-12);
        }
    }

    [Fact]
    public void Checkpoints_round_trip_and_refuse_a_missing_file_or_another_architecture()
    {
        using var scope = NewDisposeScope();
        string path = Path.Combine(Path.GetTempPath(), $"rlnotebooks-deep-{Guid.NewGuid():N}.bin");
        try
        {
            manual_seed(40);
            using var saved = new ValueCritic(4, [16]);
            using var loaded = new ValueCritic(4, [16]);
            using var wider = new ValueCritic(4, [32]);

            Checkpoints.Save(saved, path);
            Checkpoints.Load(loaded, path);

            Assert.Equal(T.Array(FlatParameters.Get(saved)), T.Array(FlatParameters.Get(loaded)));
            Assert.Equal("path", Assert.Throws<ArgumentException>(() => Checkpoints.Load(wider, path)).ParamName);
            Assert.Equal("path", Assert.Throws<ArgumentException>(() => Checkpoints.Load(loaded, path + ".missing")).ParamName);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
