using BenchmarkDotNet.Attributes;
using RlNotebooks.NaturalGradient;

namespace RlNotebooks.Benchmarks;

/// <summary>
/// Conjugate gradient on a d = 1000 SPD system reached only through a matrix–vector delegate (as TRPO reaches the Fisher).
/// M = D + S with D = diag(1, …, 1000) and a symmetric S with |Sᵢⱼ| ≤ 0.5/d, so M is SPD (Gershgorin) with κ(M) ≈ 10³.
/// "TrpoBudget" runs the 10 iterations TRPO typically allows; "ToTolerance" solves to a 1e-10 relative residual.
/// All buffers are allocated in GlobalSetup, so the solve itself should allocate nothing.
/// </summary>
[MemoryDiagnoser]
public class ConjugateGradientBenchmarks
{
    private const int Dimension = 1000;
    private double[] _matrix = [];
    private double[] _g = [];
    private double[] _solution = [];
    private double[] _residualNorms = [];
    private double[] _workspace = [];
    private MatVec _matVec = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _matrix = new double[Dimension * Dimension];
        for (int i = 0; i < Dimension; i++)
        {
            _matrix[i * Dimension + i] = 1.0 + i;
            for (int j = i + 1; j < Dimension; j++)
            {
                double s = (random.NextDouble() - 0.5) / Dimension;
                _matrix[i * Dimension + j] = s;
                _matrix[j * Dimension + i] = s;
            }
        }

        _g = new double[Dimension];
        for (int i = 0; i < Dimension; i++)
        {
            _g[i] = random.NextDouble() - 0.5;
        }

        _solution = new double[Dimension];
        _residualNorms = new double[Dimension + 1];
        _workspace = new double[3 * Dimension];
        _matVec = Multiply;
    }

    [Benchmark(Baseline = true)]
    public int TrpoBudget() =>
        ConjugateGradient.SolveInto(_matVec, _g, _solution, _residualNorms, _workspace, 0.0, 1e-10, 10);

    [Benchmark]
    public int ToTolerance() =>
        ConjugateGradient.SolveInto(_matVec, _g, _solution, _residualNorms, _workspace, 0.0, 1e-10, Dimension);

    private void Multiply(ReadOnlySpan<double> v, Span<double> result)
    {
        ReadOnlySpan<double> m = _matrix;
        for (int i = 0; i < Dimension; i++)
        {
            ReadOnlySpan<double> row = m.Slice(i * Dimension, Dimension);
            double sum = 0.0;
            for (int j = 0; j < Dimension; j++)
            {
                sum += row[j] * v[j];
            }

            result[i] = sum;
        }
    }
}
