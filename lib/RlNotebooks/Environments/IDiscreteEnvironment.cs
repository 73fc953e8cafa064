namespace RlNotebooks.Environments;

/// <summary>
/// A Gymnasium-style environment with finite observation and action spaces {0, …, n−1}.
/// <para>
/// Protocol: <see cref="Reset"/> starts an episode and returns s₀; <see cref="Step"/> applies aₜ and returns
/// (sₜ₊₁, rₜ₊₁, terminated, truncated). Stepping before the first reset or after the episode ended throws
/// <see cref="InvalidOperationException"/>.
/// </para>
/// </summary>
public interface IDiscreteEnvironment
{
    /// <summary>|𝒮|, observations are 0 … <see cref="ObservationCount"/> − 1.</summary>
    int ObservationCount { get; }

    /// <summary>|𝒜|, actions are 0 … <see cref="ActionCount"/> − 1.</summary>
    int ActionCount { get; }

    /// <summary>The TimeLimit (max_episode_steps) after which an episode is truncated, or null for none.</summary>
    int? MaxEpisodeSteps { get; }

    /// <summary>
    /// Starts a new episode and returns s₀ ~ the initial-state distribution. A non-null <paramref name="seed"/>
    /// re-seeds the environment's random generator (same seed → identical trajectories for the same actions);
    /// null keeps the current generator, so successive episodes differ (Gymnasium's <c>reset(seed=None)</c>);
    /// a first reset without a seed draws an unpredictable one, so pass a seed whenever results must be reproducible.
    /// </summary>
    int Reset(int? seed = null);

    /// <summary>Applies <paramref name="action"/> in the current state and samples the outcome.</summary>
    StepResult Step(int action);
}
