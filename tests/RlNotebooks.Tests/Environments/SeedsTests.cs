using FsCheck.Fluent;
using RlNotebooks.Environments;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Environments;

public class SeedsTests
{
    [Theory]
    // Reference outputs of Vigna's splitmix64.c: from x = 0 the first three outputs are next() at states 0, γ, 2γ
    // (γ = 0x9E3779B97F4A7C15); from x = 1234567 the first output is 6457827717110365317 (the xoshiro test-suite vector).
    [InlineData(0UL, 0xE220A8397B1DCDAFUL)]
    [InlineData(0x9E3779B97F4A7C15UL, 0x6E789E6AA1B965F4UL)]
    [InlineData(0x3C6EF372FE94F82AUL, 0x06C45D188009454FUL)]
    [InlineData(1234567UL, 6457827717110365317UL)]
    public void SplitMix64_matches_the_reference_implementation(ulong state, ulong expected)
    {
        Assert.Equal(expected, Seeds.SplitMix64(state));
    }

    [Fact]
    public void Seeds_are_deterministic_non_negative_and_distinct_across_runs_and_streams()
    {
        var seen = new HashSet<int>();
        for (int stream = 0; stream < 2; stream++)
        {
            for (int run = 0; run < 1000; run++)
            {
                int seed = Seeds.For(run, stream);
                Assert.Equal(seed, Seeds.For(run, stream));
                Assert.True(seed >= 0);
                Assert.True(seen.Add(seed), $"seed of (run {run}, stream {stream}) repeats an earlier one");
            }
        }
    }

    [Fact]
    public void Every_int_pair_gives_a_seed_in_range()
    {
        Properties.Check(
            from run in Gen.Choose(-1_000_000_000, 1_000_000_000)
            from stream in Gen.Choose(-1_000_000_000, 1_000_000_000)
            select (run, stream),
            pair => Seeds.For(pair.run, pair.stream) >= 0);
        Assert.True(Seeds.For(int.MinValue, int.MinValue) >= 0);
        Assert.True(Seeds.For(int.MaxValue, int.MaxValue) >= 0);
    }

    [Fact]
    public void CreateRandom_reproduces_the_stream_of_its_seed()
    {
        Random a = Seeds.CreateRandom(7, stream: 3), b = new(Seeds.For(7, 3));
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(b.NextDouble(), a.NextDouble());
        }
    }

    [Fact]
    public void Streams_of_mixed_seeds_average_like_independent_streams_while_consecutive_raw_seeds_do_not()
    {
        // For each draw index i < 2000, average the i-th NextDouble over runs 0..1999. Independent streams give means with
        // standard error √(1/12/2000) ≈ 0.0065; the largest of 2000 such |z| exceeds 5 with probability ≈ 1e-3.
        const int runs = 2000, draws = 2000;
        double standardError = Math.Sqrt(1.0 / 12.0 / runs);
        Assert.True(LargestZ(run => Seeds.CreateRandom(run)) < 5.0);
        // The reason this class exists: raw consecutive seeds give some draw indices a mean dozens of standard errors off.
        Assert.True(LargestZ(run => new Random(run)) > 10.0);

        double LargestZ(Func<int, Random> create)
        {
            var mean = new double[draws];
            for (int run = 0; run < runs; run++)
            {
                Random random = create(run);
                for (int i = 0; i < draws; i++)
                {
                    mean[i] += (random.NextDouble() - 0.5) / runs;
                }
            }

            double largest = 0.0;
            foreach (double m in mean)
            {
                largest = Math.Max(largest, Math.Abs(m) / standardError);
            }

            return largest;
        }
    }
}
