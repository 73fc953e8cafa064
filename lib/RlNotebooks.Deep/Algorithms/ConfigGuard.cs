using RlNotebooks.Environments.ClassicControl;
using RlNotebooks.Validation;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>The checks trainer configs share beyond <see cref="Guard"/>: the task's action space and the network sizes.</summary>
internal static class ConfigGuard
{
    /// <summary>Returns <paramref name="make"/> if the task it makes has Discrete actions (a categorical policy's).</summary>
    public static Func<ControlEnvironment> DiscreteEnvironment(Func<ControlEnvironment> make, string algorithm, string field)
    {
        ArgumentNullException.ThrowIfNull(make, field);
        ControlEnvironment probe = make();
        return probe.ActionSpace is Discrete
            ? make
            : throw new ArgumentException($"{field} makes {probe.Id} with actions {probe.ActionSpace}; {algorithm}'s categorical policy needs Discrete actions.", field);
    }

    /// <summary>A copy of <paramref name="sizes"/> if every hidden layer has at least one unit.</summary>
    public static IReadOnlyList<int> HiddenSizes(IReadOnlyList<int> sizes, string field)
    {
        ArgumentNullException.ThrowIfNull(sizes, field);
        for (int i = 0; i < sizes.Count; i++)
        {
            Guard.AtLeast(sizes[i], 1, $"{field}[{i}]");
        }

        return [.. sizes];
    }
}
