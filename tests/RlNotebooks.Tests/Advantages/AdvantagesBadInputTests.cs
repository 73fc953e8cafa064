using RlNotebooks.Advantages;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Advantages;

public class AdvantagesBadInputTests
{
    private static readonly double[] R = [1, 2, 3];
    private static readonly double[] V = [0, 0, 0];
    private static readonly bool[] F = new bool[3];

    public static TheoryData<string, string, Action> Cases => new()
    {
        { "rewards", "empty", () => TdErrors.Compute([], [], [], [], 0.9) },
        { "values", "length 2", () => TdErrors.Compute(R, [0, 0], V, F, 0.9) },
        { "terminated", "length 1", () => TdErrors.Compute(R, V, V, new bool[1], 0.9) },
        { "gamma", "1.1", () => TdErrors.Compute(R, V, V, F, 1.1) },
        { "values", "values[1]", () => TdErrors.Compute(R, [0, double.NaN, 0], V, F, 0.9) },
        { "destination", "too short", () => TdErrors.ComputeInto(R, V, V, F, 0.9, new double[2]) },

        { "rewards", "empty", () => Gae.Advantages([], [], [], [], [], 0.9, 0.9) },
        { "values", "length 4", () => Gae.Advantages(R, [0, 0, 0, 0], V, F, F, 0.9, 0.9) },
        { "nextValues", "length 2", () => Gae.Advantages(R, V, [0, 0], F, F, 0.9, 0.9) },
        { "truncated", "length 2", () => Gae.Advantages(R, V, V, F, new bool[2], 0.9, 0.9) },
        { "gamma", "-1", () => Gae.Advantages(R, V, V, F, F, -1, 0.9) },
        { "lambda", "NaN", () => Gae.Advantages(R, V, V, F, F, 0.9, double.NaN) },
        { "rewards", "rewards[2]", () => Gae.Advantages([1, 2, double.NaN], V, V, F, F, 0.9, 0.9) },
        { "values", "values[0]", () => Gae.Advantages(R, [double.NegativeInfinity, 0, 0], V, F, F, 0.9, 0.9) },
        { "nextValues", "nextValues[1]", () => Gae.Advantages(R, V, [0, double.NaN, 0], [false, true, false], F, 0.9, 0.9) },
        { "destination", "too short", () => Gae.AdvantagesInto(R, V, V, F, F, 0.9, 0.9, new double[2]) },
        { "valueTargets", "too short", () => Gae.EstimateInto(R, V, V, F, F, 0.9, 0.9, new double[3], new double[1]) },

        { "advantages", "empty", () => AdvantageNormalization.Normalize([]) },
        { "advantages", "advantages[1]", () => AdvantageNormalization.Normalize([1, double.NaN]) },
        { "epsilon", "0", () => AdvantageNormalization.Normalize([1, 2], 0.0) },
        { "destination", "too short", () => AdvantageNormalization.NormalizeInto([1, 2], 1e-8, new double[1]) },
        // Finite inputs whose sum Â₀ = δ₀ + γλ·δ₁ = 2·MaxValue is not representable: an error, never ∞.
        { "rewards", "overflowed", () => Gae.Advantages([double.MaxValue, double.MaxValue], [0, 0], [0, 0], new bool[2], new bool[2], 1, 1) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_names_the_parameter_and_the_offending_index_or_value(string parameter, string inMessage, Action call) =>
        BadInput.Fails(call, parameter, inMessage);

    [Fact]
    public void Any_non_finite_input_is_found_by_the_fused_check_whatever_the_flags() =>
        Rollouts.CheckNonFiniteInputIsNamed(Rollouts.UnitParameter, ["rewards", "values", "nextValues"],
            (b, lambda) => Gae.Advantages(b.Rewards, b.Values, b.NextValues, b.Terminated, b.Truncated, 0.9, lambda));
}
