using RlNotebooks.Deep.Algorithms;
using RlNotebooks.Deep.Distributions;
using RlNotebooks.Deep.Networks;
using RlNotebooks.Deep.Operations;
using RlNotebooks.Deep.Tests.Support;
using RlNotebooks.NaturalGradient;
using TorchSharp;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Networks;

/// <summary>
/// gSDE (Raffin et al. 2021): the actions μ(s) + z(s)ᵀW have the per-state Gaussian the likelihood uses, and the Fisher-vector
/// products of its mean KL equal the closed-form Gaussian Fisher Jᵀ diag(1/σ², 2) J.
/// </summary>
public sealed class GsdePolicyTests
{
    [Fact]
    public void Actions_drawn_with_fresh_weights_have_the_mean_and_standard_deviation_of_the_forward_output()
    {
        using var scope = NewDisposeScope();
        manual_seed(71);
        using var policy = new GsdePolicy(3, 2, [8, 8], initialLogStd: -1.0);
        policy.to(float64);
        var generator = new Generator(72);
        const int draws = 40_000;
        foreach (double[] s in new[] { new[] { 0.5, -0.3, 0.8 }, new[] { -1.0, 0.9, 0.1 } })
        {
            Tensor state = T.Matrix(s, 1);
            var (mean, logStd) = policy.Split(policy.forward(state));
            double[] mu = T.Array(mean), sigma = T.Array(logStd.exp());

            double[] actions = T.Array(policy.Act(state.expand(draws, 3), policy.SampleWeights(draws, generator)));

            for (int k = 0; k < 2; k++)
            {
                double[] a = Enumerable.Range(0, draws).Select(i => actions[2 * i + k]).ToArray();
                double m = a.Average(), sd = Math.Sqrt(a.Sum(x => (x - m) * (x - m)) / (draws - 1));
                Assert.InRange(m, mu[k] - 4 * sigma[k] / Math.Sqrt(draws), mu[k] + 4 * sigma[k] / Math.Sqrt(draws));
                Assert.InRange(sd / sigma[k], 0.98, 1.02);   // the standard error of sd/σ is 1/√(2·draws) = 0.0035
            }
        }
    }

    [Fact]
    public void Weights_held_fixed_give_a_deterministic_function_of_the_state()
    {
        using var scope = NewDisposeScope();
        manual_seed(73);
        using var policy = new GsdePolicy(3, 1, [8], initialLogStd: 0.0);
        Tensor states = randn(4, 3, generator: new Generator(74));
        Tensor weights = policy.SampleWeights(4, new Generator(75));

        Assert.Equal(T.Array(policy.Act(states, weights)), T.Array(policy.Act(states, weights)));
        Assert.NotEqual(T.Array(policy.Act(states, weights)), T.Array(policy.Act(states, policy.SampleWeights(4, new Generator(76)))));
    }

    /// <summary>
    /// At θ = θold the Hessian of D̄_KL(N(μ_old, σ_old) ‖ N(μ_θ, σ_θ)) is the Fisher matrix (1/N) Σₛ Jₛᵀ Mₛ Jₛ with
    /// Jₛ = ∂(μ(s), log σ(s))/∂θ (z(s) held fixed, as it is detached) and Mₛ = diag(1/σₖ², 2), the Fisher information of a
    /// Gaussian in (μ, log σ).
    /// </summary>
    [Fact]
    public void Fisher_vector_products_equal_the_closed_form_gaussian_fisher()
    {
        using var scope = NewDisposeScope();
        manual_seed(77);
        using var policy = new GsdePolicy(2, 2, [3], initialLogStd: -0.5);
        policy.to(float64);
        Tensor states = T.Matrix(T.Uniform(new Random(78), 8), 4);
        Tensor oldOutput = policy.forward(states).detach();
        var old = policy.Split(oldOutput);
        Tensor MeanKl()
        {
            var (mean, logStd) = policy.Split(policy.forward(states));
            return GaussianDistribution.KlDivergence(old.Mean, old.LogStd, mean, logStd).mean();
        }

        var parameters = policy.parameters().Select(p => (Tensor)p).ToList();
        int count = (int)FlatParameters.Count(policy);
        double[] v = T.Uniform(new Random(79), count);
        double[] sigma = T.Array(old.LogStd.exp());
        var expected = v.Select(x => 0.1 * x).ToArray();   // the damping term
        Tensor output = policy.forward(states);
        Tensor keepAll = parameters.Select(p => (p * 0.0).sum()).Aggregate((a, b) => a + b);   // every θ in the graph, contributing 0
        for (int s = 0; s < 4; s++)
        {
            for (int column = 0; column < 4; column++)
            {
                int k = column % 2;
                double weight = column < 2 ? 1.0 / (sigma[2 * s + k] * sigma[2 * s + k]) : 2.0;
                double[] row = T.Array(FlatParameters.Flatten(autograd.grad([output[s, column] + keepAll], parameters, retain_graph: true)));
                double projection = row.Zip(v).Sum(p => p.First * p.Second);
                for (int i = 0; i < count; i++)
                {
                    expected[i] += weight * projection * row[i] / 4;
                }
            }
        }

        double[] actual = T.Array(FisherVectorProduct.Compute(policy, MeanKl, T.Vector(v), damping: 0.1));

        T.Close(expected, actual, 1e-9);
    }

    [Fact]
    public void A_trpo_step_on_a_gsde_policy_stays_inside_the_trust_region_and_improves_the_surrogate()
    {
        using var scope = NewDisposeScope();
        manual_seed(81);
        using var policy = new GsdePolicy(3, 2, [16], initialLogStd: -1.0);
        var generator = new Generator(82);
        Tensor states = randn(256, 3, generator: generator);
        Tensor actions = policy.Act(states, policy.SampleWeights(256, generator));
        Tensor advantages = randn(256, generator: generator) + states[.., 0];
        Tensor oldOutput = policy.forward(states).detach();
        var old = policy.Split(oldOutput);
        Tensor oldLogProbs = GaussianDistribution.LogProb(actions, old.Mean, old.LogStd);

        TrpoStepResult step = Trpo.PolicyStep(policy, states, actions, advantages, new TrpoConfig(MaxKl: 0.01), iteration: 0);

        using var noGrad = no_grad();
        var (mean, logStd) = policy.Split(policy.forward(states));
        double kl = T.Number(GaussianDistribution.KlDivergence(old.Mean, old.LogStd, mean, logStd).mean());
        double gain = T.Number(((GaussianDistribution.LogProb(actions, mean, logStd) - oldLogProbs).exp() * advantages).mean() - advantages.mean());
        Assert.True(step.LineSearch.Accepted);
        Assert.InRange(kl, 1e-6, 0.01);
        Assert.True(gain > 0.0, $"surrogate gain {gain}");
        T.Close(step.LineSearch.Kl, kl, 1e-5);
    }

    [Fact]
    public void Gsde_needs_box_actions_and_a_positive_sample_frequency()
    {
        Assert.Equal("Policy", Assert.ThrowsAny<ArgumentException>(() => new TrpoConfig(Policy: TrpoPolicy.Gsde)).ParamName);
        Assert.Equal("SdeSampleFrequency", Assert.ThrowsAny<ArgumentException>(
            () => new TrpoConfig(Environment: "Pendulum-v1", Policy: TrpoPolicy.Gsde, SdeSampleFrequency: 0)).ParamName);
        Assert.Equal("hiddenSizes", Assert.ThrowsAny<ArgumentException>(() => new GsdePolicy(3, 1, [], 0.0)).ParamName);
    }
}
