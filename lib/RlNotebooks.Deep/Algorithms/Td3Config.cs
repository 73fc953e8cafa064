using RlNotebooks.Environments.ClassicControl;
using static RlNotebooks.Deep.Algorithms.ConfigGuard;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>
/// Hyperparameters of TD3 (Fujimoto et al. 2018) and of DDPG (Lillicrap et al. 2016), which is TD3 with its three fixes
/// switched off (<see cref="Ddpg"/>): one critic, the actor and targets updated after every critic step, no target-policy
/// noise. The record's defaults are CleanRL's <c>td3_continuous_action.py</c> (same as the paper, "TD3" column of Table 3);
/// <see cref="Pendulum"/> is the setting tuned here. Fields are checked when set (ArgumentException naming the field); the
/// checks relating two fields (buffer smaller than the batch) run when <see cref="Td3.Train"/> starts.
/// </summary>
public sealed record Td3Config
{
    /// <summary>Training budget in environment steps (CleanRL: 10⁶).</summary>
    public long TotalSteps { get; init => field = AtLeastOne(value, nameof(TotalSteps)); } = 1_000_000;

    /// <summary>Replay capacity (CleanRL: 10⁶).</summary>
    public int BufferSize { get; init => field = AtLeastOne(value, nameof(BufferSize)); } = 1_000_000;

    /// <summary>B, transitions per gradient step (CleanRL: 256).</summary>
    public int BatchSize { get; init => field = AtLeastOne(value, nameof(BatchSize)); } = 256;

    /// <summary>Steps of uniformly random actions before learning starts (CleanRL: 25 000).</summary>
    public long LearningStarts { get; init => field = AtLeastOne(value, nameof(LearningStarts)); } = 25_000;

    /// <summary>Discount γ ∈ [0, 1] (CleanRL: 0.99).</summary>
    public double Gamma { get; init => field = UnitInterval(value, nameof(Gamma)); } = 0.99;

    /// <summary>Polyak rate τ ∈ (0, 1] of θ′ ← τθ + (1 − τ)θ′ (CleanRL and paper: 0.005).</summary>
    public double Tau { get; init => field = PositiveUnitInterval(value, nameof(Tau)); } = 0.005;

    /// <summary>Adam step size of actor and critics (CleanRL: 3e-4).</summary>
    public double LearningRate { get; init => field = PositiveFinite(value, nameof(LearningRate)); } = 3e-4;

    /// <summary>Hidden layers of actor and critics, ReLU (CleanRL: 256, 256).</summary>
    public IReadOnlyList<int> HiddenSizes { get; init => field = HiddenSizes(value, nameof(HiddenSizes)); } = [256, 256];

    /// <summary>b &gt; 0, the actor's largest |a| (Pendulum-v1's torque limit 2).</summary>
    public double ActionBound { get; init => field = PositiveFinite(value, nameof(ActionBound)); } = Environments.ClassicControl.Pendulum.MaxTorque;

    /// <summary>Std of the Gaussian exploration noise, as a fraction of b (CleanRL: 0.1).</summary>
    public double ExplorationNoise { get; init => field = NonNegativeFinite(value, nameof(ExplorationNoise)); } = 0.1;

    /// <summary>Fix 1, clipped double-Q: two critics, the target takes min(Q₁′, Q₂′) (off: one critic, DDPG's target).</summary>
    public bool ClippedDoubleQ { get; init; } = true;

    /// <summary>
    /// Fix 2, delayed policy updates: actor and target networks step once every d critic steps (paper and CleanRL: 2). DDPG as
    /// published steps every time (d = 1); CleanRL's <c>ddpg_continuous_action.py</c> also uses 2, which <see cref="Ddpg"/> does not copy.
    /// </summary>
    public int PolicyDelay { get; init => field = AtLeastOne(value, nameof(PolicyDelay)); } = 2;

    /// <summary>Fix 3, target policy smoothing: ã′ = clip(μ′(s′) + clip(ε, −c, c), box) (off: ã′ = μ′(s′)).</summary>
    public bool TargetPolicySmoothing { get; init; } = true;

    /// <summary>σ of the smoothing noise ε, as a fraction of b (CleanRL: 0.2).</summary>
    public double PolicyNoise { get; init => field = NonNegativeFinite(value, nameof(PolicyNoise)); } = 0.2;

    /// <summary>c, the smoothing noise's clip, as a fraction of b (CleanRL: 0.5).</summary>
    public double NoiseClip { get; init => field = NonNegativeFinite(value, nameof(NoiseClip)); } = 0.5;

    /// <summary>Stop once the rolling mean of the last 20 episode returns reaches this (null: use the whole budget).</summary>
    public double? StopAtReturn { get; init => field = value is double v ? Finite(v, nameof(StopAtReturn)) : null; }

    /// <summary>
    /// TD3 tuned here for seconds to rolling-20 ≥ −200 on Pendulum-v1 within 20k steps (a notebook runs 9 such runs in 3 minutes):
    /// <list type="bullet">
    /// <item>64×64 networks and B = 128 instead of 256×256 and 256: on one CPU thread each update then costs a fraction of a
    /// millisecond, and Pendulum's 3-d state needs no more (rl-zoo's Pendulum runs train 400×300 nets for 20k steps).</item>
    /// <item>Learning starts after 1 000 random steps instead of 25 000 (more than the whole budget); the buffer holds the whole budget.</item>
    /// <item>Adam step 1e-3 (rl-zoo's Pendulum setting) instead of 3e-4: with one update per step and 20k steps the slower rate
    /// has not swung the pendulum up yet.</item>
    /// <item>Replay ratio 1 (one update per environment step, as CleanRL and the paper).</item>
    /// </list>
    /// </summary>
    public static Td3Config Pendulum { get; } = new()
    {
        TotalSteps = 20_000, BufferSize = 20_000, BatchSize = 128, LearningStarts = 1_000, LearningRate = 1e-3, HiddenSizes = [64, 64],
    };

    /// <summary>DDPG: <see cref="Pendulum"/> with TD3's three fixes off (one critic, no delay, no target smoothing).</summary>
    public static Td3Config Ddpg { get; } = Pendulum with { ClippedDoubleQ = false, PolicyDelay = 1, TargetPolicySmoothing = false };

    /// <summary>"DDPG" with all three fixes off, "TD3" with all on, otherwise the ablation named by what is on.</summary>
    public string Name => (ClippedDoubleQ, PolicyDelay > 1, TargetPolicySmoothing) switch
    {
        (false, false, false) => "DDPG",
        (true, true, true) => "TD3",
        var (q, d, s) => "DDPG+" + string.Join("+", new[] { q ? "clipped double-Q" : null, d ? "delay" : null, s ? "smoothing" : null }.OfType<string>()),
    };

    /// <summary>Throws when fields disagree: a buffer smaller than the batch, learning starting before a batch exists.</summary>
    public void ThrowIfInconsistent() => ReplaySizes(BufferSize, BatchSize, LearningStarts);

    /// <summary>A fresh Pendulum-v1.</summary>
    public static ControlEnvironment MakeEnvironment() => new PendulumEnvironment();
}
