using RlNotebooks.Validation;

using RlNotebooks.Distributions;

namespace RlNotebooks.Bellman;

/// <summary>
/// How a Q backup values the next state s′ (non-terminal; terminal s′ are valued 0 by <see cref="QBackup.Sweep{TNext}"/>).
/// Implemented by structs so the sweep is specialised per rule, with no delegate or virtual call per transition.
/// </summary>
internal interface INextStateValue
{
    /// <summary>U(s′) for a non-terminal next state.</summary>
    double Of(int nextState);
}

/// <summary>
/// The one synchronous Q-backup loop behind every tabular Q operator:
/// (TQ)(s,a) = Σ_{s′} P(s′|s,a)[r(s,a,s′) + γ U(s′)] with U(terminal) = 0 and (TQ)(terminal,·) = 0, where U(s′) is
/// V(s′) (<see cref="StateValue"/>), Σ_{a′} π(a′|s′)Q(s′,a′) (<see cref="PolicyExpectation"/>), max_{a′} Q(s′,a′)
/// (<see cref="MaxActionValue"/>) or τ log Σ_{a′} exp(Q(s′,a′)/τ) (<see cref="SoftMaxActionValue"/>). Unchecked.
/// </summary>
internal static class QBackup
{
    /// <summary>Writes (TQ)(s,a) for every (s, a) into <paramref name="destination"/> (row-major |𝒮|×|𝒜|).</summary>
    internal static void Sweep<TNext>(TabularMdp mdp, TNext next, Span<double> destination, string paramName)
        where TNext : struct, INextStateValue, allows ref struct
    {
        ReadOnlySpan<bool> terminal = mdp.TerminalStates;
        int actions = mdp.ActionCount;
        double gamma = mdp.Gamma;
        for (int s = 0; s < mdp.StateCount; s++)
        {
            for (int a = 0; a < actions; a++)
            {
                double sum = 0.0;
                if (!terminal[s])
                {
                    ReadOnlySpan<int> successors = mdp.NextStates(s, a);
                    ReadOnlySpan<double> p = mdp.Probabilities(s, a)[..successors.Length];
                    ReadOnlySpan<double> r = mdp.Rewards(s, a)[..successors.Length];
                    for (int i = 0; i < successors.Length; i++)
                    {
                        int n = successors[i];
                        double u = terminal[n] ? 0.0 : next.Of(n);
                        sum += p[i] * (r[i] + gamma * u);
                    }
                }

                destination[s * actions + a] = sum;
            }
        }

        // Inputs are finite, so a non-finite Q(s,a) = Σ p (r + γ u) is an overflow: checked once over the table.
        if (!Guard.IsAllFinite(destination[..(mdp.StateCount * actions)]))
        {
            throw Guard.Overflow("Q(s,a) = Σ p(s′,r|s,a)[r + γ·u(s′)]", paramName);
        }
    }

    /// <summary>U(s′) = V(s′): the one-step lookahead Q_V.</summary>
    internal readonly ref struct StateValue(ReadOnlySpan<double> v) : INextStateValue
    {
        private readonly ReadOnlySpan<double> _v = v;

        public double Of(int nextState) => _v[nextState];
    }

    /// <summary>U(s′) = Σ_{a′} π(a′|s′) Q(s′,a′): the expectation operator T^π.</summary>
    internal readonly ref struct PolicyExpectation(ReadOnlySpan<double> policy, ReadOnlySpan<double> q, int actions) : INextStateValue
    {
        private readonly ReadOnlySpan<double> _policy = policy;
        private readonly ReadOnlySpan<double> _q = q;
        private readonly int _actions = actions;

        public double Of(int nextState)
        {
            ReadOnlySpan<double> pi = _policy.Slice(nextState * _actions, _actions);
            ReadOnlySpan<double> row = _q.Slice(nextState * _actions, _actions);
            double sum = 0.0;
            for (int a = 0; a < row.Length; a++)
            {
                sum += pi[a] * row[a];
            }

            return sum;
        }
    }

    /// <summary>U(s′) = max_{a′} Q(s′,a′): the optimality operator T*.</summary>
    internal readonly ref struct MaxActionValue(ReadOnlySpan<double> q, int actions) : INextStateValue
    {
        private readonly ReadOnlySpan<double> _q = q;
        private readonly int _actions = actions;

        public double Of(int nextState)
        {
            ReadOnlySpan<double> row = _q.Slice(nextState * _actions, _actions);
            double max = row[0];
            for (int a = 1; a < row.Length; a++)
            {
                max = Math.Max(max, row[a]);
            }

            return max;
        }
    }

    /// <summary>U(s′) = V_soft(s′) = τ log Σ_{a′} exp(Q(s′,a′)/τ), computed stably by <see cref="Softmax.LogSumExp"/>.</summary>
    internal readonly ref struct SoftMaxActionValue(ReadOnlySpan<double> q, int actions, double tau) : INextStateValue
    {
        private readonly ReadOnlySpan<double> _q = q;
        private readonly int _actions = actions;
        private readonly double _tau = tau;

        public double Of(int nextState) => Softmax.LogSumExp(_q.Slice(nextState * _actions, _actions), _tau);
    }
}
