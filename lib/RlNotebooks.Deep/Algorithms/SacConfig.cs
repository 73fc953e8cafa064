using RlNotebooks.Environments.ClassicControl;
using static RlNotebooks.Deep.Algorithms.ConfigGuard;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>
/// Hyperparameters of Soft Actor-Critic with automatic temperature tuning (Haarnoja et al. 2018a/b). The record's defaults are
/// CleanRL's <c>sac_continuous_action.py</c> (as the paper's Table 1 except CleanRL's separate actor/critic step sizes);
/// <see cref="Pendulum"/> is the setting tuned here. Fields are checked when set (ArgumentException naming the field); the
/// checks relating two fields (buffer smaller than the batch) run when <see cref="Sac.Train"/> starts.
/// </summary>
public sealed record SacConfig
{
    /// <summary>Training budget in environment steps (CleanRL: 10⁶).</summary>
    public long TotalSteps { get; init => field = AtLeastOne(value, nameof(TotalSteps)); } = 1_000_000;

    /// <summary>Replay capacity (CleanRL: 10⁶).</summary>
    public int BufferSize { get; init => field = AtLeastOne(value, nameof(BufferSize)); } = 1_000_000;

    /// <summary>B, transitions per gradient step (CleanRL: 256).</summary>
    public int BatchSize { get; init => field = AtLeastOne(value, nameof(BatchSize)); } = 256;

    /// <summary>Steps of uniformly random actions before learning starts (CleanRL: 5 000).</summary>
    public long LearningStarts { get; init => field = AtLeastOne(value, nameof(LearningStarts)); } = 5_000;

    /// <summary>Environment steps between gradient updates (CleanRL and the paper: 1, one update per step).</summary>
    public int UpdateInterval { get; init => field = AtLeastOne(value, nameof(UpdateInterval)); } = 1;

    /// <summary>Discount γ ∈ [0, 1] (CleanRL: 0.99).</summary>
    public double Gamma { get; init => field = UnitInterval(value, nameof(Gamma)); } = 0.99;

    /// <summary>Polyak rate τ ∈ (0, 1] of the target critics (CleanRL and paper: 0.005).</summary>
    public double Tau { get; init => field = PositiveUnitInterval(value, nameof(Tau)); } = 0.005;

    /// <summary>Adam step size of the policy (CleanRL: 3e-4).</summary>
    public double PolicyLearningRate { get; init => field = PositiveFinite(value, nameof(PolicyLearningRate)); } = 3e-4;

    /// <summary>Adam step size of the critics and of log α (CleanRL: 1e-3).</summary>
    public double QLearningRate { get; init => field = PositiveFinite(value, nameof(QLearningRate)); } = 1e-3;

    /// <summary>Hidden layers of policy and critics, ReLU (CleanRL: 256, 256).</summary>
    public IReadOnlyList<int> HiddenSizes { get; init => field = HiddenSizes(value, nameof(HiddenSizes)); } = [256, 256];

    /// <summary>Tune α toward <see cref="TargetEntropy"/> (CleanRL: on); off keeps α = <see cref="InitialAlpha"/>.</summary>
    public bool Autotune { get; init; } = true;

    /// <summary>α at the start (CleanRL: 1 when autotuning, since log α starts at 0; 0.2 fixed otherwise).</summary>
    public double InitialAlpha { get; init => field = PositiveFinite(value, nameof(InitialAlpha)); } = 1.0;

    /// <summary>H̄, the entropy α is tuned toward; null means −dim(A) (paper and CleanRL). Must be finite.</summary>
    public double? TargetEntropy { get; init => field = value is double v ? Finite(v, nameof(TargetEntropy)) : null; }

    /// <summary>Stop once the rolling mean of the last 20 episode returns reaches this (null: use the whole budget).</summary>
    public double? StopAtReturn { get; init => field = value is double v ? Finite(v, nameof(StopAtReturn)) : null; }

    /// <summary>
    /// Tuned here for seconds to rolling-20 ≥ −200 on Pendulum-v1 within 12k steps (issue 10: ≤ 1/3 of CleanRL's 69.7 s):
    /// <list type="bullet">
    /// <item>64×64 networks instead of 256×256: on one CPU thread an update is then mostly the fixed cost of each tensor
    /// operation, and the 3-d state needs no more.</item>
    /// <item>One update every 2 environment steps on batches of B = 256, instead of one every step on B = 128: each update
    /// costs about the same at these sizes (the per-operation cost dominates), so this halves the training time per step while
    /// every transition is still replayed about as often (B / interval = 128 samples per step either way). Measured on seeds
    /// 1–3 (2026-11-30, heavily shared machine, process CPU seconds): 9.4k / 10.8k / 9.8k steps and 12.8 / 16.7 / 13.0 s,
    /// against 7.2k / 11.8k / 8.4k steps and 16.0 / 26.5 / 18.0 s with an update every step on B = 128.</item>
    /// <item>Learning starts after 1 000 random steps instead of 5 000: five episodes of random torques cover the states, and
    /// every step of warm-up is a step not learning.</item>
    /// <item>Policy step 1e-3 (rl-zoo's Pendulum setting) instead of 3e-4, to swing up in fewer updates.</item>
    /// <item>α starts at 0.2 (CleanRL's fixed α) instead of 1: log α moves by about one Adam step (1e-3) per update, so from 1
    /// it needs more updates than a run to the threshold has to bring the entropy down to H̄.</item>
    /// </list>
    /// </summary>
    public static SacConfig Pendulum { get; } = new()
    {
        TotalSteps = 20_000, BufferSize = 20_000, BatchSize = 256, UpdateInterval = 2, LearningStarts = 1_000, PolicyLearningRate = 1e-3,
        HiddenSizes = [64, 64], InitialAlpha = 0.2,
    };

    /// <summary>Throws when fields disagree: a buffer smaller than the batch, learning starting before a batch exists.</summary>
    public void ThrowIfInconsistent() => ReplaySizes(BufferSize, BatchSize, LearningStarts);

    /// <summary>A fresh Pendulum-v1.</summary>
    public static ControlEnvironment MakeEnvironment() => new PendulumEnvironment();
}
