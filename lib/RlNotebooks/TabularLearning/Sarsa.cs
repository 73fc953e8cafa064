using RlNotebooks.Validation;

namespace RlNotebooks.TabularLearning;

/// <summary>
/// SARSA (on-policy TD control): δₜ = rₜ₊₁ + γ(1 − terminated)Q(sₜ₊₁, aₜ₊₁) − Q(sₜ, aₜ), Q(sₜ, aₜ) ← Q(sₜ, aₜ) + αδₜ,
/// where aₜ₊₁ is the action actually chosen in sₜ₊₁ (ignored when terminated). Q is row-major |𝒮|×|𝒜|.
/// Truncation: see <see cref="Transition"/> (bootstrap from the actual final observation with the action the policy would take).
/// </summary>
public static class Sarsa
{
    /// <summary>The TD error δₜ. Pure: the table is not changed.</summary>
    public static double TdError(ReadOnlySpan<double> q, int actionCount, Transition transition, int nextAction, double gamma)
    {
        TabularChecks.Check(q, actionCount, transition, gamma);
        Guard.Index(nextAction, actionCount);
        double bootstrap = transition.Terminated ? 0.0 : gamma * q[transition.NextState * actionCount + nextAction];
        return TabularChecks.TdError(transition.Reward + bootstrap, q[transition.State * actionCount + transition.Action], nameof(q));
    }

    /// <summary>In place: Q(s,a) ← Q(s,a) + αδₜ. Returns δₜ.</summary>
    public static double UpdateInPlace(Span<double> q, int actionCount, Transition transition, int nextAction, double alpha, double gamma)
    {
        TabularChecks.LearningRate(alpha);
        double delta = TdError(q, actionCount, transition, nextAction, gamma);
        TabularChecks.Apply(q, transition.State * actionCount + transition.Action, alpha, delta, nameof(q));
        return delta;
    }
}
