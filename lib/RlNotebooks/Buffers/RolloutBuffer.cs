using RlNotebooks.Advantages;
using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Validation;

namespace RlNotebooks.Buffers;

/// <summary>
/// On-policy rollout storage for N environments over T steps, laid out [T, N] (row t = step t, column i = environment i;
/// observations and actions [T, N, d] flat), as PPO and A2C collect it from a <see cref="VectorEnvironment"/>.
/// <para>
/// <see cref="Finish"/> computes, per environment i, the GAE advantages Âₜ and value targets Âₜ + V(sₜ) with
/// <see cref="Gae"/> over column i, where V(sₜ₊₁) is: 0 after a termination; V of the episode's final observation after a
/// truncation (the episode was cut, not ended — it bootstraps); V(sₜ₊₁) = the next row's value inside an episode; and V of
/// the last next observation at the rollout's end (a cut-off). The final observations come from the stored
/// <see cref="NextObservations"/>, evaluated in one batch by the caller's critic.
/// </para>
/// <para>The arrays are public for building tensors; write through <see cref="Add(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{bool}, ReadOnlySpan{bool}, ReadOnlySpan{float})"/>.</para>
/// </summary>
public sealed class RolloutBuffer
{
    private readonly double[] _columnRewards, _columnValues, _columnNextValues, _columnAdvantages, _columnTargets;
    private readonly bool[] _columnTerminated, _columnTruncated;
    private readonly float[] _bootstrapObservations;
    private readonly double[] _bootstrapValues;
    private readonly int[] _bootstrapRows;

    /// <summary>Empty storage for <paramref name="steps"/> × <paramref name="environmentCount"/> transitions.</summary>
    /// <param name="steps">T ≥ 1.</param>
    /// <param name="environmentCount">N ≥ 1.</param>
    /// <param name="observationSize">d ≥ 1, floats per observation.</param>
    /// <param name="actionSize">Floats per action (1 for a discrete index stored as a float).</param>
    public RolloutBuffer(int steps, int environmentCount, int observationSize, int actionSize)
    {
        Guard.AtLeast(steps, 1);
        Guard.AtLeast(environmentCount, 1);
        Guard.AtLeast(observationSize, 1);
        Guard.AtLeast(actionSize, 1);
        Steps = steps;
        EnvironmentCount = environmentCount;
        ObservationSize = observationSize;
        ActionSize = actionSize;
        int rows = steps * environmentCount;
        Observations = new float[rows * observationSize];
        NextObservations = new float[rows * observationSize];
        Actions = new float[rows * actionSize];
        LogProbs = new double[rows];
        Values = new double[rows];
        Rewards = new double[rows];
        Terminated = new bool[rows];
        Truncated = new bool[rows];
        NextValues = new double[rows];
        Advantages = new double[rows];
        ValueTargets = new double[rows];
        (_columnRewards, _columnValues, _columnNextValues) = (new double[steps], new double[steps], new double[steps]);
        (_columnAdvantages, _columnTargets) = (new double[steps], new double[steps]);
        (_columnTerminated, _columnTruncated) = (new bool[steps], new bool[steps]);
        _bootstrapObservations = new float[rows * observationSize];
        _bootstrapValues = new double[rows];
        _bootstrapRows = new int[rows];
    }

    /// <summary>T.</summary>
    public int Steps { get; }

    /// <summary>N.</summary>
    public int EnvironmentCount { get; }

    /// <summary>d.</summary>
    public int ObservationSize { get; }

    /// <summary>Floats per action.</summary>
    public int ActionSize { get; }

    /// <summary>Steps stored so far (rows 0 … Count − 1 are valid).</summary>
    public int Count { get; private set; }

    /// <summary>[T, N, d]: sₜ, the observation each action was chosen from.</summary>
    public float[] Observations { get; }

    /// <summary>[T, N, d]: sₜ₊₁ as the step reached it (the final observation where an episode ended).</summary>
    public float[] NextObservations { get; }

    /// <summary>[T, N, action size]: aₜ.</summary>
    public float[] Actions { get; }

    /// <summary>[T, N]: log π_old(aₜ|sₜ).</summary>
    public double[] LogProbs { get; }

    /// <summary>[T, N]: V(sₜ).</summary>
    public double[] Values { get; }

    /// <summary>[T, N]: rₜ₊₁.</summary>
    public double[] Rewards { get; }

    /// <summary>[T, N]: sₜ₊₁ terminal.</summary>
    public bool[] Terminated { get; }

    /// <summary>[T, N]: the time limit cut the episode after step t.</summary>
    public bool[] Truncated { get; }

    /// <summary>[T, N]: V(sₜ₊₁) as <see cref="Finish"/> used it (0 after termination).</summary>
    public double[] NextValues { get; }

    /// <summary>[T, N]: Âₜ, written by <see cref="Finish"/>.</summary>
    public double[] Advantages { get; }

    /// <summary>[T, N]: Âₜ + V(sₜ), the λ-return targets, written by <see cref="Finish"/>.</summary>
    public double[] ValueTargets { get; }

    /// <summary>Stores step t = <see cref="Count"/> for all N environments.</summary>
    /// <param name="observations">[N, d] sₜ.</param>
    /// <param name="actions">[N, action size] aₜ.</param>
    /// <param name="logProbs">[N] log π(aₜ|sₜ), finite.</param>
    /// <param name="values">[N] V(sₜ), finite.</param>
    /// <param name="rewards">[N] rₜ₊₁, finite.</param>
    /// <param name="terminated">[N] sₜ₊₁ terminal.</param>
    /// <param name="truncated">[N] cut by the time limit.</param>
    /// <param name="nextObservations">[N, d] sₜ₊₁ as reached (final observations where episodes ended).</param>
    /// <exception cref="ArgumentException">A length does not match N, d or the action size, or a number is not finite.</exception>
    /// <exception cref="InvalidOperationException">All T steps are stored (call <see cref="Clear"/>).</exception>
    public void Add(ReadOnlySpan<float> observations, ReadOnlySpan<float> actions, ReadOnlySpan<double> logProbs,
        ReadOnlySpan<double> values, ReadOnlySpan<double> rewards, ReadOnlySpan<bool> terminated, ReadOnlySpan<bool> truncated,
        ReadOnlySpan<float> nextObservations)
    {
        int n = EnvironmentCount;
        Guard.SameLength(n * ObservationSize, observations.Length, nameof(observations), "N × observation size");
        Guard.SameLength(n * ActionSize, actions.Length, nameof(actions), "N × action size");
        Guard.SameLength(n, logProbs.Length, nameof(logProbs), "N");
        Guard.SameLength(n, values.Length, nameof(values), "N");
        Guard.SameLength(n, rewards.Length, nameof(rewards), "N");
        Guard.SameLength(n, terminated.Length, nameof(terminated), "N");
        Guard.SameLength(n, truncated.Length, nameof(truncated), "N");
        Guard.SameLength(n * ObservationSize, nextObservations.Length, nameof(nextObservations), "N × observation size");
        Guard.AllFinite(logProbs);
        Guard.AllFinite(values);
        Guard.AllFinite(rewards);
        if (Count == Steps)
        {
            throw new InvalidOperationException($"The rollout already holds all {Steps} steps; call Finish, use it, then Clear.");
        }

        int row = Count * n;
        observations.CopyTo(Observations.AsSpan(row * ObservationSize));
        nextObservations.CopyTo(NextObservations.AsSpan(row * ObservationSize));
        actions.CopyTo(Actions.AsSpan(row * ActionSize));
        logProbs.CopyTo(LogProbs.AsSpan(row));
        values.CopyTo(Values.AsSpan(row));
        rewards.CopyTo(Rewards.AsSpan(row));
        terminated.CopyTo(Terminated.AsSpan(row));
        truncated.CopyTo(Truncated.AsSpan(row));
        Count++;
    }

    /// <summary>
    /// Stores the step <paramref name="environment"/> just took: its rewards, flags and next observations, with the
    /// observations the actions were chosen from (copied before <c>Step</c>), the actions, their log-probabilities and V(sₜ).
    /// </summary>
    public void Add(ReadOnlySpan<float> observations, ReadOnlySpan<float> actions, ReadOnlySpan<double> logProbs,
        ReadOnlySpan<double> values, VectorEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        Add(observations, actions, logProbs, values, environment.Rewards, environment.Terminated, environment.Truncated,
            environment.NextObservations);
    }

    /// <summary>
    /// Computes <see cref="NextValues"/>, <see cref="Advantages"/> and <see cref="ValueTargets"/> for the stored steps
    /// with GAE(γ, λ) per environment; <paramref name="value"/> is called once, on the next observations that need
    /// bootstrapping (after truncations and at the rollout's end).
    /// </summary>
    /// <param name="value">The critic V on a batch of observations.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <param name="lambda">GAE λ ∈ [0, 1].</param>
    /// <exception cref="ArgumentException">γ or λ outside [0, 1], or the critic returned a non-finite value.</exception>
    /// <exception cref="InvalidOperationException">Nothing is stored.</exception>
    public void Finish(BatchValueFunction value, double gamma, double lambda)
    {
        ArgumentNullException.ThrowIfNull(value);
        Guard.UnitInterval(gamma);
        Guard.UnitInterval(lambda);
        if (Count == 0)
        {
            throw new InvalidOperationException("The rollout is empty; Add steps before Finish.");
        }

        FillNextValues(value);
        int n = EnvironmentCount;
        int steps = Count;
        for (int i = 0; i < n; i++)
        {
            for (int t = 0; t < steps; t++)
            {
                int row = t * n + i;
                _columnRewards[t] = Rewards[row];
                _columnValues[t] = Values[row];
                _columnNextValues[t] = NextValues[row];
                _columnTerminated[t] = Terminated[row];
                _columnTruncated[t] = Truncated[row];
            }

            Gae.EstimateInto(_columnRewards.AsSpan(0, steps), _columnValues.AsSpan(0, steps), _columnNextValues.AsSpan(0, steps),
                _columnTerminated.AsSpan(0, steps), _columnTruncated.AsSpan(0, steps), gamma, lambda, _columnAdvantages, _columnTargets);
            for (int t = 0; t < steps; t++)
            {
                Advantages[t * n + i] = _columnAdvantages[t];
                ValueTargets[t * n + i] = _columnTargets[t];
            }
        }
    }

    /// <summary>Empties the storage for the next rollout (no allocation).</summary>
    public void Clear() => Count = 0;

    /// <summary>
    /// V(sₜ₊₁) per row: 0 after termination (also when a step reports both flags, as GAE reads it); the next row's V inside
    /// an episode; the critic's value of the stored next observation after a truncation and at the last stored step.
    /// </summary>
    private void FillNextValues(BatchValueFunction value)
    {
        int n = EnvironmentCount;
        int d = ObservationSize;
        int last = Count - 1;
        int k = 0;
        for (int row = 0; row < Count * n; row++)
        {
            bool bootstrap = !Terminated[row] && (Truncated[row] || row / n == last);
            NextValues[row] = Terminated[row] || bootstrap ? 0.0 : Values[row + n];
            if (bootstrap)
            {
                NextObservations.AsSpan(row * d, d).CopyTo(_bootstrapObservations.AsSpan(k * d));
                _bootstrapRows[k++] = row;
            }
        }

        if (k == 0)
        {
            return;
        }

        Span<double> bootstrapValues = _bootstrapValues.AsSpan(0, k);
        value(_bootstrapObservations.AsSpan(0, k * d), bootstrapValues);
        for (int j = 0; j < k; j++)
        {
            int row = _bootstrapRows[j];
            if (!double.IsFinite(bootstrapValues[j]))
            {
                throw new ArgumentException(
                    $"value returned V = {bootstrapValues[j]} for the next observation of step {row / n}, environment {row % n}; it must be finite.",
                    nameof(value));
            }

            NextValues[row] = bootstrapValues[j];
        }
    }
}
