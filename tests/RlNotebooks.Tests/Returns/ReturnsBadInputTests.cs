using FsCheck.Fluent;
using RlNotebooks.Returns;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Returns;

public class ReturnsBadInputTests
{
    private static readonly double[] R = [1, 2, 3];
    private static readonly double[] Nv = [0, 0, 0];
    private static readonly bool[] F = new bool[3];

    public static TheoryData<string, string, Action> Cases => new()
    {
        { "rewards", "empty", () => RewardToGo.Compute([], 0.9) },
        { "gamma", "1.5", () => RewardToGo.Compute(R, 1.5) },
        { "gamma", "-0.1", () => TrajectoryReturn.Discounted(R, -0.1) },
        { "discounts", "length 2", () => RewardToGo.Compute(R, [0.9, 0.9]) },
        { "discounts", "discounts[1]", () => RewardToGo.Compute(R, [0.9, 1.1, 0.9]) },
        { "bootstrap", "NaN", () => RewardToGo.Compute(R, 0.9, double.NaN) },
        { "rewards", "rewards[2]", () => TrajectoryReturn.Discounted([1, 2, double.NaN], 0.9) },
        { "destination", "too short", () => RewardToGo.ComputeInto(R, 0.9, 0, new double[2]) },

        { "rewards", "empty", () => DiscountedReturns.Compute([], [], [], [], 0.9) },
        // Finite rewards whose return G₀ = r₁ + γ·r₂ = 2·MaxValue is not representable: an error, never ∞.
        { "rewards", "overflowed", () => DiscountedReturns.Compute([double.MaxValue, double.MaxValue], [0, 0], new bool[2], new bool[2], 1) },
        { "nextValues", "length 2", () => DiscountedReturns.Compute(R, [0, 0], F, F, 0.9) },
        { "terminated", "length 2", () => DiscountedReturns.Compute(R, Nv, new bool[2], F, 0.9) },
        { "truncated", "length 4", () => DiscountedReturns.Compute(R, Nv, F, new bool[4], 0.9) },
        { "gamma", "NaN", () => DiscountedReturns.Compute(R, Nv, F, F, double.NaN) },
        { "rewards", "rewards[1]", () => DiscountedReturns.Compute([1, double.NaN, 3], Nv, F, F, 0.9) },
        { "nextValues", "nextValues[0]", () => DiscountedReturns.Compute(R, [double.PositiveInfinity, 0, 0], F, F, 0.9) },
        { "destination", "too short", () => DiscountedReturns.ComputeInto(R, Nv, F, F, 0.9, new double[2]) },

        { "n", "0", () => NStepReturns.Compute(R, Nv, F, F, 0.9, 0) },
        { "gamma", "2", () => NStepReturns.Compute(R, Nv, F, F, 2, 1) },
        { "rewards", "rewards[2]", () => NStepReturns.Compute([1, 2, double.NaN], Nv, F, F, 0.9, 2) },
        { "nextValues", "length 1", () => NStepReturns.Compute(R, [0], F, F, 0.9, 2) },
        { "destination", "too short", () => NStepReturns.ComputeInto(R, Nv, F, F, 0.9, 2, new double[1]) },

        { "lambda", "1.01", () => LambdaReturns.Compute(R, Nv, F, F, 0.9, 1.01) },
        { "lambdas", "lambdas[2]", () => LambdaReturns.Compute(R, Nv, F, F, 0.9, [0.5, 0.5, -1]) },
        { "lambdas", "length 1", () => LambdaReturns.Compute(R, Nv, F, F, 0.9, [0.5]) },
        { "nextValues", "nextValues[1]", () => LambdaReturns.Compute(R, [0, double.NaN, 0], F, F, 0.9, 0.5) },
        { "rewards", "empty", () => LambdaReturns.Compute([], [], [], [], 0.9, 0.5) },
        { "destination", "too short", () => LambdaReturns.ComputeInto(R, Nv, F, F, 0.9, 0.5, new double[0]) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_names_the_parameter_and_the_offending_index_or_value(string parameter, string inMessage, Action call) =>
        BadInput.Fails(call, parameter, inMessage);

    [Fact]
    public void Any_non_finite_input_is_found_by_the_fused_check_whatever_the_flags() =>
        Rollouts.CheckNonFiniteInputIsNamed(Gen.Constant(0.9), ["rewards", "nextValues"],
            (b, gamma) => DiscountedReturns.Compute(b.Rewards, b.NextValues, b.Terminated, b.Truncated, gamma));
}
