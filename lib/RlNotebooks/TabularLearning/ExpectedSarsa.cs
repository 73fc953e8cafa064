using RlNotebooks.Validation;

namespace RlNotebooks.TabularLearning;

/// <summary>
/// Expected SARSA: δₜ = rₜ₊₁ + γ(1 − terminated) Σ_{a′} π(a′|sₜ₊₁) Q(sₜ₊₁, a′) − Q(sₜ, aₜ), Q(sₜ, aₜ) ← Q(sₜ, aₜ) + αδₜ.
/// π(·|sₜ₊₁) is either a given distribution or ε-greedy w.r.t. the current Q, whose expectation is
/// ε·meanₐ′ Q(sₜ₊₁, a′) + (1 − ε)·maxₐ′ Q(sₜ₊₁, a′) (independent of how argmax ties are broken). With ε = 0 this is Q-learning.
/// Truncation: see <see cref="Transition"/>.
/// </summary>
public static class ExpectedSarsa
{
    /// <summary>The TD error δₜ with the target policy row π(·|sₜ₊₁) given. Pure.</summary>
    public static double TdError(ReadOnlySpan<double> q, int actionCount, Transition transition, ReadOnlySpan<double> nextPolicy, double gamma)
    {
        TabularChecks.Check(q, actionCount, transition, gamma);
        Guard.SameLength(actionCount, nextPolicy.Length, nameof(nextPolicy), nameof(actionCount));
        Guard.Distribution(nextPolicy);
        ReadOnlySpan<double> next = q.Slice(transition.NextState * actionCount, actionCount);
        double expected = 0.0;
        for (int a = 0; a < actionCount; a++)
        {
            expected += nextPolicy[a] * next[a];
        }

        return Delta(q, actionCount, transition, expected, gamma);
    }

    /// <summary>The TD error δₜ with π ε-greedy w.r.t. Q. Pure.</summary>
    public static double TdError(ReadOnlySpan<double> q, int actionCount, Transition transition, double epsilon, double gamma)
    {
        TabularChecks.Check(q, actionCount, transition, gamma);
        Guard.UnitInterval(epsilon);
        ReadOnlySpan<double> next = q.Slice(transition.NextState * actionCount, actionCount);
        double max = next[0], sum = 0.0;
        for (int a = 0; a < actionCount; a++)
        {
            max = Math.Max(max, next[a]);
            sum += next[a];
        }

        double expected = epsilon * (sum / actionCount) + (1.0 - epsilon) * max;
        return Delta(q, actionCount, transition, expected, gamma);
    }

    /// <summary>In place with a given π(·|sₜ₊₁): Q(s,a) ← Q(s,a) + αδₜ. Returns δₜ.</summary>
    public static double UpdateInPlace(Span<double> q, int actionCount, Transition transition, ReadOnlySpan<double> nextPolicy,
        double alpha, double gamma)
    {
        TabularChecks.LearningRate(alpha);
        double delta = TdError(q, actionCount, transition, nextPolicy, gamma);
        TabularChecks.Apply(q, transition.State * actionCount + transition.Action, alpha, delta, nameof(q));
        return delta;
    }

    /// <summary>In place with π ε-greedy w.r.t. Q: Q(s,a) ← Q(s,a) + αδₜ. Returns δₜ.</summary>
    public static double UpdateInPlace(Span<double> q, int actionCount, Transition transition, double epsilon, double alpha, double gamma)
    {
        TabularChecks.LearningRate(alpha);
        double delta = TdError(q, actionCount, transition, epsilon, gamma);
        TabularChecks.Apply(q, transition.State * actionCount + transition.Action, alpha, delta, nameof(q));
        return delta;
    }

    private static double Delta(ReadOnlySpan<double> q, int actionCount, Transition transition, double expectedNext, double gamma)
    {
        double bootstrap = transition.Terminated ? 0.0 : gamma * expectedNext;
        return TabularChecks.TdError(transition.Reward + bootstrap, q[transition.State * actionCount + transition.Action], nameof(q));
    }
}
