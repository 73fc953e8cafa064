using System.Globalization;
using RlNotebooks.Validation;

namespace RlNotebooks.Environments.ClassicControl;

/// <summary>A classic-control environment with actions in a float32 <see cref="Box"/> (Pendulum, MountainCarContinuous).</summary>
public abstract class ContinuousControlEnvironment : ControlEnvironment
{
    /// <summary>Sets the spaces and the time limit.</summary>
    protected ContinuousControlEnvironment(string id, Box observationSpace, Box actionSpace, int maxEpisodeSteps)
        : base(id, observationSpace, actionSpace, maxEpisodeSteps)
    {
    }

    /// <summary>The action box.</summary>
    public Box Actions => (Box)ActionSpace;

    /// <summary>Applies aₜ, writes the observation of sₜ₊₁ and returns (rₜ₊₁, terminated, truncated).</summary>
    /// <param name="action">aₜ, finite and inside the box (Gymnasium clips; here an action outside is an error — clip with
    /// <see cref="Box.ClipInto"/> first when the policy's samples are unbounded).</param>
    /// <param name="observation">Receives the d floats of the observation of sₜ₊₁.</param>
    /// <exception cref="ArgumentException">The action is NaN, ±∞ or outside the box, or no episode runs.</exception>
    public ControlStep Step(ReadOnlySpan<float> action, Span<float> observation)
    {
        Actions.ThrowIfOutside(action, nameof(action));
        if (!IsRunning)
        {
            throw NotRunning(nameof(action), $"[{string.Join(", ", action.ToArray().Select(a => a.ToString(CultureInfo.InvariantCulture)))}]");
        }

        Guard.DestinationLength(ObservationSize, observation.Length, nameof(observation));
        (double reward, bool terminated) = Transition(action);
        return EndStep(reward, terminated, observation);
    }

    /// <summary>Advances the state by the task's dynamics and returns (rₜ₊₁, sₜ₊₁ terminal).</summary>
    protected abstract (double Reward, bool Terminated) Transition(ReadOnlySpan<float> action);
}
