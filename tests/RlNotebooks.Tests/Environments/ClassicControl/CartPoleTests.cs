using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Environments.ClassicControl;

/// <summary>
/// CartPole-v1 against trajectories worked out by hand from the equations of Gymnasium's
/// gymnasium/envs/classic_control/cartpole.py (Euler integrator, g = 9.8, m_c = 1, m_p = 0.1, l = 0.5, F = ±10, τ = 0.02).
/// </summary>
public class CartPoleTests
{
    [Fact]
    public void Two_pushes_right_from_rest_match_the_closed_form()
    {
        // From s = 0 with θ = 0: sin θ = 0, cos θ = 1, so temp = F/M = 10/1.1 = 100/11,
        // θ̈ = −temp / (0.5 (4/3 − 0.1/1.1)) = −(100/11)/(41/66) = −600/41, ẍ = 100/11 + 0.05·(600/41)/1.1 = 4400/451.
        // Euler uses the old values: step 1 → (0, 0.02·4400/451, 0, −0.02·600/41) = (0, 88/451, 0, −12/41);
        // step 2 still has θ = 0, so the accelerations repeat → (0.02·88/451, 176/451, −0.02·12/41, −24/41).
        var env = new CartPoleEnvironment();
        var obs = new float[4];
        env.ResetTo(new CartPoleState(0, 0, 0, 0), obs);

        ControlStep first = env.Step(1, obs);
        AssertState(new CartPoleState(0, 88.0 / 451, 0, -12.0 / 41), env.State);
        Assert.Equal(new ControlStep(1.0, false, false), first);
        Assert.Equal([0f, (float)(88.0 / 451), 0f, (float)(-12.0 / 41)], obs);

        env.Step(1, obs);
        AssertState(new CartPoleState(1.76 / 451, 176.0 / 451, -0.24 / 41, -24.0 / 41), env.State);
        Assert.Equal([(float)env.State.X, (float)env.State.XDot, (float)env.State.Theta, (float)env.State.ThetaDot], obs);
    }

    [Fact]
    public void A_tilted_step_matches_the_equations_with_the_constants_plugged_in()
    {
        // temp = (F + 0.05 θ̇² sin θ)/1.1, θ̈ = (9.8 sin θ − cos θ·temp)/(0.5 (4/3 − 0.1 cos²θ/1.1)), ẍ = temp − 0.05 θ̈ cos θ/1.1.
        var s = new CartPoleState(0.1, -0.3, 0.05, 0.4);
        double sin = Math.Sin(0.05), cos = Math.Cos(0.05);
        double temp = (-10 + 0.05 * 0.16 * sin) / 1.1;
        double thetaAcc = (9.8 * sin - cos * temp) / (0.5 * (4.0 / 3 - 0.1 * cos * cos / 1.1));
        double xAcc = temp - 0.05 * thetaAcc * cos / 1.1;
        var expected = new CartPoleState(0.1 + 0.02 * -0.3, -0.3 + 0.02 * xAcc, 0.05 + 0.02 * 0.4, 0.4 + 0.02 * thetaAcc);
        AssertState(expected, CartPole.Step(s, 0));
    }

    [Fact]
    public void Termination_is_strictly_beyond_2_4_or_12_degrees_and_still_pays_1()
    {
        double limit = 12 * 2 * Math.PI / 360;
        Assert.False(CartPole.IsTerminal(new CartPoleState(2.4, 0, limit, 0)));
        Assert.False(CartPole.IsTerminal(new CartPoleState(-2.4, 0, -limit, 0)));
        Assert.True(CartPole.IsTerminal(new CartPoleState(Math.BitIncrement(2.4), 0, 0, 0)));
        Assert.True(CartPole.IsTerminal(new CartPoleState(0, 0, -Math.BitIncrement(limit), 0)));

        var env = new CartPoleEnvironment();
        var obs = new float[4];
        env.ResetTo(new CartPoleState(2.39, 1.0, 0, 0), obs); // x′ = 2.39 + 0.02·1 = 2.41 > 2.4
        Assert.Equal(new ControlStep(1.0, true, false), env.Step(1, obs));
        Assert.False(env.IsRunning);
    }

    [Fact]
    public void Registered_limit_and_spaces_are_gymnasiums()
    {
        var env = new CartPoleEnvironment();
        Assert.Equal("CartPole-v1", env.Id);
        Assert.Equal(500, env.MaxEpisodeSteps);
        Assert.Equal(new Discrete(2), env.ActionSpace);
        Assert.Equal(4, env.ObservationSize);
        Assert.Equal(4.8f, env.ObservationSpace.High[0]);
        Assert.Equal((float)(2 * 12 * 2 * Math.PI / 360), env.ObservationSpace.High[2]);
    }

    private static void AssertState(CartPoleState expected, CartPoleState actual)
    {
        Approx.Equal([expected.X, expected.XDot, expected.Theta, expected.ThetaDot],
            [actual.X, actual.XDot, actual.Theta, actual.ThetaDot], 1e-15);
    }
}
