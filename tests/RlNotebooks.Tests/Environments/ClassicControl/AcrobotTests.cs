using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Environments.ClassicControl;

/// <summary>
/// Acrobot-v1 against the book dynamics of Gymnasium's gymnasium/envs/classic_control/acrobot.py (m = l₁ = I = 1,
/// l_c = 0.5, g = 9.8), with the constants plugged in by hand:
/// d₁ = 0.25 + (1 + 0.25 + cos θ₂) + 2 = 3.5 + cos θ₂, d₂ = 0.25 + 0.5 cos θ₂ + 1 = 1.25 + 0.5 cos θ₂,
/// φ₂ = 4.9 cos(θ₁ + θ₂ − π/2), φ₁ = −0.5 θ̇₂² sin θ₂ − θ̇₂θ̇₁ sin θ₂ + 14.7 cos(θ₁ − π/2) + φ₂,
/// θ̈₂ = (τ + d₂/d₁ φ₁ − 0.5 θ̇₁² sin θ₂ − φ₂)/(1.25 − d₂²/d₁), θ̈₁ = −(d₂θ̈₂ + φ₁)/d₁.
/// </summary>
public class AcrobotTests
{
    private static AcrobotState HandDerivative(AcrobotState s, double tau)
    {
        double c2 = Math.Cos(s.Theta2), s2 = Math.Sin(s.Theta2);
        double d1 = 3.5 + c2, d2 = 1.25 + 0.5 * c2;
        double phi2 = 4.9 * Math.Cos(s.Theta1 + s.Theta2 - Math.PI / 2);
        double phi1 = -0.5 * s.Theta2Dot * s.Theta2Dot * s2 - s.Theta2Dot * s.Theta1Dot * s2 + 14.7 * Math.Cos(s.Theta1 - Math.PI / 2) + phi2;
        double dd2 = (tau + d2 / d1 * phi1 - 0.5 * s.Theta1Dot * s.Theta1Dot * s2 - phi2) / (1.25 - d2 * d2 / d1);
        double dd1 = -(d2 * dd2 + phi1) / d1;
        return new AcrobotState(s.Theta1Dot, s.Theta2Dot, dd1, dd2);
    }

    [Fact]
    public void Hanging_at_rest_with_torque_plus_one_accelerates_by_the_closed_form()
    {
        // θ = θ̇ = 0: d₁ = 4.5, d₂ = 1.75, φ = 0 (up to cos(−π/2) ≈ 6e-17), so θ̈₂ = 1/(1.25 − 1.75²/4.5) = 1/(41/72) = 72/41
        // and θ̈₁ = −1.75·(72/41)/4.5 = −28/41.
        AcrobotState k = Acrobot.Derivative(new AcrobotState(0, 0, 0, 0), 1.0);
        Approx.Equal([0, 0, -28.0 / 41, 72.0 / 41], [k.Theta1, k.Theta2, k.Theta1Dot, k.Theta2Dot], 1e-14);
    }

    [Fact]
    public void Derivative_matches_the_book_equations_at_a_generic_state()
    {
        var s = new AcrobotState(0.3, -0.2, 0.5, -0.4);
        foreach (double tau in new[] { -1.0, 0.0, 1.0 })
        {
            AcrobotState expected = HandDerivative(s, tau), actual = Acrobot.Derivative(s, tau);
            Approx.Equal([expected.Theta1, expected.Theta2, expected.Theta1Dot, expected.Theta2Dot],
                [actual.Theta1, actual.Theta2, actual.Theta1Dot, actual.Theta2Dot], 1e-13);
        }
    }

    [Fact]
    public void Three_steps_follow_rk4_with_dt_0_2_then_wrap_and_clip()
    {
        // y′ = y + 0.2/6 (k₁ + 2k₂ + 2k₃ + k₄), k₁ = f(y), k₂ = f(y + 0.1k₁), k₃ = f(y + 0.1k₂), k₄ = f(y + 0.2k₃), τ held.
        var env = new AcrobotEnvironment();
        var obs = new float[6];
        var y = new AcrobotState(0.05, -0.03, 0.02, 0.01);
        env.ResetTo(y, obs);
        int[] actions = [2, 2, 0];
        foreach (int a in actions)
        {
            double tau = a - 1.0;
            double[] v = [y.Theta1, y.Theta2, y.Theta1Dot, y.Theta2Dot];
            double[] k1 = F(v, tau), k2 = F(Axpy(v, 0.1, k1), tau), k3 = F(Axpy(v, 0.1, k2), tau), k4 = F(Axpy(v, 0.2, k3), tau);
            double[] next = v.Select((x, j) => x + 0.2 / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j])).ToArray();
            ControlStep step = env.Step(a, obs);
            Approx.Equal(next, [env.State.Theta1, env.State.Theta2, env.State.Theta1Dot, env.State.Theta2Dot], 1e-13);
            Assert.Equal(new ControlStep(-1.0, false, false), step);
            Assert.Equal([(float)Math.Cos(next[0]), (float)Math.Sin(next[0]), (float)Math.Cos(next[1]), (float)Math.Sin(next[1]),
                (float)env.State.Theta1Dot, (float)env.State.Theta2Dot], obs);
            y = env.State;
        }

        static double[] F(double[] v, double tau)
        {
            AcrobotState d = HandDerivative(new AcrobotState(v[0], v[1], v[2], v[3]), tau);
            return [d.Theta1, d.Theta2, d.Theta1Dot, d.Theta2Dot];
        }

        static double[] Axpy(double[] v, double h, double[] k) => v.Select((x, j) => x + h * k[j]).ToArray();
    }

    [Fact]
    public void Angles_wrap_into_minus_pi_pi_and_velocities_clip_at_4pi_and_9pi()
    {
        Assert.Equal(3.5 - 2 * Math.PI, Acrobot.Wrap(3.5, -Math.PI, Math.PI));
        Assert.Equal(-7.0 + 2 * Math.PI, Acrobot.Wrap(-7.0, -Math.PI, Math.PI));
        Assert.Equal(Math.PI, Acrobot.Wrap(Math.PI, -Math.PI, Math.PI));

        // Spinning fast: θ̇₁ = 4π, θ̇₂ = −9π stay at the bounds or inside after the step.
        AcrobotState next = Acrobot.Step(new AcrobotState(3.0, -3.0, 4 * Math.PI, -9 * Math.PI), 2);
        Assert.InRange(next.Theta1, -Math.PI, Math.PI);
        Assert.InRange(next.Theta2, -Math.PI, Math.PI);
        Assert.InRange(next.Theta1Dot, -4 * Math.PI, 4 * Math.PI);
        Assert.InRange(next.Theta2Dot, -9 * Math.PI, 9 * Math.PI);
    }

    [Fact]
    public void Reaching_the_height_terminates_with_reward_0()
    {
        // Height −cos θ₁ − cos(θ₂ + θ₁): both links up (θ₁ = π, θ₂ = 0) gives 2 > 1; hanging down gives −2.
        Assert.True(Acrobot.IsTerminal(new AcrobotState(Math.PI, 0, 0, 0)));
        Assert.False(Acrobot.IsTerminal(new AcrobotState(0, 0, 0, 0)));
        Assert.False(Acrobot.IsTerminal(new AcrobotState(Math.PI / 2, 0, 0, 0))); // link 1 horizontal, link 2 horizontal: height 0

        var env = new AcrobotEnvironment();
        var obs = new float[6];
        env.ResetTo(new AcrobotState(Math.PI - 0.01, 0, 0, 0), obs);
        Assert.Equal(new ControlStep(0.0, true, false), env.Step(1, obs));
    }

    [Fact]
    public void Registered_limit_and_spaces_are_gymnasiums()
    {
        var env = new AcrobotEnvironment();
        Assert.Equal(("Acrobot-v1", 500, 6), (env.Id, env.MaxEpisodeSteps, env.ObservationSize));
        Assert.Equal(new Discrete(3), env.ActionSpace);
        Assert.Equal((float)(9 * Math.PI), env.ObservationSpace.High[5]);
    }
}
