using RlNotebooks.NaturalGradient;

namespace RlNotebooks.Tests.NaturalGradient;

/// <summary>
/// TRPO on a 3-armed bandit with a softmax policy π_θ(a) = exp θₐ / Σ exp θ_b, where everything is exact:
/// L(θ) = Σₐ π_θ(a) Â(a) (the importance-sampled surrogate in expectation under π_θold), Â(a) = r(a) − Σ_b π_θold(b) r(b),
/// g = ∇L(θold) with gⱼ = π_j Â(j), KL = Σₐ π_old(a) log(π_old(a)/π_θ(a)), and the exact Fisher F = diag(π) − ππᵀ.
/// </summary>
public class TrpoStepTests
{
    private static readonly double[] Rewards = [1.0, 0.0, 0.5];

    // θold = (ln 2, 0, 0) gives π_old = (1/2, 1/4, 1/4).
    private static readonly double[] ThetaOld = [Math.Log(2.0), 0.0, 0.0];

    private static double[] Softmax(ReadOnlySpan<double> theta)
    {
        double max = Math.Max(theta[0], Math.Max(theta[1], theta[2]));
        var p = new double[3];
        double z = 0.0;
        for (int a = 0; a < 3; a++)
        {
            p[a] = Math.Exp(theta[a] - max);
            z += p[a];
        }

        for (int a = 0; a < 3; a++)
        {
            p[a] /= z;
        }

        return p;
    }

    private static double[] Advantages(double[] piOld)
    {
        double baseline = piOld[0] * Rewards[0] + piOld[1] * Rewards[1] + piOld[2] * Rewards[2];
        return Rewards.Select(r => r - baseline).ToArray();
    }

    private static PolicyEvaluator Evaluator(double[] piOld)
    {
        double[] advantages = Advantages(piOld);
        return theta =>
        {
            double[] pi = Softmax(theta);
            double surrogate = 0.0, kl = 0.0;
            for (int a = 0; a < 3; a++)
            {
                surrogate += pi[a] * advantages[a];
                kl += piOld[a] * Math.Log(piOld[a] / pi[a]);
            }

            return new SurrogateAndKl(surrogate, kl);
        };
    }

    [Fact]
    public void Empirical_fisher_of_exactly_weighted_scores_is_the_softmax_fisher()
    {
        // π_old = (1/2, 1/4, 1/4); score of action a is ∇ log π(a) = eₐ − π. Rows a = 0, 0, 1, 2 weight the actions exactly,
        // so (1/4) Σ sᵢsᵢᵀ = diag(π) − ππᵀ = [[1/4, −1/8, −1/8], [−1/8, 3/16, −1/16], [−1/8, −1/16, 3/16]].
        double[] f = EmpiricalFisher.Matrix(ExactScores(Softmax(ThetaOld)), 3);
        double[] expected = [0.25, -0.125, -0.125, -0.125, 0.1875, -0.0625, -0.125, -0.0625, 0.1875];

        for (int i = 0; i < 9; i++)
        {
            Assert.Equal(expected[i], f[i], 15);
        }
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.05)]
    [InlineData(0.5)]
    public void One_step_keeps_kl_within_delta_and_improves_the_surrogate(double delta)
    {
        double[] piOld = Softmax(ThetaOld);
        double[] advantages = Advantages(piOld); // r̄ = 1/2 + 0 + 1/8 = 5/8 → Â = (3/8, −5/8, −1/8)
        double[] g = [piOld[0] * advantages[0], piOld[1] * advantages[1], piOld[2] * advantages[2]]; // (3/16, −5/32, −1/32)
        PolicyEvaluator evaluate = Evaluator(piOld);

        TrpoStepResult step = TrpoStep.Update(ThetaOld, g, EmpiricalFisher.VectorProductOperator(ExactScores(piOld), 3),
            evaluate, delta, damping: 1e-3, cgIterations: 10);

        SurrogateAndKl after = evaluate(step.Parameters);
        Assert.True(step.LineSearch.Accepted);
        Assert.True(after.Kl <= delta, $"KL {after.Kl} > δ {delta}");
        Assert.True(after.Surrogate > 0.0, "L(θold) = Σ π_old Â = 0, so improvement means L > 0");
        Assert.Equal(after.Surrogate, step.LineSearch.Surrogate, 15);
        Assert.True(Softmax(step.Parameters)[0] > piOld[0], "the best arm gains probability");
        Assert.True(step.ExpectedImprovement > 0.0);
        Assert.True(step.ConjugateGradient.Converged);
        Assert.True(step.ConjugateGradient.Iterations <= 3);
    }

    [Fact]
    public void Small_trust_region_step_is_accepted_in_full_and_matches_the_quadratic_kl()
    {
        // For small δ the quadratic model ½ sᵀFs of the KL is accurate: the full step is accepted (no backtracking)
        // and its true KL is close to δ.
        double[] piOld = Softmax(ThetaOld);
        double[] advantages = Advantages(piOld);
        double[] g = [piOld[0] * advantages[0], piOld[1] * advantages[1], piOld[2] * advantages[2]];
        const double delta = 1e-4;

        TrpoStepResult step = TrpoStep.Update(ThetaOld, g, EmpiricalFisher.VectorProductOperator(ExactScores(piOld), 3),
            Evaluator(piOld), delta, damping: 0.0);

        Assert.Equal(0, step.LineSearch.Backtracks);
        Assert.Equal(1.0, step.LineSearch.StepFraction);
        Assert.Equal(delta, step.LineSearch.Kl, 1e-5);
        Assert.Equal(step.ExpectedImprovement, step.LineSearch.Improvement, 1e-4);
    }

    [Fact]
    public void Rejects_bad_input()
    {
        double[] piOld = Softmax(ThetaOld);
        MatVec fisher = EmpiricalFisher.VectorProductOperator(ExactScores(piOld), 3);
        PolicyEvaluator evaluate = Evaluator(piOld);
        double[] g = [0.1, -0.05, -0.05];

        Assert.Equal("maxKl", Assert.ThrowsAny<ArgumentException>(() => TrpoStep.Update(ThetaOld, g, fisher, evaluate, 0.0)).ParamName);
        Assert.Equal("damping", Assert.ThrowsAny<ArgumentException>(() => TrpoStep.Update(ThetaOld, g, fisher, evaluate, 0.01, damping: -1)).ParamName);
        Assert.Equal("policyGradient", Assert.ThrowsAny<ArgumentException>(() => TrpoStep.Update(ThetaOld, [0.1, 0.2], fisher, evaluate, 0.01)).ParamName);
        Assert.Equal("policyGradient", Assert.ThrowsAny<ArgumentException>(() => TrpoStep.Update(ThetaOld, [0.0, 0.0, 0.0], fisher, evaluate, 0.01)).ParamName);
        var nan = Assert.ThrowsAny<ArgumentException>(() => TrpoStep.Update(ThetaOld, [0.1, double.NaN, 0.0], fisher, evaluate, 0.01));
        Assert.Contains("policyGradient[1]", nan.Message);
        Assert.Equal("cgIterations", Assert.ThrowsAny<ArgumentException>(() => TrpoStep.Update(ThetaOld, g, fisher, evaluate, 0.01, cgIterations: 0)).ParamName);
    }

    /// <summary>Scores eₐ − π for actions 0, 0, 1, 2 (exact weighting of π = (1/2, 1/4, 1/4)).</summary>
    private static double[] ExactScores(double[] pi)
    {
        int[] actions = [0, 0, 1, 2];
        var scores = new double[actions.Length * 3];
        for (int i = 0; i < actions.Length; i++)
        {
            for (int a = 0; a < 3; a++)
            {
                scores[i * 3 + a] = (a == actions[i] ? 1.0 : 0.0) - pi[a];
            }
        }

        return scores;
    }
}
