using RlNotebooks.Validation;

namespace RlNotebooks.TabularLearning;

/// <summary>The result of a Double Q-learning step whose table was chosen at random.</summary>
/// <param name="TdError">δₜ of the updated table.</param>
/// <param name="UpdatedFirst">True when Q₁ was updated (evaluated by Q₂); false when Q₂ was updated (evaluated by Q₁).</param>
public readonly record struct DoubleQStep(double TdError, bool UpdatedFirst);

/// <summary>
/// Double Q-learning (van Hasselt 2010; Sutton &amp; Barto §6.7): to update Q₁,
/// a* = argmaxₐ′ Q₁(sₜ₊₁, a′) (lowest index on ties), δₜ = rₜ₊₁ + γ(1 − terminated) Q₂(sₜ₊₁, a*) − Q₁(sₜ, aₜ),
/// Q₁(sₜ, aₜ) ← Q₁(sₜ, aₜ) + αδₜ; symmetrically with the roles swapped to update Q₂. Selecting with one table and evaluating
/// with the other removes Q-learning's maximisation bias. Truncation: see <see cref="Transition"/>.
/// </summary>
public static class DoubleQLearning
{
    /// <summary>δₜ for updating <paramref name="selector"/> (argmax taken over it) evaluated by <paramref name="evaluator"/>. Pure.</summary>
    public static double TdError(ReadOnlySpan<double> selector, ReadOnlySpan<double> evaluator, int actionCount, Transition transition, double gamma) =>
        TdError(selector, evaluator, actionCount, transition, gamma, nameof(selector), nameof(evaluator));

    /// <summary>δ with errors naming the caller's tables (<paramref name="selectorName"/>, <paramref name="evaluatorName"/>).</summary>
    private static double TdError(ReadOnlySpan<double> selector, ReadOnlySpan<double> evaluator, int actionCount, Transition transition,
        double gamma, string selectorName, string evaluatorName)
    {
        TabularChecks.Check(selector, actionCount, transition, gamma, selectorName);
        Guard.SameLength(selector.Length, evaluator.Length, evaluatorName, selectorName);
        TabularChecks.Check(evaluator, actionCount, transition, gamma, evaluatorName);
        double bootstrap = 0.0;
        if (!transition.Terminated)
        {
            int offset = transition.NextState * actionCount;
            ReadOnlySpan<double> next = selector.Slice(offset, actionCount);
            int best = 0;
            for (int a = 1; a < actionCount; a++)
            {
                best = next[a] > next[best] ? a : best;
            }

            bootstrap = gamma * evaluator[offset + best];
        }

        return TabularChecks.TdError(transition.Reward + bootstrap, selector[transition.State * actionCount + transition.Action], selectorName);
    }

    /// <summary>
    /// In place: updates <paramref name="first"/> (evaluated by <paramref name="second"/>) when <paramref name="updateFirst"/>,
    /// otherwise <paramref name="second"/> (evaluated by <paramref name="first"/>). Returns δₜ of the updated table.
    /// </summary>
    public static double UpdateInPlace(Span<double> first, Span<double> second, int actionCount, Transition transition,
        double alpha, double gamma, bool updateFirst)
    {
        TabularChecks.LearningRate(alpha);
        if (first.Overlaps(second))
        {
            throw new ArgumentException("first and second must be two separate Q tables.", nameof(second));
        }

        Span<double> updated = updateFirst ? first : second;
        double delta = updateFirst
            ? TdError(first, second, actionCount, transition, gamma, nameof(first), nameof(second))
            : TdError(second, first, actionCount, transition, gamma, nameof(second), nameof(first));
        TabularChecks.Apply(updated, transition.State * actionCount + transition.Action, alpha, delta, updateFirst ? nameof(first) : nameof(second));
        return delta;
    }

    /// <summary>In place, choosing the table to update with probability ½ each from <paramref name="random"/> (one <c>Next(2)</c> draw).</summary>
    public static DoubleQStep UpdateInPlace(Span<double> first, Span<double> second, int actionCount, Transition transition,
        double alpha, double gamma, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        bool updateFirst = random.Next(2) == 0;
        return new DoubleQStep(UpdateInPlace(first, second, actionCount, transition, alpha, gamma, updateFirst), updateFirst);
    }
}
