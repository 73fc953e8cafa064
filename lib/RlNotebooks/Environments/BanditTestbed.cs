using RlNotebooks.Distributions;
using RlNotebooks.Validation;

namespace RlNotebooks.Environments;

/// <summary>
/// One k-armed bandit problem of the 10-armed testbed (Sutton &amp; Barto §2.3, p. 28): true values
/// q*(a) ~ 𝒩(μ, 1) drawn once, and each pull of arm a pays Rₜ ~ 𝒩(q*(a), 1).
/// Nonstationary variant (Exercise 2.5, p. 33): all q*(a) start equal to μ and, after every pull, each takes an
/// independent random-walk step 𝒩(0, σ²) (σ = 0.01 in the book).
/// The problem owns its seeded <see cref="Random"/>: the same seed gives the same q* and the same reward sequence
/// for the same arms pulled.
/// </summary>
public sealed class BanditTestbed
{
    private readonly double[] _trueValues;
    private readonly Random _random;

    private BanditTestbed(int armCount, int seed, double mean, double walkStd)
    {
        Guard.AtLeast(armCount, 1);
        Guard.Finite(mean);
        Guard.NonNegative(walkStd);
        _random = new Random(seed);
        _trueValues = new double[armCount];
        for (int a = 0; a < armCount; a++)
        {
            _trueValues[a] = walkStd > 0.0 ? mean : mean + StandardNormal.Sample(_random);
        }

        RandomWalkStd = walkStd;
    }

    /// <summary>A stationary problem: q*(a) ~ 𝒩(<paramref name="mean"/>, 1), fixed (μ = 4 reproduces Figure 2.5's setting).</summary>
    public static BanditTestbed Stationary(int armCount = 10, int seed = 0, double mean = 0.0) => new(armCount, seed, mean, 0.0);

    /// <summary>A nonstationary problem: q*(a) = <paramref name="start"/> initially, then random walks with step 𝒩(0, σ²).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="walkStd"/> is not finite and &gt; 0.</exception>
    public static BanditTestbed Nonstationary(int armCount = 10, int seed = 0, double walkStd = 0.01, double start = 0.0)
    {
        Guard.Positive(walkStd);
        return new BanditTestbed(armCount, seed, start, walkStd);
    }

    /// <summary>k, the number of arms.</summary>
    public int ArmCount => _trueValues.Length;

    /// <summary>σ of the random-walk step (0 for a stationary problem).</summary>
    public double RandomWalkStd { get; }

    /// <summary>The current true values q*(a).</summary>
    public ReadOnlySpan<double> TrueValues => _trueValues;

    /// <summary>argmaxₐ q*(a) (lowest index on ties), the arm an oracle would pull now.</summary>
    public int OptimalAction
    {
        get
        {
            int best = 0;
            for (int a = 1; a < _trueValues.Length; a++)
            {
                if (_trueValues[a] > _trueValues[best])
                {
                    best = a;
                }
            }

            return best;
        }
    }

    /// <summary>Pulls arm <paramref name="action"/>: returns R ~ 𝒩(q*(a), 1), then (nonstationary) moves every q*.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="action"/> is not in [0, k−1].</exception>
    public double Pull(int action)
    {
        Guard.Index(action, _trueValues.Length);
        double reward = _trueValues[action] + StandardNormal.Sample(_random);
        if (RandomWalkStd > 0.0)
        {
            for (int a = 0; a < _trueValues.Length; a++)
            {
                _trueValues[a] += RandomWalkStd * StandardNormal.Sample(_random);
            }
        }

        return reward;
    }
}
