using RlNotebooks.Validation;

namespace RlNotebooks.Bellman;

/// <summary>One possible outcome of taking action a in state s: s′ with probability P(s′|s,a) and reward r(s,a,s′).</summary>
/// <param name="NextState">The successor state s′.</param>
/// <param name="Probability">P(s′|s,a).</param>
/// <param name="Reward">r(s,a,s′).</param>
public readonly record struct Outcome(int NextState, double Probability, double Reward);

/// <summary>
/// A finite MDP (𝒮, 𝒜, P, r, γ) with terminal states, validated on construction.
/// <para>
/// Outcomes are stored sparsely per (s, a), exactly like Gymnasium's <c>env.P[s][a]</c> list of
/// (probability, next state, reward): duplicates of the same s′ are allowed and add up.
/// Each row P(·|s,a) must sum to 1.
/// </para>
/// <para>
/// Termination semantics: a terminal state is absorbing and has value 0, so every operator uses
/// V(s′) = 0 and Q(s′,·) = 0 when s′ is terminal; the row stored for a terminal state is never used for
/// backups. There is no time limit (truncation) in a tabular model; environments add it on top.
/// </para>
/// </summary>
public sealed record TabularMdp
{
    private readonly int[] _rowStart;
    private readonly int[] _nextStates;
    private readonly double[] _probabilities;
    private readonly double[] _rewards;
    private readonly double[] _expectedRewards;
    private readonly bool[] _terminal;
    private readonly double _gamma;

    /// <summary>
    /// Builds an MDP from, for each state-action pair (index s·|𝒜| + a), the list of its outcomes.
    /// </summary>
    /// <param name="stateCount">|𝒮| ≥ 1.</param>
    /// <param name="actionCount">|𝒜| ≥ 1.</param>
    /// <param name="outcomes">Length |𝒮|·|𝒜|; entry s·|𝒜| + a lists (s′, P(s′|s,a), r(s,a,s′)); probabilities sum to 1.</param>
    /// <param name="gamma">Discount γ ∈ [0, 1].</param>
    /// <param name="terminalStates">States that end an episode (absorbing, value 0).</param>
    /// <exception cref="ArgumentException">Counts, indices, probabilities, rewards or γ are invalid.</exception>
    public TabularMdp(int stateCount, int actionCount, IReadOnlyList<IReadOnlyList<Outcome>> outcomes, double gamma,
        IEnumerable<int>? terminalStates = null)
    {
        Guard.AtLeast(stateCount, 1);
        Guard.AtLeast(actionCount, 1);
        ArgumentNullException.ThrowIfNull(outcomes);
        Guard.SameLength(stateCount * actionCount, outcomes.Count, nameof(outcomes), "stateCount·actionCount");

        StateCount = stateCount;
        ActionCount = actionCount;
        Guard.UnitInterval(gamma);
        _gamma = gamma;

        int total = 0;
        foreach (IReadOnlyList<Outcome> row in outcomes)
        {
            total += row?.Count ?? 0;
        }

        _rowStart = new int[stateCount * actionCount + 1];
        _nextStates = new int[total];
        _probabilities = new double[total];
        _rewards = new double[total];
        _expectedRewards = new double[stateCount * actionCount];
        int k = 0;
        for (int sa = 0; sa < outcomes.Count; sa++)
        {
            IReadOnlyList<Outcome>? row = outcomes[sa];
            int s = sa / actionCount, a = sa % actionCount;
            if (row is null || row.Count == 0)
            {
                throw new ArgumentException($"outcomes[{sa}] (state {s}, action {a}) must list at least one outcome.", nameof(outcomes));
            }

            _rowStart[sa] = k;
            double sum = 0.0, expected = 0.0;
            foreach (Outcome o in row)
            {
                if ((uint)o.NextState >= (uint)stateCount)
                {
                    throw new ArgumentException(
                        $"outcomes[{sa}] (state {s}, action {a}) has next state {o.NextState} outside [0, {stateCount - 1}].", nameof(outcomes));
                }

                if (!(o.Probability >= 0.0 && o.Probability <= 1.0))
                {
                    throw new ArgumentException(
                        $"outcomes[{sa}] (state {s}, action {a}) has probability {o.Probability} outside [0, 1].", nameof(outcomes));
                }

                if (!double.IsFinite(o.Reward))
                {
                    throw new ArgumentException(
                        $"outcomes[{sa}] (state {s}, action {a}) has non-finite reward {o.Reward}.", nameof(outcomes));
                }

                _nextStates[k] = o.NextState;
                _probabilities[k] = o.Probability;
                _rewards[k] = o.Reward;
                sum += o.Probability;
                expected += o.Probability * o.Reward;
                k++;
            }

            if (Math.Abs(sum - 1.0) > 1e-9)
            {
                throw new ArgumentException(
                    $"P(·|s={s}, a={a}) must sum to 1 but sums to {sum} (outcomes[{sa}]).", nameof(outcomes));
            }

            _expectedRewards[sa] = expected;
        }

        _rowStart[^1] = k;
        _terminal = new bool[stateCount];
        foreach (int t in terminalStates ?? [])
        {
            Guard.Index(t, stateCount, nameof(terminalStates));
            _terminal[t] = true;
        }
    }

    /// <summary>|𝒮|, the number of states.</summary>
    public int StateCount { get; }

    /// <summary>|𝒜|, the number of actions (the same in every state).</summary>
    public int ActionCount { get; }

    /// <summary>Discount factor γ ∈ [0, 1]; <c>mdp with { Gamma = 0.9 }</c> gives the same MDP with another γ.</summary>
    public double Gamma
    {
        get => _gamma;
        init
        {
            Guard.UnitInterval(value, "gamma");
            _gamma = value;
        }
    }

    /// <summary>
    /// Builds an MDP from dense tables P[s, a, s′] and r[s, a] (reward depends on s and a only).
    /// </summary>
    public static TabularMdp FromDense(double[,,] transitions, double[,] rewards, double gamma, IEnumerable<int>? terminalStates = null)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        ArgumentNullException.ThrowIfNull(transitions);
        Guard.SameLength(transitions.GetLength(0), rewards.GetLength(0), nameof(rewards), "transitions (states)");
        Guard.SameLength(transitions.GetLength(1), rewards.GetLength(1), nameof(rewards), "transitions (actions)");
        return FromDense(transitions, (s, a, _) => rewards[s, a], gamma, terminalStates);
    }

    /// <summary>
    /// Builds an MDP from dense tables P[s, a, s′] and r[s, a, s′].
    /// </summary>
    public static TabularMdp FromDense(double[,,] transitions, double[,,] rewards, double gamma, IEnumerable<int>? terminalStates = null)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        ArgumentNullException.ThrowIfNull(transitions);
        for (int d = 0; d < 3; d++)
        {
            Guard.SameLength(transitions.GetLength(d), rewards.GetLength(d), nameof(rewards), $"transitions (dimension {d})");
        }

        return FromDense(transitions, (s, a, n) => rewards[s, a, n], gamma, terminalStates);
    }

    private static TabularMdp FromDense(double[,,] transitions, Func<int, int, int, double> reward, double gamma, IEnumerable<int>? terminalStates)
    {
        int states = transitions.GetLength(0), actions = transitions.GetLength(1);
        Guard.SameLength(states, transitions.GetLength(2), nameof(transitions), "transitions (states)");
        var outcomes = new List<Outcome>[states * actions];
        for (int s = 0; s < states; s++)
        {
            for (int a = 0; a < actions; a++)
            {
                var row = new List<Outcome>();
                for (int n = 0; n < states; n++)
                {
                    double p = transitions[s, a, n];
                    if (p != 0.0)
                    {
                        row.Add(new Outcome(n, p, reward(s, a, n)));
                    }
                }

                outcomes[s * actions + a] = row;
            }
        }

        return new TabularMdp(states, actions, outcomes, gamma, terminalStates);
    }

    /// <summary>True when <paramref name="state"/> is terminal (absorbing, value 0).</summary>
    public bool IsTerminal(int state)
    {
        Guard.Index(state, StateCount);
        return _terminal[state];
    }

    /// <summary>The terminal flags for every state, indexed by s.</summary>
    public ReadOnlySpan<bool> TerminalStates => _terminal;

    /// <summary>The successor states s′ listed for (s, a), aligned with <see cref="Probabilities"/> and <see cref="Rewards"/>.</summary>
    public ReadOnlySpan<int> NextStates(int state, int action) => Row(_nextStates, state, action);

    /// <summary>P(s′|s,a) for each listed successor of (s, a).</summary>
    public ReadOnlySpan<double> Probabilities(int state, int action) => Row(_probabilities, state, action);

    /// <summary>r(s,a,s′) for each listed successor of (s, a).</summary>
    public ReadOnlySpan<double> Rewards(int state, int action) => Row(_rewards, state, action);

    /// <summary>The outcomes of (s, a) as records, in stored order.</summary>
    public IReadOnlyList<Outcome> Outcomes(int state, int action)
    {
        ReadOnlySpan<int> next = NextStates(state, action);
        ReadOnlySpan<double> p = Probabilities(state, action), r = Rewards(state, action);
        var list = new Outcome[next.Length];
        for (int i = 0; i < list.Length; i++)
        {
            list[i] = new Outcome(next[i], p[i], r[i]);
        }

        return list;
    }

    /// <summary>r(s,a) = Σ_{s′} P(s′|s,a) r(s,a,s′), the expected immediate reward.</summary>
    public double ExpectedReward(int state, int action)
    {
        Guard.Index(state, StateCount);
        Guard.Index(action, ActionCount);
        return _expectedRewards[state * ActionCount + action];
    }

    /// <summary>P(s′|s,a) summed over every listed outcome that leads to <paramref name="nextState"/>.</summary>
    public double Probability(int state, int action, int nextState)
    {
        Guard.Index(nextState, StateCount);
        ReadOnlySpan<int> next = NextStates(state, action);
        ReadOnlySpan<double> p = Probabilities(state, action);
        double sum = 0.0;
        for (int i = 0; i < next.Length; i++)
        {
            if (next[i] == nextState)
            {
                sum += p[i];
            }
        }

        return sum;
    }

    private ReadOnlySpan<T> Row<T>(T[] data, int state, int action)
    {
        Guard.Index(state, StateCount);
        Guard.Index(action, ActionCount);
        int sa = state * ActionCount + action;
        return new ReadOnlySpan<T>(data, _rowStart[sa], _rowStart[sa + 1] - _rowStart[sa]);
    }
}
