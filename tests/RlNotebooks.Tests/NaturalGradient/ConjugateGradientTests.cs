using RlNotebooks.NaturalGradient;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.NaturalGradient;

public class ConjugateGradientTests
{
    [Fact]
    public void Worked_two_by_two_solve_follows_algorithm_5_2_by_hand()
    {
        // A = [[4, 1], [1, 3]], g = (1, 2): the worked example of Wikipedia "Conjugate gradient method",
        // iterated with Nocedal & Wright Algorithm 5.2 from x₀ = 0:
        // r₀ = p₀ = (1, 2), ‖r₀‖² = 5, A p₀ = (6, 7), p₀ᵀAp₀ = 20, α₀ = 1/4, x₁ = (1/4, 1/2), r₁ = (−1/2, 1/4), ‖r₁‖² = 5/16,
        // β₁ = 1/16, p₁ = (−7/16, 3/8), A p₁ = (−11/8, 11/16), p₁ᵀAp₁ = 55/64, α₁ = 4/11, x₂ = (1/11, 7/11), r₂ = 0.
        double[] a = [4, 1, 1, 3];
        ConjugateGradientResult result = ConjugateGradient.Solve(Dense.Operator(a), [1.0, 2.0]);

        Assert.Equal(2, result.Iterations);
        Assert.True(result.Converged);
        Assert.Equal(1.0 / 11, result.Solution[0], 14);
        Assert.Equal(7.0 / 11, result.Solution[1], 14);
        Assert.Equal(3, result.ResidualNorms.Length);
        Assert.Equal(Math.Sqrt(5), result.ResidualNorms[0], 14);
        Assert.Equal(Math.Sqrt(5) / 4, result.ResidualNorms[1], 14);
        Assert.True(result.ResidualNorms[2] < 1e-14);
    }

    [Fact]
    public void Damping_is_added_to_the_diagonal()
    {
        // (F + 1·I) with F = [[3, 1], [1, 2]] is the matrix of the worked example, so x = (1/11, 7/11).
        double[] f = [3, 1, 1, 2];
        ConjugateGradientResult result = ConjugateGradient.Solve(Dense.Operator(f), [1.0, 2.0], damping: 1.0);

        Assert.Equal(1.0 / 11, result.Solution[0], 14);
        Assert.Equal(7.0 / 11, result.Solution[1], 14);
    }

    [Fact]
    public void Array_delegate_overload_gives_the_same_answer()
    {
        double[] a = [4, 1, 1, 3];
        ConjugateGradientResult result = ConjugateGradient.Solve(v => Dense.Multiply(a, v), [1.0, 2.0]);

        Assert.Equal(7.0 / 11, result.Solution[1], 14);
    }

    [Fact]
    public void Iteration_cap_stops_early_and_reports_not_converged()
    {
        double[] a = [4, 1, 1, 3];
        ConjugateGradientResult result = ConjugateGradient.Solve(Dense.Operator(a), [1.0, 2.0], maxIterations: 1);

        Assert.Equal(1, result.Iterations);
        Assert.False(result.Converged);
        Assert.Equal(new[] { 0.25, 0.5 }, result.Solution);
    }

    [Fact]
    public void Zero_right_hand_side_returns_zero_without_products()
    {
        int calls = 0;
        ConjugateGradientResult result = ConjugateGradient.Solve((v, r) => { calls++; v.CopyTo(r); }, [0.0, 0.0]);

        Assert.Equal(0, result.Iterations);
        Assert.Equal(0, calls);
        Assert.True(result.Converged);
        Assert.Equal(new[] { 0.0, 0.0 }, result.Solution);
    }

    [Fact]
    public void Solves_random_well_conditioned_spd_systems_within_n_iterations()
    {
        Properties.Check(Dense.SpdSystem(), system =>
        {
            ConjugateGradientResult result = ConjugateGradient.Solve(Dense.Operator(system.M), system.G, tolerance: 1e-8,
                maxIterations: system.N);

            Assert.True(result.Converged, $"n = {system.N}: residuals {string.Join(", ", result.ResidualNorms)}");
            Assert.True(result.Iterations <= system.N);
            double[] mx = Dense.Multiply(system.M, result.Solution);
            double[] residual = mx.Select((v, i) => system.G[i] - v).ToArray();
            Assert.True(Dense.Norm(residual) <= 1e-7 * Dense.Norm(system.G), $"true residual {Dense.Norm(residual)}");
        });
    }

    [Fact]
    public void Residual_norms_record_every_iteration_and_end_below_tolerance()
    {
        Properties.Check(Dense.SpdSystem(), system =>
        {
            ConjugateGradientResult result = ConjugateGradient.Solve(Dense.Operator(system.M), system.G, tolerance: 1e-6);

            Assert.Equal(result.Iterations + 1, result.ResidualNorms.Length);
            Assert.Equal(Dense.Norm(system.G), result.ResidualNorms[0], 12);
            Assert.True(result.ResidualNorms[^1] <= 1e-6 * result.ResidualNorms[0]);
            Assert.All(result.ResidualNorms[..^1], r => Assert.True(r > 1e-6 * result.ResidualNorms[0]));
        });
    }

    [Fact]
    public void Into_overload_matches_and_reuses_buffers()
    {
        double[] a = [4, 1, 1, 3];
        var x = new double[] { 9, 9 };
        var norms = new double[5];
        var workspace = new double[6];

        int k = ConjugateGradient.SolveInto(Dense.Operator(a), [1.0, 2.0], x, norms, workspace, 0.0, 1e-12, 4);

        Assert.Equal(2, k);
        Assert.Equal(1.0 / 11, x[0], 14);
        Assert.Equal(Math.Sqrt(5) / 4, norms[1], 14);
    }

    [Fact]
    public void Rejects_bad_input()
    {
        double[] a = [4, 1, 1, 3];
        MatVec op = Dense.Operator(a);

        Assert.Equal("damping", Assert.ThrowsAny<ArgumentException>(() => ConjugateGradient.Solve(op, [1.0, 2.0], damping: -0.1)).ParamName);
        Assert.Equal("tolerance", Assert.ThrowsAny<ArgumentException>(() => ConjugateGradient.Solve(op, [1.0, 2.0], tolerance: double.NaN)).ParamName);
        Assert.Equal("maxIterations", Assert.ThrowsAny<ArgumentException>(() => ConjugateGradient.Solve(op, [1.0, 2.0], maxIterations: 0)).ParamName);
        Assert.Equal("g", Assert.ThrowsAny<ArgumentException>(() => ConjugateGradient.Solve(op, ReadOnlySpan<double>.Empty)).ParamName);

        var nan = Assert.ThrowsAny<ArgumentException>(() => ConjugateGradient.Solve(op, [1.0, double.NaN]));
        Assert.Equal("g", nan.ParamName);
        Assert.Contains("g[1]", nan.Message);

        var mismatch = Assert.ThrowsAny<ArgumentException>(() => ConjugateGradient.Solve(v => new double[3], [1.0, 2.0]));
        Assert.Equal("matVec", mismatch.ParamName);

        var small = Assert.ThrowsAny<ArgumentException>(() =>
            ConjugateGradient.SolveInto(op, [1.0, 2.0], new double[2], new double[2], new double[6], 0.0, 1e-10, 2));
        Assert.Equal("residualNorms", small.ParamName);
        Assert.Equal("workspace", Assert.ThrowsAny<ArgumentException>(() =>
            ConjugateGradient.SolveInto(op, [1.0, 2.0], new double[2], new double[3], new double[5], 0.0, 1e-10, 2)).ParamName);
        Assert.Equal("solution", Assert.ThrowsAny<ArgumentException>(() =>
            ConjugateGradient.SolveInto(op, [1.0, 2.0], new double[3], new double[3], new double[6], 0.0, 1e-10, 2)).ParamName);
    }

    [Fact]
    public void Rejects_an_indefinite_operator_naming_the_iteration()
    {
        double[] indefinite = [1, 0, 0, -1];
        var ex = Assert.ThrowsAny<ArgumentException>(() => ConjugateGradient.Solve(Dense.Operator(indefinite), [0.0, 1.0]));

        Assert.Equal("matVec", ex.ParamName);
        Assert.Contains("iteration 0", ex.Message);
    }
}
