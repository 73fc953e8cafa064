using RlNotebooks.Validation;

namespace RlNotebooks.PolicyGradients;

/// <summary>
/// Finite-difference gradient ∇f(θ) of a black-box objective f (e.g. a policy's average return J(θ) from fixed-seed rollouts),
/// one coordinate perturbation eᵢ at a time.
/// </summary>
public static class FiniteDifference
{
    /// <summary>The finite-difference gradient of <paramref name="f"/> at <paramref name="theta"/>.</summary>
    /// <param name="f">The objective; must return a finite value at every evaluated point. It receives a scratch array it must not keep.</param>
    /// <param name="theta">θ, not empty, finite.</param>
    /// <param name="h">Step h &gt; 0.</param>
    /// <param name="scheme">Forward or central differences.</param>
    /// <returns>A new array with the n partial derivatives.</returns>
    public static double[] Gradient(Func<double[], double> f, ReadOnlySpan<double> theta, double h,
        FiniteDifferenceScheme scheme = FiniteDifferenceScheme.Central)
    {
        var gradient = new double[theta.Length];
        GradientInto(f, theta, h, scheme, gradient, new double[theta.Length]);
        return gradient;
    }

    /// <inheritdoc cref="Gradient"/>
    /// <summary>
    /// Writes the finite-difference gradient into <paramref name="destination"/>. <paramref name="workspace"/> (length ≥ n)
    /// holds the perturbed points passed to <paramref name="f"/>; nothing else is allocated.
    /// </summary>
    public static void GradientInto(Func<double[], double> f, ReadOnlySpan<double> theta, double h,
        FiniteDifferenceScheme scheme, Span<double> destination, double[] workspace)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(workspace);
        Guard.NotEmpty(theta.Length, nameof(theta));
        Guard.AllFinite(theta);
        Guard.Positive(h);
        Guard.DestinationLength(theta.Length, destination.Length, nameof(destination));
        Guard.SameLength(theta.Length, workspace.Length, nameof(workspace), nameof(theta));
        if (scheme is not (FiniteDifferenceScheme.Forward or FiniteDifferenceScheme.Central))
        {
            throw new ArgumentOutOfRangeException(nameof(scheme), scheme, $"scheme must be Forward or Central but was {scheme}.");
        }

        theta.CopyTo(workspace);
        double center = scheme == FiniteDifferenceScheme.Forward ? Evaluate(f, workspace, -1, 0) : 0.0;
        for (int i = 0; i < theta.Length; i++)
        {
            workspace[i] = Shifted(theta[i], h, i);
            double plus = Evaluate(f, workspace, i, +1);

            if (scheme == FiniteDifferenceScheme.Forward)
            {
                destination[i] = (plus - center) / h;
            }
            else
            {
                workspace[i] = Shifted(theta[i], -h, i);
                double minus = Evaluate(f, workspace, i, -1);
                destination[i] = (plus - minus) / (2.0 * h);
            }

            if (!double.IsFinite(destination[i]))
            {
                throw Guard.Overflow($"∂f/∂θ{i} ≈ Δf/h", nameof(f));
            }

            workspace[i] = theta[i];
        }
    }

    /// <summary>θᵢ + step, which must itself be finite for f to be evaluated there.</summary>
    private static double Shifted(double theta, double step, int coordinate)
    {
        double shifted = theta + step;
        return double.IsFinite(shifted) ? shifted : throw Guard.Overflow($"θ{coordinate} ± h", "h");
    }

    /// <summary>Evaluates f at θ (coordinate &lt; 0) or at θ ± h·e_coordinate; the message is built only on failure.</summary>
    private static double Evaluate(Func<double[], double> f, double[] point, int coordinate, int sign)
    {
        double value = f(point);
        if (!double.IsFinite(value))
        {
            string where = coordinate < 0 ? "θ" : $"θ {(sign > 0 ? '+' : '−')} h·e{coordinate}";
            throw new ArgumentException($"f returned {value} at {where}; the objective must be finite.", nameof(f));
        }

        return value;
    }
}
