using RlNotebooks.Buffers;
using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Buffers;

public class ReplayBufferTests
{
    /// <summary>Transition j is encoded in every field, so a sampled row can be checked for consistency.</summary>
    private static void AddEncoded(ReplayBuffer buffer, int j) =>
        buffer.Add([j, -j], [j + 0.5f], [j * 10.0], [j + 1f, -j - 1f], [j % 3 == 0]);

    [Fact]
    public void The_ring_keeps_the_newest_capacity_transitions_and_samples_whole_rows()
    {
        var buffer = new ReplayBuffer(capacity: 5, observationSize: 2, actionSize: 1, seed: 1);
        for (int j = 0; j < 8; j++)
        {
            AddEncoded(buffer, j);
        }

        Assert.Equal(5, buffer.Count);
        var batch = new ReplayBatch(5, 2, 1);
        for (int k = 0; k < 64; k++)
        {
            buffer.SampleInto(batch);
            AssertRowsAreTransitions(batch);
        }
    }

    private static void AssertRowsAreTransitions(ReplayBatch batch)
    {
        for (int b = 0; b < batch.Size; b++)
        {
            int j = (int)batch.Observations[2 * b];
            Assert.InRange(j, 3, 7);
            Assert.Equal(-j, batch.Observations[2 * b + 1]);
            Assert.Equal(j + 0.5f, batch.Actions[b]);
            Assert.Equal(j * 10.0, batch.Rewards[b]);
            Assert.Equal([j + 1f, -j - 1f], batch.NextObservations.AsSpan(2 * b, 2).ToArray());
            Assert.Equal(j % 3 == 0, batch.Terminated[b]);
        }
    }

    [Fact]
    public void Sampling_is_uniform_and_seeded()
    {
        static int[] Counts(int seed)
        {
            var buffer = new ReplayBuffer(10, 2, 1, seed);
            for (int j = 0; j < 10; j++)
            {
                AddEncoded(buffer, j);
            }

            var counts = new int[10];
            var batch = new ReplayBatch(10, 2, 1);
            for (int k = 0; k < 2000; k++)
            {
                buffer.SampleInto(batch);
                foreach (int index in batch.Indices)
                {
                    counts[index]++;
                }
            }

            return counts;
        }

        int[] counts = Counts(4);
        Assert.Equal(counts, Counts(4));
        Assert.NotEqual(counts, Counts(5));
        // 20 000 draws, p = 0.1 each: binomial sd = √(20000·0.1·0.9) ≈ 42.4; allow 5 sd.
        Assert.All(counts, c => Assert.InRange(c, 2000 - 212, 2000 + 212));
    }

    [Fact]
    public void Truncated_vector_steps_are_stored_as_not_terminated_with_their_final_observation()
    {
        var vector = VectorEnvironment.Create(() => new CartPoleEnvironment(maxEpisodeSteps: 2), 2);
        var buffer = new ReplayBuffer(16, 4, 1, seed: 0);
        var obs = new float[8];
        vector.Reset(seed: 1);
        for (int t = 0; t < 2; t++)
        {
            vector.Observations.CopyTo(obs, 0);
            vector.Step([1, 1]);
            buffer.Add(obs, [1f, 1f], vector);
        }

        Assert.Equal([false, false], vector.Terminated);
        Assert.Equal([true, true], vector.Truncated);
        ReplayBatch batch = buffer.Sample(4);
        for (int b = 0; b < 4; b++)
        {
            Assert.False(batch.Terminated[b]);
        }

        // Slots 2 and 3 hold the truncated steps: s′ is the final observation, not the reset one.
        var all = new ReplayBatch(4, 4, 1);
        for (int k = 0; k < 50; k++)
        {
            buffer.SampleInto(all);
            for (int b = 0; b < 4; b++)
            {
                if (all.Indices[b] >= 2)
                {
                    int i = all.Indices[b] - 2;
                    Assert.Equal(vector.NextObservations.AsSpan(i * 4, 4).ToArray(), all.NextObservations.AsSpan(b * 4, 4).ToArray());
                }
            }
        }
    }

    [Fact]
    public void Sampling_into_a_batch_allocates_nothing()
    {
        var buffer = new ReplayBuffer(1000, 4, 1, seed: 2);
        for (int j = 0; j < 1000; j++)
        {
            buffer.Add([j, j, j, j], [1f], [1.0], [j, j, j, j], [false]);
        }

        var batch = new ReplayBatch(256, 4, 1);
        Assert.Equal(0, Allocations.LeastBytes(() =>
        {
            for (int k = 0; k < 100; k++)
            {
                buffer.SampleInto(batch);
                buffer.Add([1f, 2f, 3f, 4f], [0f], [0.5], [1f, 2f, 3f, 4f], [true]);
            }
        }));
    }

    [Fact]
    public void Oversampling_and_mismatched_shapes_are_named_errors()
    {
        var buffer = new ReplayBuffer(8, 2, 1, seed: 0);
        AddEncoded(buffer, 1);
        AddEncoded(buffer, 2);
        var over = Assert.ThrowsAny<ArgumentException>(() => buffer.Sample(3));
        Assert.Equal("batchSize", over.ParamName);
        Assert.Contains("2 transitions stored", over.Message);
        Assert.Equal("batch", Assert.ThrowsAny<ArgumentException>(() => buffer.SampleInto(new ReplayBatch(3, 2, 1))).ParamName);
        Assert.ThrowsAny<ArgumentException>(() => buffer.SampleInto(new ReplayBatch(1, 3, 1)));
        Assert.Equal("observations", Assert.ThrowsAny<ArgumentException>(() => buffer.Add([1f], [0f], [0.0], [1f, 2f], [false])).ParamName);
        Assert.Equal("actions", Assert.ThrowsAny<ArgumentException>(() => buffer.Add([1f, 2f], [0f, 1f], [0.0], [1f, 2f], [false])).ParamName);
        Assert.Equal("nextObservations", Assert.ThrowsAny<ArgumentException>(() => buffer.Add([1f, 2f], [0f], [0.0], [1f], [false])).ParamName);
        Assert.Equal("terminated", Assert.ThrowsAny<ArgumentException>(() => buffer.Add([1f, 2f], [0f], [0.0], [1f, 2f], [false, true])).ParamName);
        Assert.Equal("rewards", Assert.ThrowsAny<ArgumentException>(() => buffer.Add([1f, 2f], [0f], [double.NaN], [1f, 2f], [false])).ParamName);
        Assert.Equal(2, buffer.Count);
    }
}
