using RlNotebooks.Deep.Losses;
using RlNotebooks.Deep.Networks;
using RlNotebooks.Deep.Tests.Support;
using TorchSharp;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Networks;

/// <summary>
/// One smoke test per network type: a few hundred Adam steps on a fixed regression or bandit problem reach a known loss.
/// Seeded (torch.manual_seed, seeded generators) on one thread, so every run reproduces the same numbers; the thresholds
/// leave a margin of about five to ten times over the loss reached (noted beside each), far below the loss at initialisation.
/// </summary>
public sealed class SmokeTests(ITestOutputHelper output)
{
    private static double Train(nn.Module module, int steps, double learningRate, Func<Tensor> loss, IEnumerable<Parameter>? extra = null)
    {
        using var optimizer = optim.Adam(module.parameters().Concat(extra ?? []), learningRate);
        double last = double.NaN;
        for (int step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            Tensor value = loss();
            value.backward();
            optimizer.step();
            last = value.item<float>();
        }

        return last;
    }

    [Fact]
    public void Mlp_fits_a_sine_regression()
    {
        manual_seed(101);
        using var mlp = new Mlp([1, 32, 32, 1]);
        using Tensor x = linspace(-1, 1, 64).unsqueeze(1), y = (x * 2.0).sin();

        double loss = Train(mlp, 300, 1e-2, () => (mlp.forward(x) - y).square().mean());

        output.WriteLine($"MSE {loss}");
        Assert.True(loss < 5e-3, $"MSE {loss}"); // reached 7.9e-4; Var(sin 2x) ≈ 0.4 at the start
    }

    [Fact]
    public void Categorical_policy_learns_the_best_arm_of_a_contextual_bandit()
    {
        manual_seed(102);
        using var policy = new CategoricalPolicy(2, 3, [16]);
        using Tensor states = eye(2), rewards = tensor(new float[,] { { 0.1f, 1.0f, 0.3f }, { 0.8f, 0.0f, 0.2f } });

        // Exact expected reward J(θ) = mean_s Σ_a π_θ(a|s) r(s, a); maximised by π(1|s₀) = π(0|s₁) = 1, J* = 0.9.
        double loss = Train(policy, 200, 1e-2, () => -(policy.forward(states).softmax(1) * rewards).sum(1).mean());

        output.WriteLine($"J {-loss}");
        Assert.True(-loss > 0.89, $"J = {-loss}"); // reached 0.8993; uniform policy: 0.4
    }

    [Fact]
    public void Gaussian_policy_finds_the_best_action_of_a_bandit_by_reinforce()
    {
        manual_seed(103);
        using var policy = new DiagonalGaussianPolicy(1, 1, [16], initialLogStd: -0.5);
        using Tensor state = ones(256, 1);
        var generator = new Generator(104);

        // Reward r(a) = −(a − 0.7)²; score-function gradient with the batch-mean baseline: −mean(log π(a) (r − r̄)).
        Train(policy, 300, 1e-2, () =>
        {
            Tensor actions = policy.Sample(state, generator);
            Tensor reward = -(actions - 0.7).square().squeeze(1);
            return -(policy.LogProb(state, actions) * (reward - reward.mean())).mean();
        });

        double mean = policy.forward(state[..1]).item<float>();
        output.WriteLine($"μ {mean}");
        Assert.InRange(mean, 0.6, 0.8);
    }

    [Fact]
    public void Squashed_gaussian_policy_maximises_a_fixed_q_with_the_sac_actor_loss()
    {
        manual_seed(105);
        using var policy = new TanhGaussianPolicy(1, [-1.0], [1.0], [32]);
        using Tensor state = ones(128, 1);
        var generator = new Generator(106);

        // Q(s, a) = −(a − 0.5)², α = 0.01: the optimum is a deterministic action near 0.5.
        Train(policy, 300, 3e-3, () =>
        {
            var sample = policy.Sample(state, generator);
            Tensor q = -(sample.Action - 0.5).square().squeeze(1);
            return SacLosses.ActorLoss(sample.LogProb, q, q, 0.01);
        });

        double action = policy.Deterministic(state[..1]).item<float>();
        output.WriteLine($"a {action}");
        Assert.InRange(action, 0.4, 0.6);
    }

    [Fact]
    public void Value_critic_regresses_onto_fixed_returns()
    {
        manual_seed(107);
        using var critic = new ValueCritic(4, [64, 64]);
        using Tensor states = randn(128, 4, generator: new Generator(108));
        using Tensor targets = states.matmul(tensor(new[] { 1.0f, -2.0f, 0.5f, 0.0f })) + 1.0;

        double loss = Train(critic, 300, 3e-3, () => ValueLosses.Unclipped(critic.forward(states), targets));

        output.WriteLine($"L^VF {loss}");
        Assert.True(loss < 0.05, $"L^VF {loss}"); // reached 0.0104; ½ Var(targets) ≈ 2.6 at the start
    }

    [Fact]
    public void Twin_q_critic_regresses_onto_a_fixed_action_value()
    {
        manual_seed(109);
        using var critic = new TwinQCritic(3, 1, [64, 64]);
        using Tensor states = randn(128, 3, generator: new Generator(110)), actions = rand(128, 1, generator: new Generator(111)) * 2.0 - 1.0;
        using Tensor targets = (states[.., 0] * actions[.., 0] - actions[.., 0].square()).detach();

        double loss = Train(critic, 300, 3e-3, () =>
        {
            var (q1, q2) = critic.forward(states, actions);
            return CriticLosses.TwinMeanSquared(q1, q2, targets);
        });

        output.WriteLine($"twin MSE {loss}");
        Assert.True(loss < 5e-3, $"twin MSE {loss}"); // reached 7.3e-4
    }

    [Fact]
    public void Discrete_q_network_regresses_onto_a_fixed_q_table_with_the_huber_loss()
    {
        manual_seed(112);
        using var q = new DiscreteQNetwork(4, 2, [64, 64]);
        using Tensor states = randn(256, 4, generator: new Generator(113));
        using Tensor actions = randint(0, 2, [256], generator: new Generator(114));
        using Tensor table = stack([states[.., 0] + states[.., 1], states[.., 2] - states[.., 3]], 1);
        using Tensor targets = table.gather(1, actions.unsqueeze(1)).squeeze(1);

        double loss = Train(q, 300, 3e-3, () => CriticLosses.Huber(q.ActionValues(states, actions), targets));

        output.WriteLine($"Huber {loss}");
        Assert.True(loss < 1e-3, $"Huber {loss}"); // reached 9.8e-5
    }
}
