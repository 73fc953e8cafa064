using RlNotebooks.Environments.ClassicControl;

namespace RlNotebooks.Tests.Environments.ClassicControl;

/// <summary>
/// MountainCar-v0 and MountainCarContinuous-v0 against hand-worked steps of Gymnasium's
/// gymnasium/envs/classic_control/mountain_car.py and continuous_mountain_car.py:
/// v′ = clip(v + p − 0.0025 cos 3x, ±0.07), x′ = clip(x + v′, −1.2, 0.6), v′ = 0 at the left wall when v′ &lt; 0.
/// </summary>
public class MountainCarTests
{
    [Fact]
    public void Discrete_steps_push_by_a_minus_1_times_0_001_against_the_slope()
    {
        var env = new MountainCarEnvironment();
        var obs = new float[2];
        env.ResetTo(new MountainCarState(-0.5, 0.0), obs);
        Assert.Equal([-0.5f, 0f], obs);

        // Step 1, a = 2: v = 0 + (0.001 − 0.0025 cos(−1.5)) = 0.001 − 0.0025·0.0707372016677029 ≈ 0.000823157, x = −0.5 + v.
        double v1 = 0.0 + (0.001 - 0.0025 * Math.Cos(3 * -0.5));
        Assert.Equal(0.000823157, v1, 9);
        Assert.Equal(new ControlStep(-1.0, false, false), env.Step(2, obs));
        Assert.Equal(new MountainCarState(-0.5 + v1, v1), env.State);
        Assert.Equal([(float)(-0.5 + v1), (float)v1], obs);

        // Step 2, a = 0: v = v₁ + (−0.001 − 0.0025 cos 3x₁).
        double x1 = -0.5 + v1;
        double v2 = v1 + (-0.001 - 0.0025 * Math.Cos(3 * x1));
        env.Step(0, obs);
        Assert.Equal(new MountainCarState(x1 + v2, v2), env.State);
    }

    [Fact]
    public void Speed_is_clipped_and_the_left_wall_is_inelastic()
    {
        // v = 0.0699 + 0.001 − 0.0025 cos(−1.5) = 0.07073… → clipped to 0.07.
        Assert.Equal(new MountainCarState(-0.5 + 0.07, 0.07), MountainCar.Step(new MountainCarState(-0.5, 0.0699), 2));
        // x = −1.19 − 0.0487… < −1.2 → x = −1.2 and v = 0.
        Assert.Equal(new MountainCarState(-1.2, 0.0), MountainCar.Step(new MountainCarState(-1.19, -0.05), 0));
    }

    [Fact]
    public void Discrete_goal_is_x_at_least_0_5_with_nonnegative_speed()
    {
        var env = new MountainCarEnvironment();
        var obs = new float[2];
        env.ResetTo(new MountainCarState(0.49, 0.02), obs);
        Assert.Equal(new ControlStep(-1.0, true, false), env.Step(2, obs));
        Assert.True(MountainCar.ReachedGoal(new MountainCarState(0.5, 0.0)));
        Assert.False(MountainCar.ReachedGoal(new MountainCarState(0.55, -0.001)));
        Assert.Equal(("MountainCar-v0", 200, new Discrete(3)), (env.Id, env.MaxEpisodeSteps, (Discrete)env.ActionSpace));
    }

    [Fact]
    public void Continuous_step_pushes_a_times_0_0015_and_stores_the_state_in_float32()
    {
        var env = new MountainCarContinuousEnvironment();
        var obs = new float[2];
        env.ResetTo(new MountainCarState(-0.5, 0.0), obs);

        // a = 0.5: v = 0 + (0.5·0.0015 − 0.0025 cos(−1.5)), x = −0.5 + v; reward −0.1·0.25 = −0.025; state rounded to float32.
        double v = 0.0 + (0.5 * 0.0015 - 0.0025 * Math.Cos(-1.5));
        ControlStep step = env.Step([0.5f], obs);
        Assert.False(step.Done);
        Assert.Equal(-0.025, step.Reward, 15);
        Assert.Equal(new MountainCarState((float)(-0.5 + v), (float)v), env.State);
        Assert.Equal([(float)(-0.5 + v), (float)v], obs);

        // The next step starts from the float32-rounded state.
        double x1 = (float)(-0.5 + v), v1 = (float)v;
        double v2 = v1 + (-1.0 * 0.0015 - 0.0025 * Math.Cos(3 * x1));
        env.Step([-1f], obs);
        Assert.Equal(new MountainCarState((float)(x1 + v2), (float)v2), env.State);
    }

    [Fact]
    public void Continuous_goal_at_0_45_pays_100_minus_the_action_cost()
    {
        var env = new MountainCarContinuousEnvironment();
        var obs = new float[2];
        env.ResetTo(new MountainCarState(0.44, 0.02), obs);
        ControlStep step = env.Step([0.5f], obs);
        Assert.True(step.Terminated);
        Assert.Equal(100.0 - 0.25 * 0.1, step.Reward, 12);
        Assert.Equal(("MountainCarContinuous-v0", 999), (env.Id, env.MaxEpisodeSteps));
        Assert.Equal(new Box(-1f, 1f, 1), env.ActionSpace);
    }
}
