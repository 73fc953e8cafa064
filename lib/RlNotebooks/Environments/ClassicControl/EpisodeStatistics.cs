namespace RlNotebooks.Environments.ClassicControl;

/// <summary>A finished episode's undiscounted return G = Σ rₜ and its length in steps (Gymnasium's <c>RecordEpisodeStatistics</c>).</summary>
/// <param name="Return">Σ rₜ over the episode.</param>
/// <param name="Length">Number of steps.</param>
public readonly record struct EpisodeStatistics(double Return, int Length);
