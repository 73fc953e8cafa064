using RlNotebooks.Validation;

namespace RlNotebooks.TabularLearning;

/// <summary>
/// Q-learning (off-policy TD control): δₜ = rₜ₊₁ + γ(1 − terminated) maxₐ′ Q(sₜ₊₁, a′) − Q(sₜ, aₜ), Q(sₜ, aₜ) ← Q(sₜ, aₜ) + αδₜ.
/// Q is row-major |𝒮|×|𝒜|. Truncation: see <see cref="Transition"/>.
/// </summary>
public static class QLearning
{
    /// <summary>The TD error δₜ. Pure: the table is not changed.</summary>
    public static double TdError(ReadOnlySpan<double> q, int actionCount, Transition transition, double gamma)
    {
        TabularChecks.Check(q, actionCount, transition, gamma);
        double bootstrap = 0.0;
        if (!transition.Terminated)
        {
            ReadOnlySpan<double> next = q.Slice(transition.NextState * actionCount, actionCount);
            double max = next[0];
            for (int a = 1; a < actionCount; a++)
            {
                max = Math.Max(max, next[a]);
            }

            bootstrap = gamma * max;
        }

        return TabularChecks.TdError(transition.Reward + bootstrap, q[transition.State * actionCount + transition.Action], nameof(q));
    }

    /// <summary>In place: Q(s,a) ← Q(s,a) + αδₜ. Returns δₜ.</summary>
    public static double UpdateInPlace(Span<double> q, int actionCount, Transition transition, double alpha, double gamma)
    {
        TabularChecks.LearningRate(alpha);
        double delta = TdError(q, actionCount, transition, gamma);
        TabularChecks.Apply(q, transition.State * actionCount + transition.Action, alpha, delta, nameof(q));
        return delta;
    }
}
