using RlNotebooks.Advantages;
using RlNotebooks.Buffers;
using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Buffers;

public class RolloutBufferTests
{
    /// <summary>A critic that depends on the whole observation, so the final and the reset observation get different values.</summary>
    private static double V(ReadOnlySpan<float> o) => 3.0 * o[0] - 2.0 * o[1] + 0.5 * o[2];

    private static void Critic(ReadOnlySpan<float> observations, Span<double> values)
    {
        for (int j = 0; j < values.Length; j++)
        {
            values[j] = V(observations.Slice(j * 3, 3));
        }
    }

    [Fact]
    public void A_vector_rollout_bootstraps_truncated_episodes_from_their_final_observation()
    {
        // Two pendulums with a 4-step limit over T = 10 steps: each truncates at t = 3 and t = 7, and t = 9 is a cut-off.
        const int steps = 10, n = 2;
        const double gamma = 0.9, lambda = 0.8;
        var vector = VectorEnvironment.Create(() => new PendulumEnvironment(maxEpisodeSteps: 4), n);
        var buffer = new RolloutBuffer(steps, n, vector.ObservationSize, vector.ActionSize);
        var obs = new float[n * 3];
        float[] actions = [0.5f, -1f];
        var values = new double[n];
        var logProbs = new double[n];
        var finalValues = new double[steps, n];
        var resetValues = new double[steps, n];
        vector.Reset(seed: 3);
        for (int t = 0; t < steps; t++)
        {
            vector.Observations.CopyTo(obs, 0);
            Critic(obs, values);
            vector.Step(actions);
            buffer.Add(obs, actions, logProbs, values, vector);
            for (int i = 0; i < n; i++)
            {
                finalValues[t, i] = V(vector.NextObservations.AsSpan(i * 3, 3));
                resetValues[t, i] = V(vector.Observations.AsSpan(i * 3, 3));
            }
        }

        buffer.Finish(Critic, gamma, lambda);

        for (int i = 0; i < n; i++)
        {
            // The expected estimate, by the GAE recursion written out: δₜ = rₜ₊₁ + γ V(sₜ₊₁) − V(sₜ) with V(sₜ₊₁) of the final
            // observation after the truncations and at the cut-off, of the next row inside an episode; Âₜ = δₜ + γλ(1 − doneₜ)Âₜ₊₁.
            var expected = new double[steps];
            double next = 0.0;
            for (int t = steps - 1; t >= 0; t--)
            {
                int row = t * n + i;
                bool truncated = (t + 1) % 4 == 0;
                Assert.Equal(truncated, buffer.Truncated[row]);
                Assert.False(buffer.Terminated[row]);
                double nextValue = truncated || t == steps - 1 ? finalValues[t, i] : buffer.Values[row + n];
                Assert.Equal(nextValue, buffer.NextValues[row]);
                if (truncated)
                {
                    Assert.NotEqual(resetValues[t, i], buffer.NextValues[row]); // not V of the next episode's first observation
                }

                double delta = buffer.Rewards[row] + gamma * nextValue - buffer.Values[row];
                next = delta + gamma * lambda * (truncated ? 0.0 : next);
                expected[t] = next;
            }

            double[] actual = Enumerable.Range(0, steps).Select(t => buffer.Advantages[t * n + i]).ToArray();
            Approx.Equal(expected, actual, 1e-12);
            Approx.Equal(expected.Select((a, t) => a + buffer.Values[t * n + i]).ToArray(),
                Enumerable.Range(0, steps).Select(t => buffer.ValueTargets[t * n + i]).ToArray(), 1e-12);
        }
    }

    [Fact]
    public void Termination_bootstraps_zero_and_each_column_is_its_own_gae()
    {
        // N = 2, T = 3, d = 1. Environment 0 terminates at t = 1; environment 1 is truncated at t = 0.
        var buffer = new RolloutBuffer(3, 2, 1, 1);
        double[][] rewards = [[1, 2], [3, 4], [5, 6]];
        double[][] values = [[0.5, 0.25], [1.5, 2.5], [-1, 2]];
        bool[][] terminated = [[false, false], [true, false], [false, false]];
        bool[][] truncated = [[false, true], [false, false], [false, false]];
        float[][] next = [[10, 20], [30, 40], [50, 60]];
        for (int t = 0; t < 3; t++)
        {
            buffer.Add([0f, 0f], [0f, 1f], [0.0, 0.0], values[t], rewards[t], terminated[t], truncated[t], next[t]);
        }

        var asked = new List<float>();
        buffer.Finish((o, v) =>
        {
            asked.AddRange(o.ToArray());
            for (int j = 0; j < v.Length; j++)
            {
                v[j] = o[j] / 10.0;
            }
        }, 0.9, 0.7);

        // Inside episodes V(sₜ₊₁) is the next row's value (1.5 and 2); (t = 1, i = 0) terminated → 0; the critic is asked only
        // for (t = 0, i = 1) truncated → V(20) = 2 and the cut-off row t = 2 → V(50) = 5, V(60) = 6.
        Assert.Equal([20f, 50f, 60f], asked);
        Assert.Equal([1.5, 2.0, 0.0, 2.0, 5.0, 6.0], buffer.NextValues);

        for (int i = 0; i < 2; i++)
        {
            GaeEstimate column = Gae.Estimate(
                [rewards[0][i], rewards[1][i], rewards[2][i]], [values[0][i], values[1][i], values[2][i]],
                [buffer.NextValues[i], buffer.NextValues[2 + i], buffer.NextValues[4 + i]],
                [terminated[0][i], terminated[1][i], terminated[2][i]], [truncated[0][i], truncated[1][i], truncated[2][i]], 0.9, 0.7);
            Assert.Equal(column.Advantages, new[] { buffer.Advantages[i], buffer.Advantages[2 + i], buffer.Advantages[4 + i] });
            Assert.Equal(column.ValueTargets, new[] { buffer.ValueTargets[i], buffer.ValueTargets[2 + i], buffer.ValueTargets[4 + i] });
        }
    }

    [Fact]
    public void Bad_shapes_values_and_overfilling_are_named_errors()
    {
        var buffer = new RolloutBuffer(1, 2, 3, 1);
        float[] obs = new float[6], act = new float[2];
        double[] two = new double[2];
        bool[] flags = new bool[2];
        var shape = Assert.ThrowsAny<ArgumentException>(() => buffer.Add(new float[5], act, two, two, two, flags, flags, obs));
        Assert.Equal("observations", shape.ParamName);
        Assert.Equal("actions", Assert.ThrowsAny<ArgumentException>(() => buffer.Add(obs, new float[3], two, two, two, flags, flags, obs)).ParamName);
        Assert.Equal("nextObservations", Assert.ThrowsAny<ArgumentException>(() => buffer.Add(obs, act, two, two, two, flags, flags, new float[3])).ParamName);
        var nan = Assert.ThrowsAny<ArgumentException>(() => buffer.Add(obs, act, two, [0, double.NaN], two, flags, flags, obs));
        Assert.Equal("values", nan.ParamName);
        Assert.Contains("[1]", nan.Message);
        Assert.Throws<InvalidOperationException>(() => buffer.Finish(Critic, 0.9, 0.9));

        buffer.Add(obs, act, two, two, two, flags, flags, obs);
        Assert.Throws<InvalidOperationException>(() => buffer.Add(obs, act, two, two, two, flags, flags, obs));
        Assert.ThrowsAny<ArgumentException>(() => buffer.Finish(Critic, 1.1, 0.9));
        var badCritic = Assert.ThrowsAny<ArgumentException>(() => buffer.Finish((o, v) => v.Fill(double.NaN), 0.9, 0.9));
        Assert.Equal("value", badCritic.ParamName);
        buffer.Clear();
        Assert.Equal(0, buffer.Count);
    }
}
