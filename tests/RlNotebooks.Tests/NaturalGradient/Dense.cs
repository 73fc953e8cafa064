using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.NaturalGradient;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.NaturalGradient;

/// <summary>Test-only dense linear algebra on flat row-major square matrices, and SPD-system generators.</summary>
internal static class Dense
{
    public static double[] Multiply(double[] m, ReadOnlySpan<double> v)
    {
        int n = v.Length;
        var result = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                result[i] += m[i * n + j] * v[j];
            }
        }

        return result;
    }

    public static MatVec Operator(double[] m) => (v, result) => Multiply(m, v).CopyTo(result);

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    public static double Norm(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));

    /// <summary>M = AᵀA + εI with A an m × n matrix, m = 2n, entries in [−1, 1].</summary>
    public static double[] Spd(double[] a, int n, double epsilon)
    {
        int m = a.Length / n;
        var result = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0.0;
                for (int k = 0; k < m; k++)
                {
                    s += a[k * n + i] * a[k * n + j];
                }

                result[i * n + j] = s + (i == j ? epsilon : 0.0);
            }
        }

        return result;
    }

    /// <summary>
    /// A well-conditioned SPD system (n ≤ 20): M = AᵀA + εI with a tall 2n × n matrix A (entries in [−1, 1]) and ε ∈ [2, 4],
    /// so κ(M) ≲ 20; g has entries in [−1, 1] and g ≠ 0. In exact arithmetic CG ends with r_n = 0; in floating point the
    /// gradual loss of conjugacy leaves a floor on ‖r_n‖/‖g‖ that grows with κ (measured ≤ 1.1e-10 over 3000 such systems),
    /// which is why the n-iteration property asks for a relative residual of 1e-8 rather than machine precision.
    /// </summary>
    public static Gen<(int N, double[] M, double[] G)> SpdSystem(int maxN = 20) =>
        from n in Gen.Choose(1, maxN)
        from a in Gen.ArrayOf(Properties.Finite(1.0), 2 * n * n)
        from epsilon in Properties.Between(2.0, 4.0)
        from g in Gen.ArrayOf(Properties.Finite(1.0), n)
        select (n, Spd(a, n, epsilon), g.Any(x => x != 0.0) ? g : Enumerable.Repeat(1.0, n).ToArray());
}
