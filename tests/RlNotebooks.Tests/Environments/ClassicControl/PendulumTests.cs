using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Environments.ClassicControl;

/// <summary>
/// Pendulum-v1 against hand-worked steps of Gymnasium's gymnasium/envs/classic_control/pendulum.py (g = 10, m = l = 1,
/// dt = 0.05): θ̇′ = clip(θ̇ + (15 sin θ + 3u)·0.05, ±8), θ′ = θ + 0.05 θ̇′, r = −(norm(θ)² + 0.1θ̇² + 0.001u²).
/// </summary>
public class PendulumTests
{
    [Fact]
    public void Upright_at_rest_with_full_torque()
    {
        // θ = θ̇ = 0, u = 2: r = −0.001·4 = −0.004; θ̇′ = (0 + 6)·0.05 = 0.3; θ′ = 0.3·0.05 = 0.015.
        var env = new PendulumEnvironment();
        var obs = new float[3];
        env.ResetTo(new PendulumState(0, 0), obs);
        Assert.Equal([1f, 0f, 0f], obs);
        ControlStep step = env.Step([2f], obs);
        Assert.Equal(-0.004, step.Reward, 15);
        Assert.False(step.Done);
        Assert.Equal(0.3, env.State.ThetaDot, 15);
        Assert.Equal(0.015, env.State.Theta, 15);
        Assert.Equal([(float)Math.Cos(env.State.Theta), (float)Math.Sin(env.State.Theta), (float)env.State.ThetaDot], obs);
    }

    [Fact]
    public void Two_steps_from_a_tilted_state_follow_the_semi_implicit_euler_update()
    {
        var env = new PendulumEnvironment();
        var obs = new float[3];
        (double theta, double thetaDot) = (2.0, -0.5);
        env.ResetTo(new PendulumState(theta, thetaDot), obs);
        foreach (float u in new[] { -1.5f, 0.25f })
        {
            double expectedReward = -(Norm(theta) * Norm(theta) + 0.1 * thetaDot * thetaDot + 0.001 * u * u);
            double newThetaDot = thetaDot + (15 * Math.Sin(theta) + 3 * u) * 0.05;
            double newTheta = theta + newThetaDot * 0.05;
            ControlStep step = env.Step([u], obs);
            Assert.Equal(expectedReward, step.Reward, 14);
            Approx.Equal([newTheta, newThetaDot], [env.State.Theta, env.State.ThetaDot], 1e-15);
            (theta, thetaDot) = (newTheta, newThetaDot);
        }

        static double Norm(double x) => x > Math.PI ? x - 2 * Math.PI : x;
    }

    [Fact]
    public void Angle_normalisation_is_the_floored_mod_of_numpy()
    {
        Assert.Equal(0.0, Pendulum.NormalizeAngle(0.0));
        Assert.Equal(-Math.PI / 2, Pendulum.NormalizeAngle(-Math.PI / 2), 15);
        Assert.Equal(Math.PI / 2, Pendulum.NormalizeAngle(-3 * Math.PI / 2), 15); // C#'s truncated % would give −3π/2
        Assert.Equal(-Math.PI / 2, Pendulum.NormalizeAngle(3 * Math.PI / 2), 15);
        Assert.Equal(-Math.PI, Pendulum.NormalizeAngle(Math.PI), 15); // ((π + π) mod 2π) − π
        Assert.Equal(-Math.PI + 0.5, Pendulum.NormalizeAngle(-9 * Math.PI + 0.5), 12);
        // The reward uses the normalised angle: θ = 2π + 0.1 costs like θ = 0.1.
        Assert.Equal(Pendulum.Reward(new PendulumState(0.1, 0), 0f), Pendulum.Reward(new PendulumState(2 * Math.PI + 0.1, 0), 0f), 14);
    }

    [Fact]
    public void The_torque_cost_uses_the_float32_action_widened_exactly()
    {
        // u = 0.1f is 0.100000001490116…; the cost 0.001u² is taken of that value in float64, not of 0.1 or of a float32 u².
        double u = 0.1f;
        Assert.Equal(-(0.0 + 0.1 * 0.0 + 0.001 * (u * u)), Pendulum.Reward(new PendulumState(0, 0), 0.1f));
        Assert.NotEqual(-(0.001 * (0.1 * 0.1)), Pendulum.Reward(new PendulumState(0, 0), 0.1f));
    }

    [Fact]
    public void Speed_is_clipped_at_8()
    {
        // θ̇′ = 7.9 + (15 sin(π/2) + 6)·0.05 = 8.95 → 8.
        PendulumState next = Pendulum.Step(new PendulumState(Math.PI / 2, 7.9), 2f);
        Assert.Equal(8.0, next.ThetaDot);
        Assert.Equal(Math.PI / 2 + 8.0 * 0.05, next.Theta);
    }

    [Fact]
    public void Never_terminates_and_truncates_at_the_registered_200_steps()
    {
        var env = new PendulumEnvironment();
        Assert.Equal(("Pendulum-v1", 200), (env.Id, env.MaxEpisodeSteps));
        Assert.Equal(new Box(-2f, 2f, 1), env.ActionSpace);
        var obs = new float[3];
        env.Reset(obs, seed: 3);
        for (int t = 1; t < 200; t++)
        {
            Assert.False(env.Step([1f], obs).Done);
        }

        ControlStep last = env.Step([1f], obs);
        Assert.Equal((false, true), (last.Terminated, last.Truncated));
        Assert.Equal(200, env.ElapsedSteps);
    }
}
