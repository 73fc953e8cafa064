namespace RlNotebooks.Environments.ClassicControl;

/// <summary>
/// Pendulum-v1's dynamics as pure functions (Gymnasium gymnasium/envs/classic_control/pendulum.py).
/// <para>
/// Torque u ∈ [−2, 2], g = 10, m = l = 1, dt = 0.05:
/// θ̇′ = clip(θ̇ + (3g/(2l) sin θ + 3/(ml²) u)·dt, −8, 8), θ′ = θ + θ̇′·dt (semi-implicit Euler).
/// Reward −(norm(θ)² + 0.1 θ̇² + 0.001 u²) with norm(θ) = ((θ + π) mod 2π) − π (floored mod, as Python's %), evaluated
/// at the state before the step. Arithmetic is float64 with the float32 action widened exactly (NumPy 1.x promotion;
/// NumPy 2 evaluates the terms in u in float32, which differs in float32 rounding only).
/// No termination; truncated after 200 steps. s₀ ~ (U(−π, π), U(−1, 1)). Observation (cos θ, sin θ, θ̇) in float32.
/// </para>
/// </summary>
public static class Pendulum
{
    /// <summary>Gymnasium's id.</summary>
    public const string Id = "Pendulum-v1";

    /// <summary>Registered TimeLimit.</summary>
    public const int MaxEpisodeSteps = 200;

    /// <summary>|θ̇| ≤ 8.</summary>
    public const double MaxSpeed = 8;

    /// <summary>|u| ≤ 2.</summary>
    public const float MaxTorque = 2.0f;

    /// <summary>Time step dt [s].</summary>
    public const double Dt = 0.05;

    /// <summary>Default gravity g = 10.</summary>
    public const double DefaultGravity = 10.0;

    /// <summary>Mass m.</summary>
    public const double Mass = 1.0;

    /// <summary>Length l.</summary>
    public const double Length = 1.0;

    /// <summary>Observation bounds [−1, 1] × [−1, 1] × [−8, 8].</summary>
    public static Box ObservationSpace { get; } = new([-1f, -1f, -(float)MaxSpeed], [1f, 1f, (float)MaxSpeed]);

    /// <summary>The action box [−2, 2].</summary>
    public static Box ActionSpace { get; } = new(-MaxTorque, MaxTorque, 1);

    /// <summary>((θ + π) mod 2π) − π with the floored mod of Python and NumPy (the result of mod has the sign of 2π).</summary>
    public static double NormalizeAngle(double theta)
    {
        double r = (theta + Math.PI) % (2 * Math.PI);
        if (r < 0)
        {
            r += 2 * Math.PI;
        }

        return r - Math.PI;
    }

    /// <summary>The reward −(norm(θ)² + 0.1 θ̇² + 0.001 u²) for torque <paramref name="torque"/> in state <paramref name="s"/>.</summary>
    public static double Reward(PendulumState s, float torque)
    {
        double angle = NormalizeAngle(s.Theta);
        double u = torque;
        return -(angle * angle + 0.1 * (s.ThetaDot * s.ThetaDot) + 0.001 * (u * u));
    }

    /// <summary>The state after one step with torque <paramref name="torque"/> and gravity <paramref name="gravity"/>.</summary>
    public static PendulumState Step(PendulumState s, float torque, double gravity = DefaultGravity)
    {
        double thetaDot = s.ThetaDot + (3 * gravity / (2 * Length) * Math.Sin(s.Theta) + 3.0 / (Mass * (Length * Length)) * torque) * Dt;
        thetaDot = Math.Clamp(thetaDot, -MaxSpeed, MaxSpeed);
        return new PendulumState(s.Theta + thetaDot * Dt, thetaDot);
    }

    /// <summary>Writes (cos θ, sin θ, θ̇) rounded to float32.</summary>
    public static void Observe(PendulumState s, Span<float> observation)
    {
        observation[0] = (float)Math.Cos(s.Theta);
        observation[1] = (float)Math.Sin(s.Theta);
        observation[2] = (float)s.ThetaDot;
    }

    /// <summary>s₀ = (U(−π, π), U(−1, 1)), drawn in that order.</summary>
    public static PendulumState SampleInitialState(Random random) =>
        new(Uniform.Sample(random, -Math.PI, Math.PI), Uniform.Sample(random, -1.0, 1.0));
}
