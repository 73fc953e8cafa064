namespace RlNotebooks.Deep.Algorithms;

/// <summary>One training episode as a trainer logs it (CleanRL's <c>charts/episodic_return</c> at <c>global_step</c>).</summary>
/// <param name="Step">The global environment step (summed over the vector environment's copies) at which the episode ended.</param>
/// <param name="Return">Its undiscounted return Σ rₜ.</param>
/// <param name="Length">Its length in steps.</param>
/// <param name="Seconds">Wall-clock seconds since training started (the one field that differs between reruns of a seed).</param>
public readonly record struct EpisodeRecord(long Step, double Return, int Length, double Seconds);
