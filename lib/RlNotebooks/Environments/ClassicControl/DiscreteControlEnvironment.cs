using System.Globalization;
using RlNotebooks.Validation;

namespace RlNotebooks.Environments.ClassicControl;

/// <summary>A classic-control environment with actions {0, …, n − 1} (CartPole, Acrobot, MountainCar).</summary>
public abstract class DiscreteControlEnvironment : ControlEnvironment
{
    private readonly int _actionCount;

    /// <summary>Sets the spaces and the time limit.</summary>
    protected DiscreteControlEnvironment(string id, Box observationSpace, int actionCount, int maxEpisodeSteps)
        : base(id, observationSpace, new Discrete(actionCount), maxEpisodeSteps)
    {
        _actionCount = actionCount;
    }

    /// <summary>The action space Discrete(n).</summary>
    public Discrete Actions => (Discrete)ActionSpace;

    /// <summary>Applies aₜ, writes the observation of sₜ₊₁ and returns (rₜ₊₁, terminated, truncated).</summary>
    /// <param name="action">aₜ ∈ {0, …, n − 1}.</param>
    /// <param name="observation">Receives the d floats of the observation of sₜ₊₁.</param>
    /// <exception cref="ArgumentException">The action is outside the space, or no episode runs.</exception>
    public ControlStep Step(int action, Span<float> observation)
    {
        if ((uint)action >= (uint)_actionCount)
        {
            Actions.ThrowIfOutside(action, nameof(action));
        }

        if (!IsRunning)
        {
            throw NotRunning(nameof(action), action.ToString(CultureInfo.InvariantCulture));
        }

        Guard.DestinationLength(ObservationSize, observation.Length, nameof(observation));
        (double reward, bool terminated) = Transition(action);
        return EndStep(reward, terminated, observation);
    }

    /// <summary>Advances the state by the task's dynamics and returns (rₜ₊₁, sₜ₊₁ terminal).</summary>
    protected abstract (double Reward, bool Terminated) Transition(int action);
}
