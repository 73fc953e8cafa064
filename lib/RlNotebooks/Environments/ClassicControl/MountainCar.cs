namespace RlNotebooks.Environments.ClassicControl;

/// <summary>
/// The mountain-car dynamics shared by MountainCar-v0 and MountainCarContinuous-v0 (Moore 1990; Sutton &amp; Barto
/// Example 10.1; Gymnasium gymnasium/envs/classic_control/mountain_car.py and continuous_mountain_car.py), and
/// MountainCar-v0's task.
/// <para>
/// One step with push p: v ← clip(v + (p − 0.0025 cos 3x), −0.07, 0.07); x ← clip(x + v, −1.2, 0.6); if x = −1.2 and
/// v &lt; 0 then v ← 0 (inelastic wall). MountainCar-v0: actions 0, 1, 2 push p = (a − 1)·0.001; reward −1 per step;
/// terminated when x ≥ 0.5 and v ≥ 0; truncated after 200 steps. s₀ = (U(−0.6, −0.4), 0); all float64, observation
/// rounded to float32.
/// </para>
/// </summary>
public static class MountainCar
{
    /// <summary>Gymnasium's id of the discrete task.</summary>
    public const string Id = "MountainCar-v0";

    /// <summary>Registered TimeLimit of MountainCar-v0.</summary>
    public const int MaxEpisodeSteps = 200;

    /// <summary>Left wall x = −1.2.</summary>
    public const double MinPosition = -1.2;

    /// <summary>Right end x = 0.6.</summary>
    public const double MaxPosition = 0.6;

    /// <summary>|v| ≤ 0.07.</summary>
    public const double MaxSpeed = 0.07;

    /// <summary>Goal x ≥ 0.5 of MountainCar-v0.</summary>
    public const double GoalPosition = 0.5;

    /// <summary>Push per unit of action of MountainCar-v0, 0.001.</summary>
    public const double Force = 0.001;

    /// <summary>Gravity coefficient 0.0025 (the slope term 0.0025 cos 3x).</summary>
    public const double Gravity = 0.0025;

    /// <summary>Observation bounds [−1.2, 0.6] × [−0.07, 0.07] in float32.</summary>
    public static Box ObservationSpace { get; } = new([(float)MinPosition, -(float)MaxSpeed], [(float)MaxPosition, (float)MaxSpeed]);

    /// <summary>
    /// One step of the valley dynamics with push <paramref name="push"/>: v ← clip(v + (p − 0.0025 cos 3x)),
    /// x ← clip(x + v), and the inelastic left wall.
    /// </summary>
    public static MountainCarState Move(MountainCarState s, double push)
    {
        double velocity = Math.Clamp(s.Velocity + (push - Gravity * Math.Cos(3 * s.Position)), -MaxSpeed, MaxSpeed);
        double position = Math.Clamp(s.Position + velocity, MinPosition, MaxPosition);
        if (position == MinPosition && velocity < 0)
        {
            velocity = 0;
        }

        return new MountainCarState(position, velocity);
    }

    /// <summary>MountainCar-v0's step: push (a − 1)·0.001 for a ∈ {0, 1, 2}.</summary>
    public static MountainCarState Step(MountainCarState s, int action) => Move(s, (action - 1) * Force);

    /// <summary>Reaching the goal: x ≥ <paramref name="goalPosition"/> and v ≥ 0 (goal velocity 0).</summary>
    public static bool ReachedGoal(MountainCarState s, double goalPosition = GoalPosition) =>
        s.Position >= goalPosition && s.Velocity >= 0;

    /// <summary>Writes (x, v) rounded to float32.</summary>
    public static void Observe(MountainCarState s, Span<float> observation)
    {
        observation[0] = (float)s.Position;
        observation[1] = (float)s.Velocity;
    }

    /// <summary>s₀ = (U(−0.6, −0.4), 0).</summary>
    public static MountainCarState SampleInitialState(Random random) => new(Uniform.Sample(random, -0.6, -0.4), 0.0);
}
