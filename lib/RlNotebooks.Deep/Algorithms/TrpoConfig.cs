using RlNotebooks.Environments.ClassicControl;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>The policy distribution TRPO optimises; it must match the environment's action space.</summary>
public enum TrpoPolicy
{
    /// <summary>π_θ(a|s) = softmax(z_θ(s))_a, for Discrete(n) actions.</summary>
    Categorical,

    /// <summary>π_θ(a|s) = N(μ_θ(s), diag σ²) with a state-independent log σ, for Box actions (clipped to the box when stepping).</summary>
    DiagonalGaussian,

    /// <summary>
    /// Generalised state-dependent exploration (gSDE, Raffin et al. 2021) for Box actions: a = μ_θ(s) + z(s)ᵀW with z(s) the policy's
    /// last hidden features and W ~ N(0, σ²) held for <see cref="TrpoConfig.SdeSampleFrequency"/> steps; π_θ(a|s) = N(μ_θ(s),
    /// diag Σⱼ zⱼ(s)² σⱼₖ²) (<see cref="Networks.GsdePolicy"/>).
    /// </summary>
    Gsde,
}

/// <summary>
/// TRPO's hyperparameters (Schulman et al. 2015; defaults from sb3-contrib's TRPO and rl-baselines3-zoo's trpo.yml unless the
/// comment says "tuned here"). Validated when created (and again by <see cref="Trpo.Train"/>, for copies made with <c>with</c>):
/// a bad value throws <see cref="ArgumentException"/> naming the field and the value.
/// </summary>
/// <param name="Environment">Gymnasium id of a classic-control task: CartPole-v1, Acrobot-v1, MountainCar-v0, Pendulum-v1, MountainCarContinuous-v0.</param>
/// <param name="Policy">Categorical for discrete actions, DiagonalGaussian or Gsde for continuous ones.</param>
/// <param name="EnvironmentCount">N copies stepped together (tuned here: 8, so one batched forward pass serves 8 steps).</param>
/// <param name="StepsPerEnvironment">T steps per copy per iteration; the batch is N·T.</param>
/// <param name="TotalSteps">Budget of environment steps (summed over copies).</param>
/// <param name="Gamma">Discount γ ∈ [0, 1].</param>
/// <param name="Lambda">GAE λ ∈ [0, 1].</param>
/// <param name="MaxKl">Trust-region radius δ &gt; 0 on D̄_KL(π_θold ‖ π_θ) (0.01: paper, sb3-contrib's target_kl).</param>
/// <param name="AnnealMaxKl">Shrink δ linearly to 0 over the budget: δ (1 − steps so far / <paramref name="TotalSteps"/>) (off: a fixed δ).</param>
/// <param name="Damping">λ_F ≥ 0 added to the Fisher matrix for CG (sb3-contrib: 0.1).</param>
/// <param name="CgIterations">Conjugate-gradient iterations ≥ 1 (sb3-contrib: 15; paper: 10).</param>
/// <param name="BacktrackRatio">Line-search shrink factor β ∈ (0, 1) (sb3-contrib: 0.8).</param>
/// <param name="FisherSubsampling">Every k-th sample enters the Fisher-vector products, k ≥ 1 (Schulman et al. 2015, App. C.1: 10% of the
/// batch; sb3-contrib's sub_sampling_factor, default 1): F is an average, so a subsample estimates it at a fraction of the cost.</param>
/// <param name="MaxBacktracks">Line-search shrinkages ≥ 0 (sb3-contrib: 10).</param>
/// <param name="ValueLearningRate">Adam learning rate of the critic &gt; 0 (rl-zoo: 1e-3).</param>
/// <param name="ValueEpochs">Passes of the critic over the batch per iteration ≥ 1 (sb3-contrib's n_critic_updates).</param>
/// <param name="ValueMinibatchSize">Critic minibatch, 1 … N·T (sb3-contrib's batch_size).</param>
/// <param name="HiddenSize">Units in each of the two tanh hidden layers of the policy and the critic (sb3: 64).</param>
/// <param name="InitialLogStd">Initial log σ of a Gaussian policy, or of gSDE's exploration weights (sb3: 0).</param>
/// <param name="SdeSampleFrequency">For <see cref="TrpoPolicy.Gsde"/>: each copy draws new exploration weights W at the start of every
/// rollout and then every this many steps, ≥ 1 (rl-zoo's sde_sample_freq for Pendulum: 4).</param>
/// <param name="NormalizeAdvantages">Normalise Â per batch before the surrogate (sb3-contrib: true).</param>
/// <param name="RewardScale">Rewards are multiplied by this before GAE, so the critic fits targets of a convenient size; the
/// policy step is unchanged by it when Â is normalised, and logged returns stay unscaled (1: none).</param>
/// <param name="StopAtReturn">Stop as soon as the mean of the last 20 episode returns reaches this (null: use the whole budget).</param>
public sealed record TrpoConfig(
    string Environment = Environments.ClassicControl.CartPole.Id,
    TrpoPolicy Policy = TrpoPolicy.Categorical,
    int EnvironmentCount = 8,
    int StepsPerEnvironment = 128,
    long TotalSteps = 100_000,
    double Gamma = 0.99,
    double Lambda = 0.98,
    double MaxKl = 0.01,
    bool AnnealMaxKl = false,
    double Damping = 0.1,
    int CgIterations = 10,
    double BacktrackRatio = 0.8,
    int MaxBacktracks = 10,
    int FisherSubsampling = 1,
    double ValueLearningRate = 1e-3,
    int ValueEpochs = 10,
    int ValueMinibatchSize = 256,
    int HiddenSize = 64,
    double InitialLogStd = 0.0,
    int SdeSampleFrequency = 4,
    bool NormalizeAdvantages = true,
    double RewardScale = 1.0,
    double? StopAtReturn = null)
{
    // Runs in the primary constructor, so `new TrpoConfig(...)` with a bad value throws there.
    private readonly bool _valid = Check(Environment, Policy, EnvironmentCount, StepsPerEnvironment, TotalSteps, Gamma, Lambda, MaxKl,
        Damping, CgIterations, BacktrackRatio, MaxBacktracks, FisherSubsampling, ValueLearningRate, ValueEpochs, ValueMinibatchSize, HiddenSize,
        InitialLogStd, SdeSampleFrequency, RewardScale, StopAtReturn);

    /// <summary>
    /// CartPole-v1 (rl-zoo: γ = 0.99, λ = 0.98, damping 1e-3). Tuned here: 16 × 64 steps per iteration, rl-zoo's batch of 1024
    /// but in 16 copies, so one batched forward pass serves 16 steps and the update's per-call costs are shared by 1024 samples
    /// (8 × 64 needed more steps on its slow seeds); δ = 0.02 because CartPole tolerates larger steps; 5 CG iterations (paper:
    /// 10): the direction only has to be good enough for the line search, and each iteration is a Fisher-vector product; the
    /// critic fitted with 10 epochs of 256-sample minibatches at 5e-3 (half as many Adam steps saved about as much time per
    /// step as they cost in extra steps, with slower worst seeds). Stops at rolling-20 ≥ 475; figures in BENCHMARKS.md.
    /// </summary>
    public static TrpoConfig CartPole { get; } = new(EnvironmentCount: 16, StepsPerEnvironment: 64, TotalSteps: 100_000, Damping: 1e-3,
        MaxKl: 0.02, CgIterations: 5, ValueLearningRate: 5e-3, ValueEpochs: 10, ValueMinibatchSize: 256, StopAtReturn: 475.0);

    /// <summary>
    /// Pendulum-v1 (rl-zoo: gSDE with new exploration weights every 4 steps, γ = 0.9, a budget of 100k steps). Tuned here for
    /// "reach rolling-20 ≥ −200, then stay above −250" (BENCHMARKS.md lists the variants measured):
    /// <list type="bullet">
    /// <item>gSDE (<see cref="TrpoPolicy.Gsde"/>), log σ₀ = −1.75: noise held for 4 steps pushes the swing-up consistently where
    /// independent per-step noise averages out; with a diagonal Gaussian the policy averaged only −175 … −205 after the crossing
    /// and still failed some swing-ups (log σ₀ = −1.5 failed more of them, −2 reached −200 later).</item>
    /// <item>γ = 0.93: a slightly longer horizon than rl-zoo's 0.9 for the swing-up raised the post-crossing means by about 10
    /// (γ = 0.92 also held on seeds 1–5; 0.94 and 0.95 each let one of them fall below −250).</item>
    /// <item>λ = 0.95 and 8 × 256 steps per iteration (with the diagonal Gaussian, 8 × 128 failed many more swing-ups; with
    /// gSDE, 16 × 256 did not reach −200 within the budget).</item>
    /// <item>δ = 0.035 annealed linearly to 0 over the budget: large steps while the swing-up is learned, small ones once it
    /// works (δ = 0.03 and 0.04 also hold on seeds 1–5).</item>
    /// <item>The Fisher from every 4th sample, as the paper's 10%.</item>
    /// <item>The critic fitted with 10 epochs of 256-sample minibatches at 3e-3 on rewards × 0.1, so its targets lie in about
    /// [−16, 0] and its Adam steps reach them sooner.</item>
    /// </list>
    /// After first reaching −200, seeds 1–20 averaged −153 … −181 and their lowest rolling-20 was −190 … −245.
    /// </summary>
    public static TrpoConfig Pendulum { get; } = new(Environment: Environments.ClassicControl.Pendulum.Id, Policy: TrpoPolicy.Gsde,
        StepsPerEnvironment: 256, TotalSteps: 100_000, Gamma: 0.93, Lambda: 0.95, MaxKl: 0.035, AnnealMaxKl: true, FisherSubsampling: 4,
        ValueLearningRate: 3e-3, ValueEpochs: 10, ValueMinibatchSize: 256, InitialLogStd: -1.75, SdeSampleFrequency: 4, RewardScale: 0.1);

    /// <summary>N·T, the transitions per iteration.</summary>
    public int BatchSize => EnvironmentCount * StepsPerEnvironment;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad field (for copies made with <c>with</c>); returns this.</summary>
    public TrpoConfig Validate()
    {
        Check(Environment, Policy, EnvironmentCount, StepsPerEnvironment, TotalSteps, Gamma, Lambda, MaxKl, Damping, CgIterations,
            BacktrackRatio, MaxBacktracks, FisherSubsampling, ValueLearningRate, ValueEpochs, ValueMinibatchSize, HiddenSize, InitialLogStd,
            SdeSampleFrequency, RewardScale, StopAtReturn);
        return this;
    }

    /// <summary>A fresh copy of the task <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentException">The id is not one of the classic-control tasks.</exception>
    public static ControlEnvironment MakeEnvironment(string id) => id switch
    {
        Environments.ClassicControl.CartPole.Id => new CartPoleEnvironment(),
        Environments.ClassicControl.Pendulum.Id => new PendulumEnvironment(),
        Acrobot.Id => new AcrobotEnvironment(),
        MountainCar.Id => new MountainCarEnvironment(),
        MountainCarContinuous.Id => new MountainCarContinuousEnvironment(),
        _ => throw new ArgumentException($"Environment = \"{id}\" is not a classic-control task this trainer knows.", nameof(Environment)),
    };

    private static bool Check(string environment, TrpoPolicy policy, int environmentCount, int stepsPerEnvironment, long totalSteps,
        double gamma, double lambda, double maxKl, double damping, int cgIterations, double backtrackRatio, int maxBacktracks, int fisherSubsampling,
        double valueLearningRate, int valueEpochs, int valueMinibatchSize, int hiddenSize, double initialLogStd, int sdeSampleFrequency,
        double rewardScale, double? stopAtReturn)
    {
        ArgumentNullException.ThrowIfNull(environment, nameof(Environment));
        Space actions = MakeEnvironment(environment).ActionSpace;
        if ((policy == TrpoPolicy.Categorical) != (actions is Discrete) || !Enum.IsDefined(policy))
        {
            throw new ArgumentException($"Policy = {policy} does not match {environment}'s action space {actions}.", nameof(Policy));
        }

        Require(environmentCount >= 1, environmentCount, nameof(EnvironmentCount), "≥ 1");
        Require(stepsPerEnvironment >= 1, stepsPerEnvironment, nameof(StepsPerEnvironment), "≥ 1");
        Require(totalSteps >= 1, totalSteps, nameof(TotalSteps), "≥ 1");
        Require(gamma is >= 0.0 and <= 1.0, gamma, nameof(Gamma), "in [0, 1]");
        Require(lambda is >= 0.0 and <= 1.0, lambda, nameof(Lambda), "in [0, 1]");
        Require(maxKl > 0.0 && double.IsFinite(maxKl), maxKl, nameof(MaxKl), "> 0");
        Require(damping >= 0.0 && double.IsFinite(damping), damping, nameof(Damping), "≥ 0");
        Require(cgIterations >= 1, cgIterations, nameof(CgIterations), "≥ 1");
        Require(backtrackRatio is > 0.0 and < 1.0, backtrackRatio, nameof(BacktrackRatio), "in (0, 1)");
        Require(maxBacktracks >= 0, maxBacktracks, nameof(MaxBacktracks), "≥ 0");
        Require(fisherSubsampling >= 1 && fisherSubsampling <= (long)environmentCount * stepsPerEnvironment, fisherSubsampling,
            nameof(FisherSubsampling), "in [1, EnvironmentCount · StepsPerEnvironment]");
        Require(valueLearningRate > 0.0 && double.IsFinite(valueLearningRate), valueLearningRate, nameof(ValueLearningRate), "> 0");
        Require(valueEpochs >= 1, valueEpochs, nameof(ValueEpochs), "≥ 1");
        Require(valueMinibatchSize >= 1 && valueMinibatchSize <= (long)environmentCount * stepsPerEnvironment, valueMinibatchSize,
            nameof(ValueMinibatchSize), $"in [1, EnvironmentCount · StepsPerEnvironment = {(long)environmentCount * stepsPerEnvironment}]");
        Require(hiddenSize >= 1, hiddenSize, nameof(HiddenSize), "≥ 1");
        Require(double.IsFinite(initialLogStd), initialLogStd, nameof(InitialLogStd), "finite");
        Require(sdeSampleFrequency >= 1, sdeSampleFrequency, nameof(SdeSampleFrequency), "≥ 1");
        Require(rewardScale > 0.0 && double.IsFinite(rewardScale), rewardScale, nameof(RewardScale), "> 0");
        Require(stopAtReturn is null || double.IsFinite(stopAtReturn.Value), stopAtReturn ?? 0.0, nameof(StopAtReturn), "finite or null");
        return true;
    }

    private static void Require(bool ok, double value, string field, string rule)
    {
        if (!ok)
        {
            throw ConfigGuard.Invalid(field, value, "must be " + rule);
        }
    }
}
