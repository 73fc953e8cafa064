using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.NaturalGradient;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.NaturalGradient;

public class BacktrackingLineSearchTests
{
    /// <summary>L(θ) = gᵀu − c‖u‖² and KL = k‖u‖², u = θ − θold: a concave surrogate and a quadratic KL.</summary>
    private static PolicyEvaluator Quadratic(double[] thetaOld, double[] g, double curvature, double klScale) => parameters =>
    {
        double linear = 0.0, squared = 0.0;
        for (int i = 0; i < thetaOld.Length; i++)
        {
            double u = parameters[i] - thetaOld[i];
            linear += g[i] * u;
            squared += u * u;
        }

        return new SurrogateAndKl(linear - curvature * squared, klScale * squared);
    };

    [Fact]
    public void Worked_example_halves_until_kl_fits()
    {
        // θold = 0, step = (2), L(θ) = θ, KL = θ². δ = 0.5, β = 0.5:
        // k = 0: θ = 2,   KL = 4    > 0.5 ✗;  k = 1: θ = 1, KL = 1 > 0.5 ✗;  k = 2: θ = 0.5, KL = 0.25 ≤ 0.5 and ΔL = 0.5 > 0 ✓.
        LineSearchResult result = BacktrackingLineSearch.Search([0.0], [2.0], Quadratic([0.0], [1.0], 0.0, 1.0), 0.5);

        Assert.True(result.Outcome.Accepted);
        Assert.Equal(new[] { 0.5 }, result.Parameters);
        Assert.Equal(0.25, result.Outcome.StepFraction);
        Assert.Equal(2, result.Outcome.Backtracks);
        Assert.Equal(0.25, result.Outcome.Kl);
        Assert.Equal(0.5, result.Outcome.Surrogate);
        Assert.Equal(0.5, result.Outcome.Improvement);
    }

    [Fact]
    public void Returns_the_old_parameters_when_nothing_is_acceptable()
    {
        // L decreases along the step everywhere, so no candidate improves: θold comes back unchanged.
        int evaluations = 0;
        PolicyEvaluator worse = p => { evaluations++; return new SurrogateAndKl(-p[0], 0.0); };

        LineSearchResult result = BacktrackingLineSearch.Search([1.5], [1.0], worse, 0.01, backtrackRatio: 0.5, maxBacktracks: 3);

        Assert.False(result.Outcome.Accepted);
        Assert.Equal(new[] { 1.5 }, result.Parameters);
        Assert.Equal(0.0, result.Outcome.StepFraction);
        Assert.Equal(3, result.Outcome.Backtracks);
        Assert.Equal(-1.5, result.Outcome.Surrogate);
        Assert.Equal(5, evaluations); // θold once, then k = 0, 1, 2, 3.
    }

    [Fact]
    public void Nan_evaluations_are_never_accepted()
    {
        LineSearchResult result = BacktrackingLineSearch.Search([0.0], [1.0],
            p => p[0] == 0.0 ? new SurrogateAndKl(0, 0) : new SurrogateAndKl(double.NaN, double.NaN), 0.1, maxBacktracks: 2);

        Assert.False(result.Outcome.Accepted);
        Assert.Equal(new[] { 0.0 }, result.Parameters);
    }

    [Fact]
    public void Accept_ratio_demands_a_fraction_of_the_expected_improvement()
    {
        // L(θ) = θ − θ², expected improvement gᵀstep = 1 for step 1. k = 0: ΔL = 0 ✗. k = 1 (θ = 0.5): ΔL = 0.25,
        // required 0.6·0.5·1 = 0.3 ✗. k = 2 (θ = 0.25): ΔL = 0.1875 ≥ 0.6·0.25 = 0.15 ✓.
        LineSearchResult result = BacktrackingLineSearch.Search([0.0], [1.0], Quadratic([0.0], [1.0], 1.0, 0.0), 1.0,
            expectedImprovement: 1.0, acceptRatio: 0.6);

        Assert.Equal(2, result.Outcome.Backtracks);
        Assert.Equal(0.1875, result.Outcome.Improvement);

        LineSearchResult lenient = BacktrackingLineSearch.Search([0.0], [1.0], Quadratic([0.0], [1.0], 1.0, 0.0), 1.0);
        Assert.Equal(1, lenient.Outcome.Backtracks);
    }

    [Fact]
    public void Never_returns_parameters_that_break_the_trust_region_or_fail_to_improve()
    {
        var gen =
            from d in Gen.Choose(1, 6)
            from theta in Gen.ArrayOf(Properties.Finite(2.0), d)
            from g in Gen.ArrayOf(Properties.Finite(2.0), d)
            from step in Gen.ArrayOf(Properties.Finite(2.0), d)
            from curvature in Properties.Between(-1.0, 3.0)
            from klScale in Properties.Between(0.0, 5.0)
            from delta in Properties.Between(0.001, 0.5)
            from ratio in Properties.Between(0.1, 0.9)
            from maxBacktracks in Gen.Choose(0, 12)
            select (theta, g, step, curvature, klScale, delta, ratio, maxBacktracks);

        int accepted = 0, rejected = 0;
        Properties.Check(gen, c =>
        {
            PolicyEvaluator evaluate = Quadratic(c.theta, c.g, c.curvature, c.klScale);
            LineSearchResult result = BacktrackingLineSearch.Search(c.theta, c.step, evaluate, c.delta, c.ratio, c.maxBacktracks);
            SurrogateAndKl old = evaluate(c.theta), returned = evaluate(result.Parameters);

            if (result.Outcome.Accepted)
            {
                accepted++;
                Assert.True(returned.Kl <= c.delta);
                Assert.True(returned.Surrogate > old.Surrogate);
                Assert.Equal(Math.Pow(c.ratio, result.Outcome.Backtracks), result.Outcome.StepFraction, 1e-12);
            }
            else
            {
                rejected++;
                Assert.Equal(c.theta, result.Parameters);
            }
        });

        Assert.True(accepted > 0 && rejected > 0, $"accepted {accepted}, rejected {rejected}: both branches must be exercised");
    }

    [Fact]
    public void Rejects_bad_input()
    {
        PolicyEvaluator evaluate = Quadratic([0.0], [1.0], 0.0, 1.0);

        Assert.Equal("maxKl", Assert.ThrowsAny<ArgumentException>(() => BacktrackingLineSearch.Search([0.0], [1.0], evaluate, 0.0)).ParamName);
        Assert.Equal("maxKl", Assert.ThrowsAny<ArgumentException>(() => BacktrackingLineSearch.Search([0.0], [1.0], evaluate, -1.0)).ParamName);
        Assert.Equal("fullStep", Assert.ThrowsAny<ArgumentException>(() => BacktrackingLineSearch.Search([0.0], [1.0, 2.0], evaluate, 0.1)).ParamName);
        Assert.Equal("backtrackRatio", Assert.ThrowsAny<ArgumentException>(() => BacktrackingLineSearch.Search([0.0], [1.0], evaluate, 0.1, 1.0)).ParamName);
        Assert.Equal("maxBacktracks", Assert.ThrowsAny<ArgumentException>(() => BacktrackingLineSearch.Search([0.0], [1.0], evaluate, 0.1, 0.5, -1)).ParamName);
        Assert.Equal("acceptRatio", Assert.ThrowsAny<ArgumentException>(() =>
            BacktrackingLineSearch.Search([0.0], [1.0], evaluate, 0.1, acceptRatio: 1.5)).ParamName);
        Assert.Equal("destination", Assert.ThrowsAny<ArgumentException>(() =>
            BacktrackingLineSearch.SearchInto([0.0], [1.0], evaluate, 0.1, new double[2])).ParamName);
        var nan = Assert.ThrowsAny<ArgumentException>(() => BacktrackingLineSearch.Search([0.0, double.NaN], [1.0, 1.0], evaluate, 0.1));
        Assert.Equal("theta", nan.ParamName);
        Assert.Contains("theta[1]", nan.Message);
        Assert.Throws<ArgumentNullException>(() => BacktrackingLineSearch.Search([0.0], [1.0], null!, 0.1));
    }
}
