using RlNotebooks.Validation;

namespace RlNotebooks.Bellman;

/// <summary>
/// How a V backup values a non-terminal state s from the one-step lookaheads Q_V(s,a) = Σ_{s′} P(s′|s,a)[r(s,a,s′) + γV(s′)].
/// Implemented by structs so the sweep is specialised per rule, with no delegate or virtual call per state.
/// </summary>
internal interface IStateBackup
{
    /// <summary>(TV)(s) for a non-terminal state.</summary>
    double Of(int state);
}

/// <summary>
/// The one V-sweep loop behind every tabular V operator, solver sweep and residual: (TV)(s) with (TV)(terminal) = 0, where
/// T is T^π (<see cref="Expectation"/>: Σₐ π(a|s) Q_V(s,a)), T* (<see cref="Optimality"/>: maxₐ Q_V(s,a)) or the soft
/// T_soft (<see cref="Soft"/>: τ log Σₐ exp(Q_V(s,a)/τ)). Unchecked.
/// </summary>
internal static class VBackup
{
    /// <summary>
    /// Computes (TV)(s) for s = 0..|𝒮|−1 and returns maxₛ |(TV)(s) − V(s)|. The destination decides the kind of sweep:
    /// a separate span gives the synchronous (Jacobi) sweep; <paramref name="v"/>'s own memory gives the in-place (Gauss–Seidel)
    /// sweep, each backup reading the values already updated; an empty span computes the residual ‖TV − V‖∞ only.
    /// </summary>
    internal static double Sweep<TBackup>(TabularMdp mdp, TBackup backup, ReadOnlySpan<double> v, Span<double> destination, string paramName)
        where TBackup : struct, IStateBackup, allows ref struct
    {
        ReadOnlySpan<bool> terminal = mdp.TerminalStates;
        bool write = !destination.IsEmpty;
        double max = 0.0, poison = 0.0;
        for (int s = 0; s < v.Length; s++)
        {
            double value = terminal[s] ? 0.0 : backup.Of(s);
            double change = Math.Abs(value - v[s]);
            max = change > max ? change : max;
            poison += change * 0.0;
            if (write)
            {
                destination[s] = value;
            }
        }

        // Inputs are finite, so a non-finite backup or change |(TV)(s) − V(s)| is an overflow: poison is 0 unless one was ±∞ or NaN.
        if (!double.IsFinite(max + poison))
        {
            throw Guard.Overflow("(TV)(s) or |(TV)(s) − V(s)|", paramName);
        }

        return max;
    }

    /// <summary>(T^π V)(s) = Σₐ π(a|s) Q_V(s,a).</summary>
    internal readonly ref struct Expectation(TabularMdp mdp, ReadOnlySpan<double> policy, ReadOnlySpan<double> v) : IStateBackup
    {
        private readonly ReadOnlySpan<bool> _terminal = mdp.TerminalStates;
        private readonly ReadOnlySpan<double> _policy = policy;
        private readonly ReadOnlySpan<double> _v = v;
        private readonly double _gamma = mdp.Gamma;

        public double Of(int state) => BellmanOperators.ExpectedBackup(mdp, _terminal, _policy, _v, state, _gamma);
    }

    /// <summary>(T* V)(s) = maxₐ Q_V(s,a).</summary>
    internal readonly ref struct Optimality(TabularMdp mdp, ReadOnlySpan<double> v) : IStateBackup
    {
        private readonly ReadOnlySpan<bool> _terminal = mdp.TerminalStates;
        private readonly ReadOnlySpan<double> _v = v;
        private readonly double _gamma = mdp.Gamma;

        public double Of(int state) => BellmanOperators.MaxBackup(mdp, _terminal, _v, state, _gamma);
    }

    /// <summary>(T_soft V)(s) = τ log Σₐ exp(Q_V(s,a)/τ), by a streaming log-sum-exp over the lookaheads (no buffer of Q_V(s,·)).</summary>
    internal readonly ref struct Soft(TabularMdp mdp, ReadOnlySpan<double> v, double tau) : IStateBackup
    {
        private readonly ReadOnlySpan<bool> _terminal = mdp.TerminalStates;
        private readonly ReadOnlySpan<double> _v = v;
        private readonly double _gamma = mdp.Gamma;

        public double Of(int state)
        {
            // Keep the running max m and Σ exp((Q − m)/τ), rescaling when m grows.
            double max = double.NegativeInfinity, sum = 0.0;
            for (int a = 0; a < mdp.ActionCount; a++)
            {
                double qa = BellmanOperators.Lookahead(mdp, _terminal, _v, state, a, _gamma);
                if (qa > max)
                {
                    sum = sum * Math.Exp((max - qa) / tau) + 1.0;
                    max = qa;
                }
                else
                {
                    sum += Math.Exp((qa - max) / tau);
                }
            }

            return max + tau * Math.Log(sum);
        }
    }
}
