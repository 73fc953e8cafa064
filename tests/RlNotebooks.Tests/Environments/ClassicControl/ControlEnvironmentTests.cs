using FsCheck.Fluent;
using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Environments.ClassicControl;

/// <summary>What every classic-control environment shares: seeding, initial-state distributions, the time limit, bad input, no allocation.</summary>
public class ControlEnvironmentTests
{
    public static TheoryData<string> Ids => new() { CartPole.Id, Acrobot.Id, MountainCar.Id, MountainCarContinuous.Id, Pendulum.Id };

    private static ControlEnvironment Make(string id, int? limit = null) => id switch
    {
        CartPole.Id => new CartPoleEnvironment(limit ?? CartPole.MaxEpisodeSteps),
        Acrobot.Id => new AcrobotEnvironment(limit ?? Acrobot.MaxEpisodeSteps),
        MountainCar.Id => new MountainCarEnvironment(limit ?? MountainCar.MaxEpisodeSteps),
        MountainCarContinuous.Id => new MountainCarContinuousEnvironment(limit ?? MountainCarContinuous.MaxEpisodeSteps),
        _ => new PendulumEnvironment(limit ?? Pendulum.MaxEpisodeSteps),
    };

    /// <summary>A random action from <paramref name="random"/> into <paramref name="action"/>; steps and returns the result.</summary>
    private static ControlStep StepRandomly(ControlEnvironment env, Random random, float[] action, float[] obs) => env switch
    {
        DiscreteControlEnvironment d => d.Step(random.Next(d.Actions.N), obs),
        ContinuousControlEnvironment c => c.Step(Fill(action, c.Actions, random), obs),
        _ => throw new InvalidOperationException(),
    };

    private static float[] Fill(float[] action, Box box, Random random)
    {
        action[0] = box.Low[0] + (box.High[0] - box.Low[0]) * random.NextSingle();
        return action;
    }

    private static List<(float[] Obs, ControlStep Step)> Trajectory(string id, int seed, int steps)
    {
        ControlEnvironment env = Make(id, limit: 50);
        var random = new Random(1);
        var action = new float[1];
        var obs = new float[env.ObservationSize];
        env.Reset(obs, seed);
        var result = new List<(float[], ControlStep)> { (obs.ToArray(), default) };
        for (int t = 0; t < steps; t++)
        {
            ControlStep step = StepRandomly(env, random, action, obs);
            result.Add((obs.ToArray(), step));
            if (step.Done)
            {
                env.Reset(obs);
                result.Add((obs.ToArray(), default));
            }
        }

        return result;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Same_seed_gives_the_same_trajectory_and_another_seed_another(string id)
    {
        var first = Trajectory(id, seed: 7, steps: 300);
        var again = Trajectory(id, seed: 7, steps: 300);
        var other = Trajectory(id, seed: 8, steps: 300);
        Assert.Equal(first.Select(x => x.Step), again.Select(x => x.Step));
        Assert.True(first.Zip(again).All(p => p.First.Obs.SequenceEqual(p.Second.Obs)));
        Assert.False(first[0].Obs.SequenceEqual(other[0].Obs));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_observation_lies_in_the_declared_observation_space(string id)
    {
        // Property over seeds: random rollouts (with resets) never leave Gymnasium's declared bounds (|θ̇| ≤ 8, |x| ≤ 4.8, …).
        Properties.Check(Gen.Choose(0, int.MaxValue), seed =>
        {
            ControlEnvironment env = Make(id);
            var random = new Random(seed);
            var action = new float[1];
            var obs = new float[env.ObservationSize];
            env.Reset(obs, seed);
            for (int t = 0; t < 400; t++)
            {
                Assert.True(env.ObservationSpace.Contains(obs), $"step {t}: [{string.Join(", ", obs)}] outside {env.ObservationSpace}");
                if (StepRandomly(env, random, action, obs).Done)
                {
                    Assert.True(env.ObservationSpace.Contains(obs), $"final observation [{string.Join(", ", obs)}] outside {env.ObservationSpace}");
                    env.Reset(obs);
                }
            }
        });
    }

    [Fact]
    public void Initial_states_follow_gymnasiums_documented_distributions()
    {
        const int n = 4000;
        var cartPole = new CartPoleEnvironment();
        var acrobot = new AcrobotEnvironment();
        var car = new MountainCarEnvironment();
        var pendulum = new PendulumEnvironment();
        cartPole.Reset(seed: 1);
        acrobot.Reset(seed: 1);
        car.Reset(seed: 1);
        pendulum.Reset(seed: 1);
        var sums = new double[4];
        for (int k = 0; k < n; k++)
        {
            cartPole.Reset();
            acrobot.Reset();
            car.Reset();
            pendulum.Reset();
            CartPoleState c = cartPole.State;
            Assert.All([c.X, c.XDot, c.Theta, c.ThetaDot], x => Assert.InRange(x, -0.05, 0.05));
            AcrobotState a = acrobot.State;
            Assert.All([a.Theta1, a.Theta2, a.Theta1Dot, a.Theta2Dot], x => Assert.True(x >= -0.1 && x <= 0.1 && x == (float)x));
            Assert.InRange(car.State.Position, -0.6, -0.4);
            Assert.Equal(0.0, car.State.Velocity);
            Assert.InRange(pendulum.State.Theta, -Math.PI, Math.PI);
            Assert.InRange(pendulum.State.ThetaDot, -1.0, 1.0);
            sums[0] += c.Theta;
            sums[1] += a.Theta1;
            sums[2] += car.State.Position;
            sums[3] += pendulum.State.Theta;
        }

        // Means of U(a, b) within 5 standard errors (b − a)/√(12n).
        (double Mean, double Width)[] expected = [(0, 0.1), (0, 0.2), (-0.5, 0.2), (0, 2 * Math.PI)];
        for (int j = 0; j < 4; j++)
        {
            Assert.InRange(sums[j] / n, expected[j].Mean - 5 * expected[j].Width / Math.Sqrt(12.0 * n),
                expected[j].Mean + 5 * expected[j].Width / Math.Sqrt(12.0 * n));
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void A_time_limit_truncates_exactly_once_and_a_further_step_names_the_action(string id)
    {
        ControlEnvironment env = Make(id, limit: 3);
        var obs = new float[env.ObservationSize];
        var action = new float[1];
        var random = new Random(2);
        // Mountain car from the valley floor and a pendulum cannot end within 3 steps; start CartPole and Acrobot from rest.
        env.Reset(obs, seed: 4);
        ControlStep step = default;
        for (int t = 0; t < 3; t++)
        {
            Assert.False(step.Done);
            step = StepRandomly(env, random, action, obs);
        }

        Assert.Equal((false, true), (step.Terminated, step.Truncated));
        var ex = Assert.ThrowsAny<ArgumentException>(() => StepRandomly(env, random, action, obs));
        Assert.Equal("action", ex.ParamName);
        Assert.Contains("truncated", ex.Message);
        env.Reset(obs);
        Assert.True(env.IsRunning);
        Assert.Equal(0, env.ElapsedSteps);
    }

    [Fact]
    public void Stepping_after_termination_or_before_any_reset_is_an_argument_error_naming_the_action()
    {
        var env = new CartPoleEnvironment();
        var obs = new float[4];
        var never = Assert.Throws<ArgumentException>(() => env.Step(1, obs));
        Assert.Equal("action", never.ParamName);
        Assert.Contains("action = 1", never.Message);
        Assert.Contains("Reset", never.Message);

        env.ResetTo(new CartPoleState(2.39, 1.0, 0, 0), obs);
        Assert.True(env.Step(0, obs).Terminated);
        var after = Assert.Throws<ArgumentException>(() => env.Step(0, obs));
        Assert.Equal("action", after.ParamName);
        Assert.Contains("action = 0", after.Message);
        Assert.Contains("terminated at step 1", after.Message);
    }

    [Fact]
    public void Actions_outside_the_space_and_NaN_are_argument_errors_naming_the_action_and_index()
    {
        var cartPole = new CartPoleEnvironment();
        var obs4 = new float[4];
        cartPole.Reset(obs4, seed: 0);
        var outside = Assert.ThrowsAny<ArgumentException>(() => cartPole.Step(2, obs4));
        Assert.Equal("action", outside.ParamName);
        Assert.Contains("action = 2", outside.Message);
        Assert.Contains("Discrete(2)", outside.Message);
        Assert.ThrowsAny<ArgumentException>(() => cartPole.Step(-1, obs4));

        var pendulum = new PendulumEnvironment();
        var obs3 = new float[3];
        pendulum.Reset(obs3, seed: 0);
        foreach (float bad in new[] { float.NaN, float.PositiveInfinity, 2.5f, -2.0001f })
        {
            var ex = Assert.ThrowsAny<ArgumentException>(() => pendulum.Step([bad], obs3));
            Assert.Equal("action", ex.ParamName);
            Assert.Contains("action[0] = ", ex.Message);
        }

        Assert.ThrowsAny<ArgumentException>(() => pendulum.Step([1f, 1f], obs3));
        Assert.Equal(0, pendulum.ElapsedSteps); // nothing was applied
        Assert.Throws<ArgumentException>(() => pendulum.Step([1f], new float[2])); // observation too short
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Steps_and_resets_allocate_nothing(string id)
    {
        ControlEnvironment env = Make(id);
        var obs = new float[env.ObservationSize];
        var action = new float[1];
        var random = new Random(3);
        env.Reset(obs, seed: 0);
        Assert.Equal(0, Allocations.LeastBytes(() =>
        {
            for (int t = 0; t < 5000; t++)
            {
                if (StepRandomly(env, random, action, obs).Done)
                {
                    env.Reset(obs);
                }
            }
        }));
    }
}
