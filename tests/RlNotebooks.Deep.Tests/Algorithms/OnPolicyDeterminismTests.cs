using RlNotebooks.Charts;
using RlNotebooks.Deep.Algorithms;

namespace RlNotebooks.Deep.Tests.Algorithms;

/// <summary>
/// Same seed → identical training episodes (all but the wall-clock Seconds) and identical per-iteration logs, for PPO with a
/// Gaussian (Pendulum-v1) and a categorical (CartPole-v1) policy and for A2C (categorical; A2C here has no Gaussian policy).
/// The second run of each pair differs in everything that must not matter: it starts on a managed heap with other objects
/// on it (so arrays handed to libtorch sit at other addresses and alignments), and it reports to a progress display whose
/// throttling follows the wall clock (so it allocates its lines at other moments).
/// </summary>
public sealed class OnPolicyDeterminismTests
{
    [Fact]
    public void Ppo_with_a_gaussian_policy_repeats_its_episodes_and_log_exactly()
    {
        var config = PpoConfig.Pendulum with { TotalSteps = 6 * PpoConfig.Pendulum.BatchSize };
        PpoResult first = Ppo.Train(config, seed: 3);
        PpoResult second = Disturbed(progress => Ppo.Train(config, seed: 3, progress));

        Assert.True(first.Episodes.Count >= 16, $"only {first.Episodes.Count} episodes");
        Assert.Equal(WithoutSeconds(first.Episodes), WithoutSeconds(second.Episodes));
        Assert.Equal(first.Iterations, second.Iterations);
    }

    [Fact]
    public void Ppo_with_a_categorical_policy_repeats_its_episodes_and_log_exactly()
    {
        var config = PpoConfig.CartPole with { TotalSteps = 8 * PpoConfig.CartPole.BatchSize };
        PpoResult first = Ppo.Train(config, seed: 4);
        PpoResult second = Disturbed(progress => Ppo.Train(config, seed: 4, progress));

        Assert.NotEmpty(first.Episodes);
        Assert.Equal(WithoutSeconds(first.Episodes), WithoutSeconds(second.Episodes));
        Assert.Equal(first.Iterations, second.Iterations);
        Assert.NotEqual(first.Episodes.Select(e => e.Return), Ppo.Train(config, seed: 5).Episodes.Select(e => e.Return));
    }

    [Fact]
    public void A2c_repeats_its_episodes_and_log_exactly()
    {
        var config = A2cConfig.CartPole with { TotalSteps = 3000, StopAtRollingReturn = null };
        A2cResult first = A2c.Train(config, 7);
        A2cResult second = Disturbed(progress => A2c.Train(config, 7, progress));

        Assert.NotEmpty(first.Episodes);
        Assert.Equal(WithoutSeconds(first.Episodes), WithoutSeconds(second.Episodes));
        Assert.Equal(first.Iterations, second.Iterations);
        Assert.NotEqual(first.Episodes.Select(e => e.Return), A2c.Train(config, 8).Episodes.Select(e => e.Return));
    }

    private static EpisodeRecord[] WithoutSeconds(IEnumerable<EpisodeRecord> episodes) => [.. episodes.Select(e => e with { Seconds = 0 })];

    /// <summary>Runs <paramref name="train"/> after moving the heap on, with a progress display that updates on every report.</summary>
    private static T Disturbed<T>(Func<TrainingProgress, T> train)
    {
        var ballast = new List<byte[]>();
        var sizes = new Random(12345);
        for (int k = 0; k < 97; k++)
        {
            ballast.Add(new byte[sizes.Next(1, 4096)]);
        }

        GC.Collect();
        var handle = new RecordingHandle();
        T result = train(TrainingProgress.Start(_ => handle, 1_000_000, "determinism", minInterval: TimeSpan.Zero));
        GC.KeepAlive(ballast);
        Assert.NotEmpty(handle.Lines);
        return result;
    }

    /// <summary>A display handle like the notebook's: keeps every line it is updated with.</summary>
    private sealed class RecordingHandle
    {
        public List<object> Lines { get; } = [];

        public void Update(object value) => Lines.Add(value);
    }
}
