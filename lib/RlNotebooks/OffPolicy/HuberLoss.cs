using RlNotebooks.Validation;

namespace RlNotebooks.OffPolicy;

/// <summary>
/// Huber loss of a TD error x = y − Q(s, a) (Huber 1964; DQN, Mnih et al. 2015, clips the error gradient to [−1, 1];
/// rlax <c>huber_loss</c>):
/// <code>
/// L_δ(x) = ½ x²              if |x| ≤ δ
///          δ (|x| − ½ δ)     otherwise,          dL_δ/dx = clip(x, −δ, δ).
/// </code>
/// Quadratic near 0 like ½x², linear in the tails like δ|x|, so one large error cannot dominate a batch gradient.
/// δ → ∞ gives ½x².
/// </summary>
public static class HuberLoss
{
    /// <summary>L_δ(x).</summary>
    /// <param name="x">The error, e.g. a TD error y − Q(s, a).</param>
    /// <param name="delta">δ &gt; 0, where the loss turns from quadratic to linear (1 in DQN).</param>
    public static double Value(double x, double delta = 1.0)
    {
        Guard.Finite(x);
        Guard.Positive(delta);
        return Math.Abs(x) <= delta ? 0.5 * x * x : delta * (Math.Abs(x) - 0.5 * delta);
    }

    /// <summary>dL_δ/dx = clip(x, −δ, δ).</summary>
    /// <param name="x">The error.</param>
    /// <param name="delta">δ &gt; 0.</param>
    public static double Gradient(double x, double delta = 1.0)
    {
        Guard.Finite(x);
        Guard.Positive(delta);
        return Math.Clamp(x, -delta, delta);
    }

    /// <summary>The batch loss (1/n) Σᵢ L_δ(xᵢ).</summary>
    /// <param name="errors">The errors xᵢ; not empty, finite.</param>
    /// <param name="delta">δ &gt; 0.</param>
    public static double Mean(ReadOnlySpan<double> errors, double delta = 1.0)
    {
        Guard.NotEmpty(errors.Length, nameof(errors));
        Guard.AllFinite(errors);
        double sum = 0.0;
        for (int i = 0; i < errors.Length; i++)
        {
            sum += Value(errors[i], delta);
        }

        return double.IsFinite(sum) ? sum / errors.Length : throw Guard.Overflow("Σᵢ L_δ(xᵢ)", nameof(errors));
    }

    /// <summary>Writes ∂/∂xᵢ of the batch loss (1/n) Σⱼ L_δ(xⱼ), i.e. clip(xᵢ, −δ, δ)/n, into <paramref name="destination"/>.</summary>
    /// <param name="errors">The errors xᵢ; not empty, finite.</param>
    /// <param name="delta">δ &gt; 0.</param>
    /// <param name="destination">Receives the gradient; same length as the errors.</param>
    public static void MeanGradientInto(ReadOnlySpan<double> errors, double delta, Span<double> destination)
    {
        Guard.NotEmpty(errors.Length, nameof(errors));
        Guard.SameLength(errors.Length, destination.Length, nameof(destination), nameof(errors));
        Guard.AllFinite(errors);
        for (int i = 0; i < errors.Length; i++)
        {
            destination[i] = Gradient(errors[i], delta) / errors.Length;
        }
    }
}
