namespace RlNotebooks.Environments.ClassicControl;

/// <summary>
/// Acrobot-v1's dynamics as pure functions (Gymnasium gymnasium/envs/classic_control/acrobot.py, from RLPy; Sutton 1996 and
/// Sutton &amp; Barto's book, whose equations Gymnasium uses by default: <c>book_or_nips = "book"</c>).
/// <para>
/// Two links of mass m₁ = m₂ = 1, length l₁ = 1, centres of mass at l_c1 = l_c2 = 0.5, moments of inertia I₁ = I₂ = 1,
/// g = 9.8; torque τ ∈ {−1, 0, +1} on the joint between the links (actions 0, 1, 2):
/// d₁ = m₁l_c1² + m₂(l₁² + l_c2² + 2l₁l_c2 cos θ₂) + I₁ + I₂, d₂ = m₂(l_c2² + l₁l_c2 cos θ₂) + I₂,
/// φ₂ = m₂l_c2 g cos(θ₁ + θ₂ − π/2),
/// φ₁ = −m₂l₁l_c2 θ̇₂² sin θ₂ − 2m₂l₁l_c2 θ̇₂θ̇₁ sin θ₂ + (m₁l_c1 + m₂l₁) g cos(θ₁ − π/2) + φ₂,
/// θ̈₂ = (τ + d₂/d₁ φ₁ − m₂l₁l_c2 θ̇₁² sin θ₂ − φ₂) / (m₂l_c2² + I₂ − d₂²/d₁), θ̈₁ = −(d₂θ̈₂ + φ₁)/d₁.
/// One step integrates these for dt = 0.2 s with a single classical Runge–Kutta (RK4) step, τ held constant; then
/// θ₁, θ₂ are wrapped into [−π, π] and θ̇₁, θ̇₂ clipped to ±4π, ±9π.
/// </para>
/// <para>
/// Reward −1 per step, 0 on the terminating step. Terminated when the free end is above the bar:
/// −cos θ₁ − cos(θ₂ + θ₁) &gt; 1. Truncated after 500 steps. s₀ ~ U(−0.1, 0.1)⁴ rounded to float32 (Gymnasium stores
/// the reset state as float32; steps then run in float64). Observation (cos θ₁, sin θ₁, cos θ₂, sin θ₂, θ̇₁, θ̇₂) in float32
/// (computed in float64 and rounded; at s₀ Gymnasium evaluates cos/sin on the float32 state in float32, which can
/// differ in the last bit).
/// </para>
/// </summary>
public static class Acrobot
{
    /// <summary>Gymnasium's id.</summary>
    public const string Id = "Acrobot-v1";

    /// <summary>Registered TimeLimit.</summary>
    public const int MaxEpisodeSteps = 500;

    /// <summary>Integration interval dt [s].</summary>
    public const double Dt = 0.2;

    /// <summary>Link masses m₁ = m₂ [kg].</summary>
    public const double LinkMass = 1.0;

    /// <summary>Length of link 1, l₁ [m].</summary>
    public const double LinkLength1 = 1.0;

    /// <summary>Position of the centre of mass of each link, l_c1 = l_c2 [m].</summary>
    public const double LinkCenterOfMass = 0.5;

    /// <summary>Moment of inertia of each link, I₁ = I₂.</summary>
    public const double LinkMomentOfInertia = 1.0;

    /// <summary>Gravity g.</summary>
    public const double Gravity = 9.8;

    /// <summary>|θ̇₁| ≤ 4π.</summary>
    public const double MaxVelocity1 = 4 * Math.PI;

    /// <summary>|θ̇₂| ≤ 9π.</summary>
    public const double MaxVelocity2 = 9 * Math.PI;

    /// <summary>Torques of actions 0, 1, 2.</summary>
    public static ReadOnlySpan<double> Torques => [-1.0, 0.0, 1.0];

    /// <summary>Observation bounds (±1 four times, ±4π, ±9π) in float32.</summary>
    public static Box ObservationSpace { get; } = new(
        [-1f, -1f, -1f, -1f, -(float)MaxVelocity1, -(float)MaxVelocity2],
        [1f, 1f, 1f, 1f, (float)MaxVelocity1, (float)MaxVelocity2]);

    /// <summary>
    /// The time derivative (θ̇₁, θ̇₂, θ̈₁, θ̈₂) of state <paramref name="s"/> under torque <paramref name="torque"/> (book dynamics).
    /// </summary>
    public static AcrobotState Derivative(AcrobotState s, double torque)
    {
        const double m1 = LinkMass, m2 = LinkMass, l1 = LinkLength1, lc1 = LinkCenterOfMass, lc2 = LinkCenterOfMass;
        const double i1 = LinkMomentOfInertia, i2 = LinkMomentOfInertia, g = Gravity;
        double theta1 = s.Theta1, theta2 = s.Theta2, dtheta1 = s.Theta1Dot, dtheta2 = s.Theta2Dot;
        (double sin2, double cos2) = Math.SinCos(theta2);
        double d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * cos2) + i1 + i2;
        double d2 = m2 * (lc2 * lc2 + l1 * lc2 * cos2) + i2;
        double phi2 = m2 * lc2 * g * Math.Cos(theta1 + theta2 - Math.PI / 2.0);
        double phi1 = -m2 * l1 * lc2 * (dtheta2 * dtheta2) * sin2
            - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * sin2
            + (m1 * lc1 + m2 * l1) * g * Math.Cos(theta1 - Math.PI / 2)
            + phi2;
        double ddtheta2 = (torque + d2 / d1 * phi1 - m2 * l1 * lc2 * (dtheta1 * dtheta1) * sin2 - phi2)
            / (m2 * (lc2 * lc2) + i2 - d2 * d2 / d1);
        double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
        return new AcrobotState(dtheta1, dtheta2, ddtheta1, ddtheta2);
    }

    /// <summary>
    /// One RK4 step of length dt from <paramref name="s"/> with the torque held:
    /// k₁ = f(y), k₂ = f(y + dt/2·k₁), k₃ = f(y + dt/2·k₂), k₄ = f(y + dt·k₃), y + dt/6·(k₁ + 2k₂ + 2k₃ + k₄); no wrapping.
    /// </summary>
    public static AcrobotState RungeKutta4(AcrobotState s, double torque, double dt)
    {
        double half = dt / 2.0;
        AcrobotState k1 = Derivative(s, torque);
        AcrobotState k2 = Derivative(Add(s, half, k1), torque);
        AcrobotState k3 = Derivative(Add(s, half, k2), torque);
        AcrobotState k4 = Derivative(Add(s, dt, k3), torque);
        double sixth = dt / 6.0;
        return new AcrobotState(
            s.Theta1 + sixth * (k1.Theta1 + 2 * k2.Theta1 + 2 * k3.Theta1 + k4.Theta1),
            s.Theta2 + sixth * (k1.Theta2 + 2 * k2.Theta2 + 2 * k3.Theta2 + k4.Theta2),
            s.Theta1Dot + sixth * (k1.Theta1Dot + 2 * k2.Theta1Dot + 2 * k3.Theta1Dot + k4.Theta1Dot),
            s.Theta2Dot + sixth * (k1.Theta2Dot + 2 * k2.Theta2Dot + 2 * k3.Theta2Dot + k4.Theta2Dot));
    }

    /// <summary>The state after one step with action <paramref name="action"/> ∈ {0, 1, 2}: RK4 over dt, wrap angles, clip velocities.</summary>
    public static AcrobotState Step(AcrobotState s, int action)
    {
        AcrobotState next = RungeKutta4(s, Torques[action], Dt);
        return new AcrobotState(
            Wrap(next.Theta1, -Math.PI, Math.PI),
            Wrap(next.Theta2, -Math.PI, Math.PI),
            Math.Min(Math.Max(next.Theta1Dot, -MaxVelocity1), MaxVelocity1),
            Math.Min(Math.Max(next.Theta2Dot, -MaxVelocity2), MaxVelocity2));
    }

    /// <summary>Terminal: the free end's height −cos θ₁ − cos(θ₂ + θ₁) exceeds 1.</summary>
    public static bool IsTerminal(AcrobotState s) => -Math.Cos(s.Theta1) - Math.Cos(s.Theta2 + s.Theta1) > 1.0;

    /// <summary>Writes (cos θ₁, sin θ₁, cos θ₂, sin θ₂, θ̇₁, θ̇₂) rounded to float32.</summary>
    public static void Observe(AcrobotState s, Span<float> observation)
    {
        observation[0] = (float)Math.Cos(s.Theta1);
        observation[1] = (float)Math.Sin(s.Theta1);
        observation[2] = (float)Math.Cos(s.Theta2);
        observation[3] = (float)Math.Sin(s.Theta2);
        observation[4] = (float)s.Theta1Dot;
        observation[5] = (float)s.Theta2Dot;
    }

    /// <summary>s₀ ~ U(−0.1, 0.1)⁴, each component rounded to float32 as Gymnasium stores it.</summary>
    public static AcrobotState SampleInitialState(Random random) => new(
        (float)Uniform.Sample(random, -0.1, 0.1), (float)Uniform.Sample(random, -0.1, 0.1),
        (float)Uniform.Sample(random, -0.1, 0.1), (float)Uniform.Sample(random, -0.1, 0.1));

    /// <summary>Gymnasium's <c>wrap</c>: adds or subtracts (M − m) until m ≤ x ≤ M.</summary>
    public static double Wrap(double x, double m, double M)
    {
        double diff = M - m;
        while (x > M)
        {
            x -= diff;
        }

        while (x < m)
        {
            x += diff;
        }

        return x;
    }

    private static AcrobotState Add(AcrobotState s, double h, AcrobotState k) =>
        new(s.Theta1 + h * k.Theta1, s.Theta2 + h * k.Theta2, s.Theta1Dot + h * k.Theta1Dot, s.Theta2Dot + h * k.Theta2Dot);
}
