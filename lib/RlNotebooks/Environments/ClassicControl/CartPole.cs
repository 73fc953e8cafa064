namespace RlNotebooks.Environments.ClassicControl;

/// <summary>
/// CartPole-v1's dynamics as pure functions (Gymnasium gymnasium/envs/classic_control/cartpole.py; Barto, Sutton &amp;
/// Anderson 1983; equations from Florian 2005, "Correct equations for the dynamics of the cart-pole system").
/// <para>
/// Force F = +10 N for action 1 (push right), −10 N for action 0. With g = 9.8, cart mass m_c = 1, pole mass m_p = 0.1,
/// half-length l = 0.5, M = m_p + m_c and m_p l the pole's mass-length:
/// temp = (F + m_p l θ̇² sin θ) / M,
/// θ̈ = (g sin θ − cos θ · temp) / (l (4/3 − m_p cos²θ / M)),
/// ẍ = temp − m_p l θ̈ cos θ / M,
/// then one explicit Euler step of τ = 0.02 s: x ← x + τẋ, ẋ ← ẋ + τẍ, θ ← θ + τθ̇, θ̇ ← θ̇ + τθ̈ (all from the old values).
/// </para>
/// <para>
/// Reward +1 for every step, the terminating one included. Terminated when |x| &gt; 2.4 or |θ| &gt; 12° (12·2π/360 rad),
/// strictly. Truncated after 500 steps (registered TimeLimit). s₀ ~ U(−0.05, 0.05)⁴. Observation: the state rounded to
/// float32.
/// </para>
/// </summary>
public static class CartPole
{
    /// <summary>Gymnasium's id.</summary>
    public const string Id = "CartPole-v1";

    /// <summary>Registered TimeLimit.</summary>
    public const int MaxEpisodeSteps = 500;

    /// <summary>Gravity g [m/s²].</summary>
    public const double Gravity = 9.8;

    /// <summary>Cart mass m_c [kg].</summary>
    public const double MassCart = 1.0;

    /// <summary>Pole mass m_p [kg].</summary>
    public const double MassPole = 0.1;

    /// <summary>M = m_p + m_c.</summary>
    public const double TotalMass = MassPole + MassCart;

    /// <summary>Half the pole's length, l [m].</summary>
    public const double Length = 0.5;

    /// <summary>m_p l.</summary>
    public const double PoleMassLength = MassPole * Length;

    /// <summary>|F| [N].</summary>
    public const double ForceMagnitude = 10.0;

    /// <summary>Euler time step τ [s].</summary>
    public const double Tau = 0.02;

    /// <summary>Termination angle 12° = 12·2π/360 rad.</summary>
    public const double ThetaThreshold = 12 * 2 * Math.PI / 360;

    /// <summary>Termination position |x| &gt; 2.4.</summary>
    public const double XThreshold = 2.4;

    /// <summary>Observation bounds (±4.8, ±float max, ±24°, ±float max) as Gymnasium declares them.</summary>
    public static Box ObservationSpace { get; } = new(
        [-(float)(XThreshold * 2), -float.MaxValue, -(float)(ThetaThreshold * 2), -float.MaxValue],
        [(float)(XThreshold * 2), float.MaxValue, (float)(ThetaThreshold * 2), float.MaxValue]);

    /// <summary>The state after one Euler step with action <paramref name="action"/> (0 = left, 1 = right).</summary>
    public static CartPoleState Step(CartPoleState s, int action)
    {
        double force = action == 1 ? ForceMagnitude : -ForceMagnitude;
        double cosTheta = Math.Cos(s.Theta);
        double sinTheta = Math.Sin(s.Theta);
        double temp = (force + PoleMassLength * (s.ThetaDot * s.ThetaDot) * sinTheta) / TotalMass;
        double thetaAcc = (Gravity * sinTheta - cosTheta * temp)
            / (Length * (4.0 / 3.0 - MassPole * (cosTheta * cosTheta) / TotalMass));
        double xAcc = temp - PoleMassLength * thetaAcc * cosTheta / TotalMass;
        return new CartPoleState(
            s.X + Tau * s.XDot,
            s.XDot + Tau * xAcc,
            s.Theta + Tau * s.ThetaDot,
            s.ThetaDot + Tau * thetaAcc);
    }

    /// <summary>Terminal: x &lt; −2.4, x &gt; 2.4, θ &lt; −12° or θ &gt; 12°.</summary>
    public static bool IsTerminal(CartPoleState s) =>
        s.X < -XThreshold || s.X > XThreshold || s.Theta < -ThetaThreshold || s.Theta > ThetaThreshold;

    /// <summary>Writes (x, ẋ, θ, θ̇) rounded to float32.</summary>
    public static void Observe(CartPoleState s, Span<float> observation)
    {
        observation[0] = (float)s.X;
        observation[1] = (float)s.XDot;
        observation[2] = (float)s.Theta;
        observation[3] = (float)s.ThetaDot;
    }

    /// <summary>s₀ ~ U(−0.05, 0.05)⁴, components drawn in the order x, ẋ, θ, θ̇.</summary>
    public static CartPoleState SampleInitialState(Random random) => new(
        Uniform.Sample(random, -0.05, 0.05), Uniform.Sample(random, -0.05, 0.05),
        Uniform.Sample(random, -0.05, 0.05), Uniform.Sample(random, -0.05, 0.05));
}
