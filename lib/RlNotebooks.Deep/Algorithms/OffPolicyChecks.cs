using RlNotebooks.Validation;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>The field checks the off-policy configs share; each throws an ArgumentException naming the field and value.</summary>
internal static class OffPolicyChecks
{
    public static int AtLeastOne(int value, string field)
    {
        Guard.AtLeast(value, 1, field);
        return value;
    }

    public static long AtLeastOne(long value, string field) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(field, value, $"{field} = {value}; must be at least 1.");

    public static double PositiveFinite(double value, string field)
    {
        Guard.Finite(value, field);
        Guard.Positive(value, field);
        return value;
    }

    public static double NonNegativeFinite(double value, string field)
    {
        Guard.Finite(value, field);
        Guard.NonNegative(value, field);
        return value;
    }

    public static double Gamma(double value, string field)
    {
        Guard.UnitInterval(value, field);
        return value;
    }

    /// <summary>τ ∈ (0, 1]: τ = 0 would freeze the target networks forever.</summary>
    public static double Tau(double value, string field) => value > 0 && value <= 1
        ? value
        : throw new ArgumentOutOfRangeException(field, value, $"{field} = {value}; τ must lie in (0, 1] (0 would never move the target networks).");

    public static double Finite(double value, string field)
    {
        Guard.Finite(value, field);
        return value;
    }

    public static IReadOnlyList<int> HiddenSizes(IReadOnlyList<int> value, string field)
    {
        ArgumentNullException.ThrowIfNull(value, field);
        for (int i = 0; i < value.Count; i++)
        {
            if (value[i] < 1)
            {
                throw new ArgumentOutOfRangeException(field, value[i], $"{field}[{i}] = {value[i]}; every layer needs at least one unit.");
            }
        }

        return value.ToArray();
    }

    /// <summary>The checks that relate two fields, run when training starts (an object initializer sets fields one at a time).</summary>
    public static void Replay(int bufferSize, int batchSize, long learningStarts)
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
}
