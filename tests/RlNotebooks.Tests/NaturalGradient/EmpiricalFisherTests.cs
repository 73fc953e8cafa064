using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.NaturalGradient;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.NaturalGradient;

public class EmpiricalFisherTests
{
    private static Gen<(int D, double[] Scores, double[] V)> Batches() =>
        from d in Gen.Choose(1, 8)
        from n in Gen.Choose(1, 12)
        from scores in Gen.ArrayOf(Properties.Finite(3.0), n * d)
        from v in Gen.ArrayOf(Properties.Finite(3.0), d)
        select (d, scores, v);

    [Fact]
    public void Worked_example_two_scores()
    {
        // s₁ = (1, 2), s₂ = (3, 0): F = ½[(1·1, 1·2; 2·1, 2·2) + (9, 0; 0, 0)] = (5, 1; 1, 2).
        // F v for v = (1, −1): ½[s₁(s₁ᵀv) + s₂(s₂ᵀv)] = ½[(1, 2)(−1) + (3, 0)(3)] = ½(8, −2) = (4, −1) = (5 − 1, 1 − 2). ✓
        double[] scores = [1, 2, 3, 0];

        Assert.Equal(new[] { 5.0, 1, 1, 2 }, EmpiricalFisher.Matrix(scores, 2));
        Assert.Equal(new[] { 4.0, -1 }, EmpiricalFisher.VectorProduct(scores, 2, [1.0, -1.0]));
    }

    [Fact]
    public void Vector_product_equals_explicit_matrix_times_vector()
    {
        Properties.Check(Batches(), b =>
        {
            double[] explicitFv = Dense.Multiply(EmpiricalFisher.Matrix(b.Scores, b.D), b.V);
            double[] fv = EmpiricalFisher.VectorProduct(b.Scores, b.D, b.V);
            var viaOperator = new double[b.D];
            EmpiricalFisher.VectorProductOperator(b.Scores, b.D)(b.V, viaOperator);

            for (int i = 0; i < b.D; i++)
            {
                Assert.Equal(explicitFv[i], fv[i], 1e-9 * (1 + Math.Abs(explicitFv[i])));
                Assert.Equal(fv[i], viaOperator[i]);
            }
        });
    }

    [Fact]
    public void Fisher_is_symmetric_positive_semidefinite()
    {
        Properties.Check(Batches(), b =>
        {
            double[] f = EmpiricalFisher.Matrix(b.Scores, b.D);
            for (int i = 0; i < b.D; i++)
            {
                for (int j = 0; j < b.D; j++)
                {
                    Assert.Equal(f[i * b.D + j], f[j * b.D + i], 1e-12);
                }
            }

            Assert.True(Dense.Dot(b.V, Dense.Multiply(f, b.V)) >= -1e-9);
        });
    }

    [Fact]
    public void Into_overloads_overwrite_the_destination()
    {
        double[] scores = [1, 2, 3, 0];
        var f = new double[] { 7, 7, 7, 7 };
        var fv = new double[] { 7, 7 };

        EmpiricalFisher.MatrixInto(scores, 2, f);
        EmpiricalFisher.VectorProductInto(scores, 2, [1.0, -1.0], fv);

        Assert.Equal(new[] { 5.0, 1, 1, 2 }, f);
        Assert.Equal(new[] { 4.0, -1 }, fv);
    }

    [Fact]
    public void Rejects_bad_input()
    {
        double[] scores = [1, 2, 3, 0];

        var ragged = Assert.ThrowsAny<ArgumentException>(() => EmpiricalFisher.Matrix([1.0, 2, 3], 2));
        Assert.Equal("scores", ragged.ParamName);
        Assert.Contains("3", ragged.Message);
        Assert.Equal("dimension", Assert.ThrowsAny<ArgumentException>(() => EmpiricalFisher.Matrix(scores, 0)).ParamName);
        Assert.Equal("scores", Assert.ThrowsAny<ArgumentException>(() => EmpiricalFisher.Matrix([], 2)).ParamName);
        Assert.Equal("v", Assert.ThrowsAny<ArgumentException>(() => EmpiricalFisher.VectorProduct(scores, 2, [1.0])).ParamName);
        Assert.Equal("destination", Assert.ThrowsAny<ArgumentException>(() =>
            EmpiricalFisher.VectorProductInto(scores, 2, [1.0, 1.0], new double[3])).ParamName);
        Assert.Equal("destination", Assert.ThrowsAny<ArgumentException>(() => EmpiricalFisher.MatrixInto(scores, 2, new double[3])).ParamName);

        var nan = Assert.ThrowsAny<ArgumentException>(() => EmpiricalFisher.VectorProduct([1.0, double.NaN], 2, [1.0, 1.0]));
        Assert.Equal("scores", nan.ParamName);
        Assert.Contains("scores[1]", nan.Message);
        var inf = Assert.ThrowsAny<ArgumentException>(() => EmpiricalFisher.VectorProductOperator([1.0, double.PositiveInfinity], 2));
        Assert.Contains("scores[1]", inf.Message);
        Assert.Equal("v", Assert.ThrowsAny<ArgumentException>(() =>
            EmpiricalFisher.VectorProductOperator(scores, 2)(new double[3], new double[2])).ParamName);
    }
}
