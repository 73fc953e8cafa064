using RlNotebooks.Deep.Algorithms;
using RlNotebooks.Deep.Distributions;
using RlNotebooks.Deep.Networks;
using RlNotebooks.Deep.Operations;
using RlNotebooks.Deep.Tests.Support;
using RlNotebooks.NaturalGradient;
using TorchSharp;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Algorithms;

/// <summary>TRPO's config validation, its update pieces against the span library, the NaN stop, determinism and a smoke run.</summary>
public sealed class TrpoTests
{
    [Theory]
    [InlineData("Gamma")]
    [InlineData("Lambda")]
    [InlineData("EnvironmentCount")]
    [InlineData("StepsPerEnvironment")]
    [InlineData("MaxKl")]
    [InlineData("ValueLearningRate")]
    [InlineData("ValueMinibatchSize")]
    [InlineData("BacktrackRatio")]
    [InlineData("FisherSubsampling")]
    [InlineData("RewardScale")]
    [InlineData("Policy")]
    [InlineData("Environment")]
    public void A_bad_config_is_refused_when_created_naming_the_field(string field)
    {
        Func<TrpoConfig> make = field switch
        {
            "Gamma" => () => new TrpoConfig(Gamma: 1.5),
            "Lambda" => () => new TrpoConfig(Lambda: -0.1),
            "EnvironmentCount" => () => new TrpoConfig(EnvironmentCount: 0),
            "StepsPerEnvironment" => () => new TrpoConfig(StepsPerEnvironment: -3),
            "MaxKl" => () => new TrpoConfig(MaxKl: 0.0),
            "ValueLearningRate" => () => new TrpoConfig(ValueLearningRate: -1e-3),
            "ValueMinibatchSize" => () => new TrpoConfig(EnvironmentCount: 2, StepsPerEnvironment: 8, ValueMinibatchSize: 17),
            "BacktrackRatio" => () => new TrpoConfig(BacktrackRatio: 1.0),
            "FisherSubsampling" => () => new TrpoConfig(FisherSubsampling: 0),
            "RewardScale" => () => new TrpoConfig(RewardScale: 0.0),
            "Policy" => () => new TrpoConfig(Environment: "Pendulum-v1", Policy: TrpoPolicy.Categorical),
            _ => () => new TrpoConfig(Environment: "Pong-v5"),
        };

        var error = Assert.ThrowsAny<ArgumentException>(make);

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void A_copy_made_with_with_is_validated_by_train()
    {
        TrpoConfig bad = TrpoConfig.CartPole with { Gamma = 2.0 };

        Assert.Equal("Gamma", Assert.ThrowsAny<ArgumentException>(() => Trpo.Train(bad, 1)).ParamName);
    }

    /// <summary>
    /// CG through the network's Fisher-vector products on a tiny policy matches CG on the explicit matrix of the span library:
    /// F = E_s Σ_a π(a|s) ∇log π(a|s) ∇log π(a|s)ᵀ (the Fisher identity), built with EmpiricalFisher from the exact expectation.
    /// </summary>
    [Fact]
    public void Conjugate_gradient_on_fisher_vector_products_matches_the_span_library_on_the_explicit_fisher()
    {
        using var scope = NewDisposeScope();
        manual_seed(50);
        using var policy = new CategoricalPolicy(2, 3, [3]);
        policy.to(float64);
        int states = 4, actionCount = 3, count = (int)FlatParameters.Count(policy);
        Tensor observations = T.Matrix(T.Uniform(new Random(51), states * 2), states);
        Tensor oldLogits = policy.forward(observations).detach();
        MatVec network = FisherVectorProduct.OperatorAtCurrentParameters(policy,
            () => CategoricalDistribution.KlDivergence(oldLogits, policy.forward(observations)).mean());

        // Rows √(|A| π(a|s)) ∇θ log π(a|s), so that (1/(S|A|)) Σ rows rowsᵀ = (1/S) Σ_s Σ_a π(a|s) ∇log π ∇log πᵀ.
        double[] p = T.Array(oldLogits.softmax(1));
        var scores = new List<double>();
        for (int s = 0; s < states; s++)
        {
            for (int a = 0; a < actionCount; a++)
            {
                Tensor logProb = policy.LogProb(observations.narrow(0, s, 1), tensor(new long[] { a }));
                double[] score = T.Array(FlatParameters.Flatten(autograd.grad([logProb.sum()], policy.parameters().Select(x => (Tensor)x).ToList())));
                scores.AddRange(score.Select(x => x * Math.Sqrt(actionCount * p[s * actionCount + a])));
            }
        }

        MatVec explicitFisher = EmpiricalFisher.VectorProductOperator([.. scores], count);
        double[] g = T.Uniform(new Random(52), count);

        ConjugateGradientResult fromNetwork = ConjugateGradient.Solve(network, g, damping: 0.1, maxIterations: 10);
        ConjugateGradientResult fromMatrix = ConjugateGradient.Solve(explicitFisher, g, damping: 0.1, maxIterations: 10);

        T.Close(fromMatrix.Solution, fromNetwork.Solution, 1e-8);
        T.Close(fromMatrix.ResidualNorms, fromNetwork.ResidualNorms, 1e-8);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_policy_step_stays_inside_the_trust_region_and_improves_the_surrogate(bool gaussian)
    {
        using var scope = NewDisposeScope();
        manual_seed(53);
        nn.Module<Tensor, Tensor> policy = gaussian ? new DiagonalGaussianPolicy(3, 2, [16]) : new CategoricalPolicy(3, 2, [16]);
        var generator = new Generator(54);
        Tensor states = randn(256, 3, generator: generator);
        Tensor actions = gaussian
            ? ((DiagonalGaussianPolicy)policy).Sample(states, generator)
            : ((CategoricalPolicy)policy).Sample(states, generator);
        Tensor advantages = randn(256, generator: generator) + states[.., 0];   // a learnable signal: better actions where s₀ is large
        Tensor oldLogProbs = LogProb(policy, states, actions).detach();
        Tensor oldOutput = policy.forward(states).detach();
        Tensor oldLogStd = gaussian ? ((DiagonalGaussianPolicy)policy).LogStd.detach().clone() : zeros(1);
        double maxKl = 0.01;
        var config = new TrpoConfig(MaxKl: maxKl);

        TrpoStepResult step = Trpo.PolicyStep(policy, states, actions, advantages, config, iteration: 0);

        using var noGrad = no_grad();
        double kl = T.Number(gaussian
            ? GaussianDistribution.KlDivergence(oldOutput, oldLogStd, policy.forward(states), ((DiagonalGaussianPolicy)policy).LogStd).mean()
            : CategoricalDistribution.KlDivergence(oldOutput, policy.forward(states)).mean());
        double gain = T.Number(((LogProb(policy, states, actions) - oldLogProbs).exp() * advantages).mean() - advantages.mean());
        Assert.True(step.LineSearch.Accepted);
        Assert.InRange(kl, 1e-6, maxKl);
        Assert.True(gain > 0.0, $"surrogate gain {gain}");
        T.Close(step.LineSearch.Kl, kl, 1e-5);
        T.Close(step.Parameters, T.Array(FlatParameters.Get(policy)), 1e-6);
    }

    [Fact]
    public void A_nan_advantage_stops_the_update_naming_the_iteration_and_the_quantity()
    {
        using var scope = NewDisposeScope();
        manual_seed(55);
        using var policy = new CategoricalPolicy(3, 2, [8]);
        Tensor states = randn(16, 3);
        Tensor actions = zeros(16, int64);
        Tensor advantages = full(16, double.NaN);
        double[] before = T.Array(FlatParameters.Get(policy));

        var error = Assert.Throws<NonFiniteLossException>(() => Trpo.PolicyStep(policy, states, actions, advantages, new TrpoConfig(), iteration: 7));

        Assert.Equal(7, error.Iteration);
        Assert.Contains("L(θ)", error.Quantity);
        Assert.Equal(before, T.Array(FlatParameters.Get(policy)));
    }

    [Fact]
    public void A_nan_value_target_stops_the_critic_fit_before_the_optimizer_steps()
    {
        using var scope = NewDisposeScope();
        manual_seed(56);
        using var critic = new ValueCritic(3, [8]);
        using var optimizer = new Adam([.. critic.parameters()], 1e-3);
        double[] before = T.Array(FlatParameters.Get(critic));

        var error = Assert.Throws<NonFiniteLossException>(() => Trpo.FitCritic(critic, optimizer, randn(16, 3), full(16, double.NaN),
            new TrpoConfig(ValueMinibatchSize: 8), new Generator(57), iteration: 3));

        Assert.Equal(3, error.Iteration);
        Assert.Equal(before, T.Array(FlatParameters.Get(critic)));
    }

    [Theory]
    [InlineData(4, 64)]
    [InlineData(3, 64)]
    [InlineData(5, 37)]
    public void The_critic_fit_on_one_parameter_vector_gives_the_same_bits_as_adam_per_tensor(int observationSize, int hidden)
    {
        using var scope = NewDisposeScope();
        double[] Fit(bool contiguous)
        {
            manual_seed(61);
            using var critic = new ValueCritic(observationSize, [hidden, hidden]);
            using var optimizer = contiguous
                ? new Adam([ContiguousParameters.Flatten(critic.parameters())], 5e-3)
                : new Adam([.. critic.parameters()], 5e-3);
            var generator = new Generator(62);
            Tensor states = randn(200, observationSize, generator: generator), targets = randn(200, generator: generator);
            var config = new TrpoConfig(ValueEpochs: 3, ValueMinibatchSize: 64);
            for (int iteration = 0; iteration < 2; iteration++)
            {
                Trpo.FitCritic(critic, optimizer, states, targets, config, generator, iteration);
            }

            return T.Array(FlatParameters.Get(critic));
        }

        Assert.Equal(Fit(contiguous: false), Fit(contiguous: true));
    }

    [Theory]
    [InlineData("Pendulum-v1", TrpoPolicy.DiagonalGaussian)]
    [InlineData("Pendulum-v1", TrpoPolicy.Gsde)]
    [InlineData("CartPole-v1", TrpoPolicy.Categorical)]
    public void Training_is_deterministic_for_a_seed(string environment, TrpoPolicy policy)
    {
        TrpoConfig config = environment == "CartPole-v1"
            ? TrpoConfig.CartPole with { EnvironmentCount = 4, StepsPerEnvironment = 64, TotalSteps = 2048, ValueMinibatchSize = 128 }
            : new TrpoConfig(Environment: environment, Policy: policy, EnvironmentCount: 2,
                StepsPerEnvironment: 200, TotalSteps: 1600, ValueEpochs: 2, ValueMinibatchSize: 100);

        TrpoResult first = Trpo.Train(config, seed: 3);
        TrpoResult second = Trpo.Train(config, seed: 3);

        Assert.Equal(first.Episodes.Select(e => (e.Step, e.Return, e.Length)), second.Episodes.Select(e => (e.Step, e.Return, e.Length)));
        Assert.Equal(first.Iterations, second.Iterations);
        Assert.True(first.Episodes.Count >= 8, $"{first.Episodes.Count} episodes");
    }

    [Fact]
    public void Annealing_shrinks_the_trust_region_linearly_over_the_budget()
    {
        var config = new TrpoConfig(Environment: "Pendulum-v1", Policy: TrpoPolicy.DiagonalGaussian, EnvironmentCount: 2,
            StepsPerEnvironment: 200, TotalSteps: 2000, MaxKl: 0.05, AnnealMaxKl: true, ValueEpochs: 1, ValueMinibatchSize: 200);

        TrpoResult annealed = Trpo.Train(config, seed: 2);
        TrpoResult fixedRadius = Trpo.Train(config with { AnnealMaxKl = false }, seed: 2);

        // Iteration k steps with δₖ = δ (1 − steps before its rollout / budget): 0.05, 0.04, …, 0.01.
        Assert.Equal(5, annealed.Iterations.Count);
        Assert.All(annealed.Iterations, i => Assert.InRange(i.Kl, 0.0, config.MaxKl * (1.0 - (double)(i.Step - config.BatchSize) / config.TotalSteps)));

        // Iteration 0 uses δ₀ = δ in both runs, so iteration 1 starts from the same θ and critic and solves for the same
        // direction x: only α = √(2δ₁ / xᵀFx) differs, by √(δ₁ / δ) = √(1 − 400 / 2000).
        Assert.Equal(fixedRadius.Iterations[0], annealed.Iterations[0]);
        Assert.Equal(Math.Sqrt(0.8), annealed.Iterations[1].StepScale / fixedRadius.Iterations[1].StepScale, 1e-9);
    }

    [Fact]
    public void The_reward_scale_changes_the_critic_targets_but_not_the_logged_returns()
    {
        var config = new TrpoConfig(Environment: "Pendulum-v1", Policy: TrpoPolicy.DiagonalGaussian, EnvironmentCount: 2,
            StepsPerEnvironment: 200, TotalSteps: 400, ValueEpochs: 1, ValueMinibatchSize: 200);

        // One iteration: its episodes come from the initial policy, before the scale can change any update.
        TrpoResult unscaled = Trpo.Train(config, seed: 4);
        TrpoResult scaled = Trpo.Train(config with { RewardScale = 0.1 }, seed: 4);

        Assert.Equal(unscaled.Episodes.Select(e => e.Return), scaled.Episodes.Select(e => e.Return));
        Assert.All(unscaled.Episodes, e => Assert.True(e.Return < -100, $"return {e.Return}"));
        Assert.NotEqual(unscaled.Iterations[0].ValueLoss, scaled.Iterations[0].ValueLoss);
    }

    [Fact]
    public void A_short_cartpole_run_learns()
    {
        TrpoResult result = Trpo.Train(TrpoConfig.CartPole with { TotalSteps = 12_000 }, seed: 1);

        double first = result.Episodes.Take(20).Average(e => e.Return);
        double last = result.Episodes.TakeLast(20).Average(e => e.Return);
        Assert.True(last > 2 * first, $"mean return of the first 20 episodes {first:F1}, of the last 20 {last:F1}");
        Assert.All(result.Iterations, i => Assert.InRange(i.Kl, 0.0, TrpoConfig.CartPole.MaxKl));
        Assert.True(result.TotalSteps >= 12_000);
    }

    private static Tensor LogProb(nn.Module<Tensor, Tensor> policy, Tensor states, Tensor actions) =>
        policy is DiagonalGaussianPolicy g ? g.LogProb(states, actions) : ((CategoricalPolicy)policy).LogProb(states, actions);
}
