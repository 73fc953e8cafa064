namespace RlNotebooks.Environments.ClassicControl;

/// <summary>
/// MountainCarContinuous-v0's task on the <see cref="MountainCar"/> dynamics (Gymnasium
/// gymnasium/envs/classic_control/continuous_mountain_car.py).
/// <para>
/// Action a ∈ [−1, 1] pushes p = a·0.0015. Reward −0.1·a² per step, plus 100 on the step that reaches the goal x ≥ 0.45
/// with v ≥ 0 (terminated). Truncated after 999 steps. s₀ = (U(−0.6, −0.4), 0). Gymnasium stores the state as float32
/// after every step (<c>np.array([position, velocity], dtype=np.float32)</c>), so the next step starts from the rounded
/// values; the goal test uses the values before rounding. Arithmetic follows NumPy 1.x promotion (the float32 action
/// and state widened exactly to float64); NumPy 2 keeps part of the velocity update in float32, which differs in float32
/// rounding only.
/// </para>
/// </summary>
public static class MountainCarContinuous
{
    /// <summary>Gymnasium's id.</summary>
    public const string Id = "MountainCarContinuous-v0";

    /// <summary>Registered TimeLimit.</summary>
    public const int MaxEpisodeSteps = 999;

    /// <summary>Goal x ≥ 0.45.</summary>
    public const double GoalPosition = 0.45;

    /// <summary>Push per unit of action, 0.0015.</summary>
    public const double Power = 0.0015;

    /// <summary>The action box [−1, 1].</summary>
    public static Box ActionSpace { get; } = new(-1f, 1f, 1);

    /// <summary>
    /// One step with action <paramref name="action"/>: the valley dynamics with push a·0.0015, reward −0.1a² (+100 at the goal),
    /// and the next state rounded to float32.
    /// </summary>
    public static (MountainCarState Next, double Reward, bool Terminated) Step(MountainCarState s, float action)
    {
        double force = Math.Min(Math.Max(action, -1.0), 1.0);
        MountainCarState moved = MountainCar.Move(s, force * Power);
        bool terminated = MountainCar.ReachedGoal(moved, GoalPosition);
        double reward = (terminated ? 100.0 : 0.0) - Math.Pow(action, 2) * 0.1;
        return (new MountainCarState((float)moved.Position, (float)moved.Velocity), reward, terminated);
    }
}
