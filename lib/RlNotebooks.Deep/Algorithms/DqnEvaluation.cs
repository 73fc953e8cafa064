using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Returns;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>Q_θ(sₜ, aₜ) of a visited state and the discounted return Gₜ = Σₖ γᵏ rₜ₊ₖ₊₁ actually obtained from it.</summary>
/// <param name="Episode">Which evaluation episode.</param>
/// <param name="Time">t, the step within the episode.</param>
/// <param name="Q">The learned estimate Q_θ(sₜ, aₜ) (aₜ greedy, so also maxₐ Q_θ(sₜ, a)).</param>
/// <param name="Return">The Monte Carlo return Gₜ from sₜ to the episode's end.</param>
public readonly record struct VisitedStateValue(int Episode, int Time, double Q, double Return)
{
    /// <summary>Q − G: positive where Q_θ over-estimates what the policy actually gets.</summary>
    public double Overestimation => Q - Return;
}

/// <summary>One over-estimation checkpoint: greedy episodes of Q_θ as training had left it at environment step <paramref name="Step"/>.</summary>
/// <param name="Step">Training environment steps so far.</param>
/// <param name="Q">Mean Q_θ(sₜ, aₜ) over the visited states with t below the task's training time limit.</param>
/// <param name="Return">Mean discounted return Gₜ obtained from those states.</param>
/// <param name="EpisodeLength">Mean length of the greedy episodes (up to the raised evaluation limit).</param>
public readonly record struct DqnCheckpoint(long Step, double Q, double Return, double EpisodeLength)
{
    /// <summary>Q − G: positive where Q_θ over-estimates what its greedy policy actually gets.</summary>
    public double Overestimation => Q - Return;
}

/// <summary>
/// Does the learned Q-value reflect the true one? Runs the greedy policy aₜ = argmaxₐ Q_θ(sₜ, a) and records, for every
/// visited state, Q_θ(sₜ, aₜ) beside the discounted return Gₜ obtained from it (van Hasselt et al. 2016, Fig. 3, compare
/// value estimates with the discounted return of the final policy).
/// </summary>
public static class DqnEvaluation
{
    /// <summary>Greedy episodes per checkpoint.</summary>
    public const int CheckpointEpisodes = 5;

    /// <summary>A checkpoint's evaluation time limit as a multiple of the task's (CartPole: 3 × 500 = 1 500 steps).</summary>
    public const int LimitMultiple = 3;

    /// <summary>Added to the training seed to seed the evaluation copies, so they start apart from the training copies.</summary>
    public const int SeedOffset = 1_000;

    /// <summary>
    /// One over-estimation checkpoint of <paramref name="agent"/>'s current Q_θ: <see cref="CheckpointEpisodes"/> greedy
    /// episodes with the time limit raised to <see cref="LimitMultiple"/> × the task's limit T, and the mean Q_θ(sₜ, aₜ) and
    /// Gₜ over the states visited at t &lt; T. Greedy, because maxₐ Q_θ(s, a) claims the value of acting greedily from s:
    /// the ε-greedy training episodes would lower Gₜ by their random actions and count that as over-estimation. Raised
    /// limit, because Q-learning bootstraps through the time limit: a training episode cut at T misses a tail of Gₜ of up to
    /// γ^(T − t)/(1 − γ), while here it is at most γ^((LimitMultiple − 1)T)/(1 − γ) (CartPole: 4·10⁻³). The same seed at
    /// every checkpoint gives the same start states, so successive checkpoints differ only by Q_θ.
    /// </summary>
    public static DqnCheckpoint Checkpoint(DqnAgent agent, DqnConfig config, long step, int seed)
    {
        ArgumentNullException.ThrowIfNull(config);
        int limit = config.MakeEnvironment().MaxEpisodeSteps;
        var visited = GreedyEpisodes(agent, config, CheckpointEpisodes, seed, LimitMultiple * limit);
        var measured = visited.Where(v => v.Time < limit).ToList();
        double length = visited.GroupBy(v => v.Episode).Average(episode => episode.Count());
        return new DqnCheckpoint(step, measured.Average(v => v.Q), measured.Average(v => v.Return), length);
    }

    /// <summary>
    /// <paramref name="episodes"/> greedy episodes of <paramref name="agent"/>'s Q_θ in the config's task, batched through the
    /// network, with the time limit raised to <paramref name="maxEpisodeSteps"/>. Q-learning bootstraps through the training
    /// time limit (truncation is not termination), so Q_θ estimates the return without it; a longer evaluation limit
    /// makes Gₜ of the early states that return (the tail cut at the new limit weighs at most γ^(limit − t)/(1 − γ)).
    /// </summary>
    public static IReadOnlyList<VisitedStateValue> GreedyEpisodes(DqnAgent agent, DqnConfig config, int episodes, int seed, int maxEpisodeSteps)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(config);
        Validation.Guard.AtLeast(episodes, 1);
        var env = VectorEnvironment.Create(() => config.MakeEnvironment(maxEpisodeSteps), episodes);
        env.Reset(seed);
        int actionCount = agent.ActionCount;
        var (q, rewards) = (new List<double>[episodes], new List<double>[episodes]);
        var (terminated, finished) = (new bool[episodes], new bool[episodes]);
        for (int i = 0; i < episodes; i++)
        {
            (q[i], rewards[i]) = (new List<double>(), new List<double>());
        }

        var actions = new int[episodes];
        while (finished.Contains(false))
        {
            using (var scope = NewDisposeScope())
            using (no_grad())
            {
                float[] rows = agent.Online.forward(tensor(env.Observations, [episodes, env.ObservationSize])).data<float>().ToArray();
                for (int i = 0; i < episodes; i++)
                {
                    ReadOnlySpan<float> row = rows.AsSpan(i * actionCount, actionCount);
                    actions[i] = 0;
                    for (int a = 1; a < actionCount; a++)
                    {
                        actions[i] = row[a] > row[actions[i]] ? a : actions[i];   // argmax, ties to the lowest index
                    }

                    if (!finished[i])
                    {
                        q[i].Add(row[actions[i]]);
                    }
                }
            }

            env.Step(actions);
            for (int i = 0; i < episodes; i++)
            {
                if (!finished[i])
                {
                    rewards[i].Add(env.Rewards[i]);
                    (terminated[i], finished[i]) = (env.Terminated[i], env.Done(i));
                }
            }
        }

        var visited = new List<VisitedStateValue>();
        for (int i = 0; i < episodes; i++)
        {
            int length = rewards[i].Count;
            var (ends, cut) = (new bool[length], new bool[length]);
            (ends[^1], cut[^1]) = (terminated[i], !terminated[i]);   // a truncated tail is cut off: G counts only what was obtained
            double[] returns = DiscountedReturns.Compute([.. rewards[i]], new double[length], ends, cut, config.Gamma);
            for (int t = 0; t < length; t++)
            {
                visited.Add(new VisitedStateValue(i, t, q[i][t], returns[t]));
            }
        }

        return visited;
    }
}
