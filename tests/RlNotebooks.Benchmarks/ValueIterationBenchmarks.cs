using BenchmarkDotNet.Attributes;
using RlNotebooks.Bellman;

namespace RlNotebooks.Benchmarks;

/// <summary>
/// Value iteration on a seeded random MDP with 10⁴ states, 4 actions and 5 successors per (s, a) (2·10⁵ stored outcomes), γ = 0.9.
/// </summary>
[MemoryDiagnoser]
public class ValueIterationBenchmarks
{
    private const int States = 10_000, Actions = 4, Successors = 5;

    private TabularMdp _mdp = null!;
    private double[] _values = null!;
    private double[] _destination = null!;

    /// <summary>Builds the MDP and a V to back up.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(12345);
        var outcomes = new Outcome[States * Actions][];
        for (int sa = 0; sa < outcomes.Length; sa++)
        {
            var row = new Outcome[Successors];
            for (int i = 0; i < Successors; i++)
            {
                row[i] = new Outcome(random.Next(States), 1.0 / Successors, random.NextDouble() * 2 - 1);
            }

            outcomes[sa] = row;
        }

        _mdp = new TabularMdp(States, Actions, outcomes, 0.9, [0, 1, 2]);
        _values = ValueIteration.Run(_mdp, 1e-3).Values;
        _destination = new double[States];
    }

    /// <summary>One synchronous optimality backup sweep T* V (no allocation).</summary>
    [Benchmark]
    public double OptimalityBackupSweep() => BellmanOperators.OptimalityVInto(_mdp, _values, _destination);

    /// <summary>Full value iteration from V₀ = 0 to θ = 1e-6.</summary>
    [Benchmark]
    public int ValueIterationToConvergence() => ValueIteration.Run(_mdp, 1e-6).Sweeps;
}
