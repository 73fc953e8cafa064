using FsCheck;
using FsCheck.Fluent;

namespace RlNotebooks.Tests.Support;

/// <summary>A flat rollout batch in the library's episode-boundary convention.</summary>
public sealed record Rollout(double[] Rewards, double[] Values, double[] NextValues, bool[] Terminated, bool[] Truncated)
{
    public int Length => Rewards.Length;

    public static Rollout Concat(IReadOnlyList<Rollout> parts) => new(
        parts.SelectMany(p => p.Rewards).ToArray(),
        parts.SelectMany(p => p.Values).ToArray(),
        parts.SelectMany(p => p.NextValues).ToArray(),
        parts.SelectMany(p => p.Terminated).ToArray(),
        parts.SelectMany(p => p.Truncated).ToArray());

    public override string ToString() =>
        $"r=[{string.Join(", ", Rewards)}] v=[{string.Join(", ", Values)}] nv=[{string.Join(", ", NextValues)}] " +
        $"term=[{string.Join(", ", Terminated)}] trunc=[{string.Join(", ", Truncated)}]";
}

/// <summary>Generators of episodes, multi-episode batches and discount/trace parameters.</summary>
public static class Rollouts
{
    /// <summary>γ or λ in [0, 1], with the end points 0 and 1 generated often.</summary>
    public static Gen<double> UnitParameter =>
        Gen.Frequency((1, Gen.Constant(0.0)), (1, Gen.Constant(1.0)), (4, Properties.Between(0.0, 1.0)));

    /// <summary>
    /// One episode of 1..12 steps whose nextValues are consistent with its values. Its last step is terminated, truncated or both; when <paramref name="allowCutOff"/>,
    /// it may also carry no flag at all (a rollout cut-off, only valid as the last episode of a batch).
    /// </summary>
    public static Gen<Rollout> Episode(bool allowCutOff) =>
        from length in Gen.Choose(1, 12)
        from rewards in Gen.ArrayOf(Properties.Finite(), length)
        from values in Gen.ArrayOf(Properties.Finite(20.0), length)
        from finalValue in Properties.Finite(20.0)
        from kind in Gen.Choose(0, allowCutOff ? 3 : 2)
        select Build(rewards, values, finalValue, kind);

    /// <summary>1..5 episodes; the last one may be cut off by the rollout end.</summary>
    public static Gen<Rollout[]> Episodes =>
        from count in Gen.Choose(1, 5)
        from head in Gen.ArrayOf(Episode(false), count - 1)
        from last in Episode(true)
        select head.Append(last).ToArray();

    /// <summary>A batch of 1..5 concatenated episodes with a discount γ and a trace parameter λ (the GAE and λ-return cases).</summary>
    public static Gen<(Rollout batch, double gamma, double lambda)> BatchGammaLambda =>
        from episodes in Episodes
        from gamma in UnitParameter
        from lambda in UnitParameter
        select (Rollout.Concat(episodes), gamma, lambda);

    /// <summary>
    /// Property: an estimator run on random episodes concatenated into one batch equals it run on each episode alone, the
    /// results concatenated (every recursion is cut at the episode boundaries). <paramref name="assertEqual"/>(pieces, whole)
    /// compares the two (exactly, or with a tolerance where the kernel's pairing of steps changes the rounding).
    /// </summary>
    public static void CheckBatchEqualsEachEpisode<TParameters>(Gen<TParameters> parameters, Func<Rollout, TParameters, double[]> estimate,
        Action<double[], double[]> assertEqual)
    {
        var gen = from episodes in Episodes
                  from p in parameters
                  select (episodes, p);
        Properties.Check(gen, c =>
        {
            double[] whole = estimate(Rollout.Concat(c.episodes), c.p);
            double[] pieces = c.episodes.SelectMany(e => estimate(e, c.p)).ToArray();
            assertEqual(pieces, whole);
        });
    }

    /// <summary>
    /// Property: whichever of the named inputs ("rewards", "values", "nextValues") gets one non-finite entry (NaN or ±∞, at a
    /// random step of a random batch, whatever the episode flags there), <paramref name="estimate"/> throws an ArgumentException
    /// whose ParamName is that input and whose message names the index.
    /// </summary>
    public static void CheckNonFiniteInputIsNamed<TParameters>(Gen<TParameters> parameters, string[] inputNames,
        Action<Rollout, TParameters> estimate)
    {
        var gen = from episodes in Episodes
                  from which in Gen.Choose(0, inputNames.Length - 1)
                  from bad in Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity)
                  from seed in Gen.Choose(0, 1000)
                  from p in parameters
                  select (b: Rollout.Concat(episodes), which, bad, seed, p);
        Properties.Check(gen, c =>
        {
            int k = c.seed % c.b.Length;
            string input = inputNames[c.which];
            Rollout poisoned = Poison(c.b, input, k, c.bad);
            var ex = Assert.ThrowsAny<ArgumentException>(() => estimate(poisoned, c.p));
            Assert.Equal(input, ex.ParamName);
            Assert.Contains($"[{k}]", ex.Message);
        });
    }

    /// <summary>A copy of <paramref name="batch"/> whose <paramref name="input"/>[k] is <paramref name="bad"/>.</summary>
    private static Rollout Poison(Rollout batch, string input, int k, double bad)
    {
        double[] With(double[] x)
        {
            var y = (double[])x.Clone();
            y[k] = bad;
            return y;
        }

        return input switch
        {
            "rewards" => batch with { Rewards = With(batch.Rewards) },
            "values" => batch with { Values = With(batch.Values) },
            "nextValues" => batch with { NextValues = With(batch.NextValues) },
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, "not a rollout input"),
        };
    }

    /// <summary>Within an episode V(sₜ₊₁) is the next step's V, so nextValues[t] = values[t+1]; the last slot holds V of the final observation.</summary>
    private static Rollout Build(double[] rewards, double[] values, double finalValue, int kind)
    {
        int n = rewards.Length;
        double[] nextValues = [.. values[1..], finalValue];
        var terminated = new bool[n];
        var truncated = new bool[n];
        terminated[n - 1] = kind is 0 or 2;
        truncated[n - 1] = kind is 1 or 2;
        return new Rollout(rewards, values, nextValues, terminated, truncated);
    }
}
