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

    /// <summary>Returns <paramref name="value"/> if it is at least 1.</summary>
    public static int AtLeastOne(int value, string name) => value >= 1 ? value : throw Invalid(name, value, "must be at least 1");

    /// <summary>Returns <paramref name="value"/> if it is at least 1 (step counts).</summary>
    public static long AtLeastOne(long value, string name) => value >= 1 ? value : throw Invalid(name, value, "must be at least 1");

    /// <summary>Returns <paramref name="value"/> if it is positive and finite.</summary>
    public static double PositiveFinite(double value, string name) => value > 0 && double.IsFinite(value) ? value : throw Invalid(name, value, "must be positive and finite");

    /// <summary>Returns <paramref name="value"/> if it is ≥ 0 and finite.</summary>
    public static double NonNegativeFinite(double value, string name) => value >= 0 && double.IsFinite(value) ? value : throw Invalid(name, value, "must be ≥ 0 and finite");

    /// <summary>Returns <paramref name="value"/> if it lies in [0, 1] (γ, λ, fractions).</summary>
    public static double UnitInterval(double value, string name) => value is >= 0 and <= 1 ? value : throw Invalid(name, value, "must lie in [0, 1]");

    /// <summary>Returns <paramref name="value"/> if it lies in (0, 1] (a Polyak rate τ: 0 would never move the target networks).</summary>
    public static double PositiveUnitInterval(double value, string name) => value is > 0 and <= 1 ? value : throw Invalid(name, value, "must lie in (0, 1]");

    /// <summary>Returns <paramref name="value"/> if it is finite.</summary>
    public static double Finite(double value, string name) => double.IsFinite(value) ? value : throw Invalid(name, value, "must be finite");

    /// <summary>
    /// The checks of a replay config that relate two fields, run when training starts (an object initializer sets fields one
    /// at a time): the buffer must hold a batch, and learning must not start before a batch has been collected.
    /// </summary>
    public static void ReplaySizes(int bufferSize, int batchSize, long learningStarts)
    {
        if (bufferSize < batchSize)
        {
            throw new ArgumentException($"BufferSize = {bufferSize} is smaller than BatchSize = {batchSize}: a batch could never be sampled.", "BufferSize");
        }

        if (learningStarts < batchSize)
        {
            throw new ArgumentException($"LearningStarts = {learningStarts} is smaller than BatchSize = {batchSize}: the first update would sample from too few transitions.", "LearningStarts");
        }
    }

    /// <summary>The config error naming the field, its value and the rule it breaks.</summary>
    public static ArgumentException Invalid(string name, object value, string rule) => new($"{name} = {value} {rule}.", name);
}
