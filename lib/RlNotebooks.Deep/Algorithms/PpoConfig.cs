using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Validation;
using static RlNotebooks.Deep.Algorithms.ConfigGuard;
using CartPoleTask = RlNotebooks.Environments.ClassicControl.CartPole;
using PendulumTask = RlNotebooks.Environments.ClassicControl.Pendulum;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>Which policy surrogate PPO maximises (Schulman et al. 2017, §3–4 and Table 1).</summary>
public enum PpoSurrogate
{
    /// <summary>L^CLIP = Êₜ[min(rₜÂₜ, clip(rₜ, 1 − ε, 1 + ε)Âₜ)] (eq. 7).</summary>
    Clip,

    /// <summary>L^KLPEN = Êₜ[rₜÂₜ] − β D̄_KL with β halved or doubled after each update to track d_targ (eq. 8, §4).</summary>
    AdaptiveKl,

    /// <summary>L^KLPEN with a fixed β (Table 1's "fixed KL").</summary>
    FixedKl,

    /// <summary>The unconstrained surrogate L^CPI = Êₜ[rₜÂₜ] (Table 1's "no clipping or penalty").</summary>
    Unconstrained,
}

/// <summary>
/// PPO's hyperparameters. The record's defaults are CleanRL's <c>ppo.py</c> (CartPole-v1); <see cref="CartPole"/> and
/// <see cref="Pendulum"/> are the settings tuned here, each change explained. Every field is checked when it is set
/// (<see cref="ArgumentException"/> naming the field and value); the checks that relate two fields (a minibatch larger than
/// the batch) run when <see cref="Ppo.Train"/> starts, because an object initializer sets fields one at a time.
/// </summary>
public sealed record PpoConfig
{
    /// <summary>Gymnasium id: "CartPole-v1" (discrete actions → categorical policy) or "Pendulum-v1" (continuous → diagonal Gaussian).</summary>
    public string EnvironmentId { get; init => field = KnownEnvironment(value); } = CartPoleTask.Id;

    /// <summary>N, copies of the environment stepped together (CleanRL: 4).</summary>
    public int EnvironmentCount { get; init => field = AtLeastOne(value, nameof(EnvironmentCount)); } = 4;

    /// <summary>T, steps per copy per rollout; the batch is N·T (CleanRL: 128).</summary>
    public int StepsPerRollout { get; init => field = AtLeastOne(value, nameof(StepsPerRollout)); } = 128;

    /// <summary>Training budget in environment steps, summed over copies (CleanRL: 500 000).</summary>
    public long TotalSteps { get; init => field = value >= 1 ? value : throw Invalid(nameof(TotalSteps), value, "must be at least 1"); } = 500_000;

    /// <summary>K, passes over each batch (CleanRL: 4).</summary>
    public int Epochs { get; init => field = AtLeastOne(value, nameof(Epochs)); } = 4;

    /// <summary>M, samples per gradient step; at most N·T (CleanRL: 512 / 4 minibatches = 128).</summary>
    public int MinibatchSize { get; init => field = AtLeastOne(value, nameof(MinibatchSize)); } = 128;

    /// <summary>Adam step size α (CleanRL: 2.5e-4).</summary>
    public double LearningRate { get; init => field = PositiveFinite(value, nameof(LearningRate)); } = 2.5e-4;

    /// <summary>Anneal α linearly to 0 over the budget (CleanRL: on).</summary>
    public bool AnnealLearningRate { get; init; } = true;

    /// <summary>Discount γ ∈ [0, 1] (CleanRL: 0.99).</summary>
    public double Gamma { get; init => field = UnitInterval(value, nameof(Gamma)); } = 0.99;

    /// <summary>GAE λ ∈ [0, 1] (CleanRL: 0.95).</summary>
    public double Lambda { get; init => field = UnitInterval(value, nameof(Lambda)); } = 0.95;

    /// <summary>The policy objective (CleanRL: clip).</summary>
    public PpoSurrogate Surrogate { get; init => field = Enum.IsDefined(value) ? value : throw Invalid(nameof(Surrogate), value, "is not a PpoSurrogate"); } = PpoSurrogate.Clip;

    /// <summary>Clip range ε ∈ (0, 1) of L^CLIP (paper and CleanRL: 0.2).</summary>
    public double ClipEpsilon { get; init => field = value > 0 && value < 1 ? value : throw Invalid(nameof(ClipEpsilon), value, "must lie in (0, 1)"); } = 0.2;

    /// <summary>d_targ &gt; 0, the KL the adaptive penalty aims for (paper: 0.01 best of 0.003, 0.01, 0.03).</summary>
    public double KlTarget { get; init => field = PositiveFinite(value, nameof(KlTarget)); } = 0.01;

    /// <summary>β: the fixed penalty, or the adaptive penalty's starting value (paper: 1; "the algorithm quickly adjusts it").</summary>
    public double Beta { get; init => field = PositiveFinite(value, nameof(Beta)); } = 1.0;

    /// <summary>c₁, weight of L^VF in L^{CLIP+VF+S} (CleanRL: 0.5).</summary>
    public double ValueCoefficient { get; init => field = NonNegativeFinite(value, nameof(ValueCoefficient)); } = 0.5;

    /// <summary>c₂, weight of the entropy bonus S (CleanRL: 0.01 for CartPole).</summary>
    public double EntropyCoefficient { get; init => field = NonNegativeFinite(value, nameof(EntropyCoefficient)); } = 0.01;

    /// <summary>ε_v for the clipped value loss of baselines PPO2, or null for the plain ½(V − V^targ)² (CleanRL: on, ε_v = ε = 0.2).</summary>
    public double? ValueClipRange { get; init => field = value is double v ? PositiveFinite(v, nameof(ValueClipRange)) : null; } = 0.2;

    /// <summary>Normalise Âₜ to mean 0, std 1 over each batch (CleanRL: on, per minibatch).</summary>
    public bool NormalizeAdvantages { get; init; } = true;

    /// <summary>Global gradient-norm clip of actor and critic together (CleanRL: 0.5).</summary>
    public double MaxGradNorm { get; init => field = PositiveFinite(value, nameof(MaxGradNorm)); } = 0.5;

    /// <summary>Rewards are multiplied by this before GAE; logged returns stay unscaled (1: none).</summary>
    public double RewardScale { get; init => field = PositiveFinite(value, nameof(RewardScale)); } = 1.0;

    /// <summary>Hidden layers of the actor and of the critic, tanh (CleanRL: 64, 64).</summary>
    public IReadOnlyList<int> HiddenSizes { get; init => field = HiddenLayers(value); } = [64, 64];

    /// <summary>Initial log σ of the Gaussian policy (CleanRL: 0, σ = 1); unused for discrete actions.</summary>
    public double InitialLogStd { get; init => field = Finite(value, nameof(InitialLogStd)); }

    /// <summary>Stop once the rolling mean of the last 20 episode returns reaches this (null: use the whole budget).</summary>
    public double? StopAtReturn { get; init => field = value is double v ? Finite(v, nameof(StopAtReturn)) : null; }

    /// <summary>N·T, samples per batch.</summary>
    public int BatchSize => EnvironmentCount * StepsPerRollout;

    /// <summary>
    /// Tuned here for seconds to rolling-20 ≥ 475 on CartPole-v1 (CleanRL's defaults take 193k steps on seed 1):
    /// <list type="bullet">
    /// <item>N = 32 copies × T = 16 steps: the same batch of 512 as CleanRL, but each batched network call per step serves 32
    /// samples instead of 4, so the per-call torch overhead (10–20 µs) is paid 8× less often per sample; GAE over 16 steps
    /// still bootstraps every cut from V.</item>
    /// <item>M = 512, one minibatch per epoch (K = 4): 4 Adam steps per batch instead of 16, a quarter of the update calls.</item>
    /// <item>α = 2.5e-3 (10× CleanRL's) to make up for the fewer, larger steps; measured over seeds 1–3 it reached 475 in
    /// 53–104k steps (lr 1e-3 with M = 256: 100–138k; lr 5e-3: 60–125k and KL up to 0.04).</item>
    /// <item>No value clipping: with returns up to ~100 and ε_v = 0.2 the critic moved too slowly (explained variance ≈ 0);
    /// Andrychowicz et al. (2021, "What matters in on-policy RL") also found value clipping does not help.</item>
    /// <item>A 200k-step budget (twice the slowest seed's steps to threshold): α anneals to 0 over the budget, so a shorter
    /// one anneals sooner; over seeds 1–3 it reached 475 at 51–81k steps (BENCHMARKS.md; with 500k: 61–95k).</item>
    /// </list>
    /// </summary>
    public static PpoConfig CartPole { get; } = new()
    {
        EnvironmentCount = 32, StepsPerRollout = 16, MinibatchSize = 512, LearningRate = 2.5e-3, ValueClipRange = null, TotalSteps = 200_000,
    };

    /// <summary>
    /// Tuned here for Pendulum-v1, starting from rl-baselines3-zoo's PPO (n_envs 4 × n_steps 1024, batch_size 64, K = 10
    /// epochs, α = 1e-3, γ = 0.9, λ = 0.95, no entropy bonus, gSDE exploration) and CleanRL's
    /// <c>ppo_continuous_action.py</c> (state-independent log σ, α annealed, observation and reward normalisation); we have
    /// neither gSDE nor running normalisation. Each change serves the lecture's second outcome, "after reaching rolling-20
    /// ≥ −200, stay above −250" (the variants measured, per seed, are in BENCHMARKS.md, "PPO on Pendulum-v1: the variants"):
    /// <list type="bullet">
    /// <item>N = 16 copies × T = 256 steps (batch 4096), M = 256: each update averages over a little over 20 episodes, so one
    /// failed swing-up (a return of −1100 … −1500, which alone lowers a 20-episode mean by 50–75) moves the policy less.
    /// With T = 64 or 128 the policy reached −200 while it still failed from some start states, and the rolling mean fell
    /// back below −250. K/M per sample, and so the CPU per step, match the batch of 1024 tried first.</item>
    /// <item>γ = 0.98, not rl-zoo's 0.9: a swing-up from the bottom takes 50–100 steps, beyond γ = 0.9's horizon of ~10.</item>
    /// <item>Rewards × 0.1, so V stays within about [−80, 0] and the value loss does not dominate the shared gradient-norm clip.</item>
    /// <item>Initial log σ = −0.5 (σ ≈ 0.6 on a torque range of ±2): the training returns are those of the noisy policy,
    /// and σ = 1 wastes many steps shrinking; −1 reached −200 later.</item>
    /// <item>α = 7e-4 (rl-zoo: 1e-3), annealed to 0 over 200k steps: it reaches −200 later than 1e-3, once the policy is
    /// reliable enough for every later window.</item>
    /// <item>No value clipping (returns of −1000 in raw units).</item>
    /// </list>
    /// </summary>
    public static PpoConfig Pendulum { get; } = new()
    {
        EnvironmentId = PendulumTask.Id, EnvironmentCount = 16, StepsPerRollout = 256, MinibatchSize = 256, Epochs = 10, LearningRate = 7e-4,
        Gamma = 0.98, EntropyCoefficient = 0, ValueClipRange = null, RewardScale = 0.1, InitialLogStd = -0.5, TotalSteps = 200_000,
    };

    /// <summary>Throws when fields disagree with each other: a minibatch larger than the batch.</summary>
    public void ThrowIfInconsistent()
    {
        if (MinibatchSize > BatchSize)
        {
            throw new ArgumentException(
                $"{nameof(MinibatchSize)} = {MinibatchSize} exceeds the batch {nameof(EnvironmentCount)} × {nameof(StepsPerRollout)} = {BatchSize}.",
                nameof(MinibatchSize));
        }
    }

    /// <summary>A fresh copy of the task named by <see cref="EnvironmentId"/>.</summary>
    public ControlEnvironment MakeEnvironment() => EnvironmentId == PendulumTask.Id ? new PendulumEnvironment() : new CartPoleEnvironment();

    private static string KnownEnvironment(string id) => id is CartPoleTask.Id or PendulumTask.Id
        ? id
        : throw new ArgumentException($"{nameof(EnvironmentId)} = \"{id}\"; PPO here runs \"{CartPoleTask.Id}\" (categorical policy) or \"{PendulumTask.Id}\" (Gaussian policy).", nameof(EnvironmentId));

    private static IReadOnlyList<int> HiddenLayers(IReadOnlyList<int> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes, nameof(HiddenSizes));
        Guard.NotEmpty(sizes.Count, nameof(HiddenSizes));
        for (int i = 0; i < sizes.Count; i++)
        {
            Guard.AtLeast(sizes[i], 1, $"{nameof(HiddenSizes)}[{i}]");
        }

        return [.. sizes];
    }
}
