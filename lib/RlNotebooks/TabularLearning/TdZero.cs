using RlNotebooks.Validation;

namespace RlNotebooks.TabularLearning;

/// <summary>
/// TD(0) prediction: δₜ = rₜ₊₁ + γ(1 − terminated)V(sₜ₊₁) − V(sₜ) and V(sₜ) ← V(sₜ) + αδₜ.
/// <para>
/// terminated = true: sₜ₊₁ is terminal, no bootstrap. A truncated step (time limit) passes terminated = false and the actual
/// final observation as sₜ₊₁, so it bootstraps; the caller resets the environment.
/// </para>
/// </summary>
public static class TdZero
{
    /// <summary>The TD error δₜ = r + γ(1 − terminated)V(s′) − V(s). Pure: the table is not changed.</summary>
    public static double TdError(ReadOnlySpan<double> v, int state, double reward, int nextState, bool terminated, double gamma)
    {
        Guard.NotEmpty(v.Length, nameof(v));
        Guard.Index(state, v.Length);
        Guard.Index(nextState, v.Length);
        Guard.Finite(reward);
        Guard.UnitInterval(gamma);
        TabularChecks.EntryFinite(v, state, nameof(v));
        TabularChecks.EntryFinite(v, nextState, nameof(v));
        double bootstrap = terminated ? 0.0 : gamma * v[nextState];
        return TabularChecks.TdError(reward + bootstrap, v[state], nameof(v));
    }

    /// <summary>In place: V(s) ← V(s) + αδₜ. Returns δₜ.</summary>
    public static double UpdateInPlace(Span<double> v, int state, double reward, int nextState, bool terminated, double alpha, double gamma)
    {
        TabularChecks.LearningRate(alpha);
        double delta = TdError(v, state, reward, nextState, terminated, gamma);
        TabularChecks.Apply(v, state, alpha, delta, nameof(v));
        return delta;
    }
}
