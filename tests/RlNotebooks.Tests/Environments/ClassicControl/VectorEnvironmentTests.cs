using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Environments.ClassicControl;

public class VectorEnvironmentTests
{
    [Fact]
    public void Same_step_autoreset_reports_the_final_observation_and_starts_the_next_episode()
    {
        // Two CartPoles with a 3-step limit, stepped alongside single copies seeded as the vector seeds them (s + i).
        var vector = VectorEnvironment.Create(() => new CartPoleEnvironment(maxEpisodeSteps: 3), 2);
        var singles = new[] { new CartPoleEnvironment(3), new CartPoleEnvironment(3) };
        var single = new float[2][];
        vector.Reset(seed: 10);
        for (int i = 0; i < 2; i++)
        {
            single[i] = singles[i].Reset(seed: 10 + i);
            Assert.Equal(single[i], vector.Observations.AsSpan(i * 4, 4).ToArray());
        }

        int[] actions = [1, 0];
        for (int t = 1; t <= 3; t++)
        {
            vector.Step(actions);
            for (int i = 0; i < 2; i++)
            {
                ControlStep step = singles[i].Step(actions[i], single[i]);
                Assert.Equal((step.Reward, step.Terminated, step.Truncated), (vector.Rewards[i], vector.Terminated[i], vector.Truncated[i]));
                Assert.Equal(single[i], vector.NextObservations.AsSpan(i * 4, 4).ToArray());
                if (t < 3)
                {
                    Assert.Equal(single[i], vector.Observations.AsSpan(i * 4, 4).ToArray());
                }
            }
        }

        // Step 3 truncated both: NextObservations hold the final observations, Observations the next episodes' first ones.
        Assert.Equal([true, true], vector.Truncated);
        for (int i = 0; i < 2; i++)
        {
            float[] next = singles[i].Reset();
            Assert.Equal(next, vector.Observations.AsSpan(i * 4, 4).ToArray());
            Assert.NotEqual(next, vector.NextObservations.AsSpan(i * 4, 4).ToArray());
            Assert.Equal(new EpisodeStatistics(3.0, 3), vector.FinishedEpisodes[i]);
        }

        Assert.Equal(2, vector.EpisodeCount);
        Assert.Equal(6, vector.TotalSteps);
        Assert.Equal(2, vector.RecentEpisodes.Count);
        Assert.Equal(3.0, vector.RecentEpisodes.MeanReturn);

        vector.Step(actions);
        Assert.Equal([false, false], vector.Truncated);
        Assert.Equal(vector.Observations, vector.NextObservations);
    }

    [Fact]
    public void Continuous_actions_are_rows_of_a_flat_array_and_episode_returns_add_up()
    {
        var vector = VectorEnvironment.Create(() => new PendulumEnvironment(maxEpisodeSteps: 4), 3);
        vector.Reset(seed: 0);
        Assert.Equal((3, 3, 1), (vector.Count, vector.ObservationSize, vector.ActionSize));
        float[] actions = [-2f, 0f, 2f];
        var returns = new double[3];
        for (int t = 0; t < 4; t++)
        {
            vector.Step(actions);
            for (int i = 0; i < 3; i++)
            {
                returns[i] += vector.Rewards[i];
            }
        }

        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(new EpisodeStatistics(returns[i], 4), vector.FinishedEpisodes[i]));
        Assert.Equal(returns.Average(), vector.RecentEpisodes.MeanReturn, 12);
    }

    [Fact]
    public void Same_seed_gives_the_same_batched_trajectory()
    {
        static double[] Run(int seed)
        {
            var vector = VectorEnvironment.Create(() => new AcrobotEnvironment(maxEpisodeSteps: 20), 4);
            var random = new Random(5);
            var actions = new int[4];
            var trace = new List<double>();
            vector.Reset(seed);
            for (int t = 0; t < 60; t++)
            {
                for (int i = 0; i < 4; i++)
                {
                    actions[i] = random.Next(3);
                }

                vector.Step(actions);
                trace.AddRange(vector.Observations.Select(x => (double)x));
            }

            return [.. trace];
        }

        Assert.Equal(Run(1), Run(1));
        Assert.NotEqual(Run(1), Run(2));
    }

    [Fact]
    public void Bad_actions_name_their_index_and_step_no_copy()
    {
        var discrete = VectorEnvironment.Create(() => new CartPoleEnvironment(), 3);
        var before = Assert.Throws<ArgumentException>(() => discrete.Step([0, 1, 0]));
        Assert.Contains("Reset", before.Message);
        discrete.Reset(seed: 0);
        var ex = Assert.ThrowsAny<ArgumentException>(() => discrete.Step([0, 1, 2]));
        Assert.Equal("actions", ex.ParamName);
        Assert.Contains("actions[2] = 2", ex.Message);
        Assert.Equal(0, discrete.TotalSteps);
        Assert.ThrowsAny<ArgumentException>(() => discrete.Step([0, 1]));
        Assert.ThrowsAny<ArgumentException>(() => discrete.Step([0f, 1f, 0f])); // float actions for a discrete task

        var continuous = VectorEnvironment.Create(() => new MountainCarContinuousEnvironment(), 2);
        continuous.Reset(seed: 0);
        var nan = Assert.ThrowsAny<ArgumentException>(() => continuous.Step([0.5f, float.NaN]));
        Assert.Contains("actions[1] = NaN", nan.Message);
        Assert.ThrowsAny<ArgumentException>(() => continuous.Step([1.5f, 0f]));
        Assert.Equal(0, continuous.TotalSteps);
        Assert.All(continuous.Environments, e => Assert.Equal(0, e.ElapsedSteps));
    }

    [Fact]
    public void Copies_must_be_distinct_instances_of_one_task()
    {
        var env = new CartPoleEnvironment();
        Assert.Throws<ArgumentException>(() => new VectorEnvironment([env, env]));
        Assert.Throws<ArgumentException>(() => new VectorEnvironment([new CartPoleEnvironment(), new AcrobotEnvironment()]));
        Assert.Throws<ArgumentException>(() => new VectorEnvironment([new CartPoleEnvironment(), new CartPoleEnvironment(10)]));
        Assert.Throws<ArgumentException>(() => new VectorEnvironment([]));
    }

    [Fact]
    public void Steps_with_autoresets_allocate_nothing()
    {
        var vector = VectorEnvironment.Create(() => new CartPoleEnvironment(), 8);
        var actions = new int[8];
        vector.Reset(seed: 0);
        Assert.Equal(0, Allocations.LeastBytes(() =>
        {
            for (int t = 0; t < 2000; t++)
            {
                for (int i = 0; i < 8; i++)
                {
                    actions[i] = (t + i) % 3 == 0 ? 1 : 0;
                }

                vector.Step(actions);
            }
        }));
        Assert.True(vector.EpisodeCount > 100);
    }
}
