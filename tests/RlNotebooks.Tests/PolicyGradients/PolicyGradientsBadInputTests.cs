using RlNotebooks.PolicyGradients;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.PolicyGradients;

public class PolicyGradientsBadInputTests
{
    private static readonly double[] S = [1, 0, 0, 1];
    private static readonly double[] R = [1, 2];
    private static readonly bool[] E = [false, true];

    public static TheoryData<string, string, Action> Cases => new()
    {
        { "parameterCount", "0", () => LikelihoodRatioGradient.WholeTrajectory(S, 0, R, E, 0.9) },
        { "scores", "empty", () => LikelihoodRatioGradient.RewardToGo([], 2, [], [], 0.9) },
        { "scores", "multiple", () => LikelihoodRatioGradient.WholeTrajectory([1, 2, 3], 2, R, E, 0.9) },
        { "rewards", "length 3", () => LikelihoodRatioGradient.RewardToGo(S, 2, [1, 2, 3], E, 0.9) },
        { "episodeEnds", "length 1", () => LikelihoodRatioGradient.RewardToGo(S, 2, R, [true], 0.9) },
        { "episodeEnds", "episodeEnds[1]", () => LikelihoodRatioGradient.WholeTrajectory(S, 2, R, [true, false], 0.9) },
        { "gamma", "1.5", () => LikelihoodRatioGradient.RewardToGo(S, 2, R, E, 1.5) },
        { "rewards", "rewards[1]", () => LikelihoodRatioGradient.WholeTrajectory(S, 2, [1, double.NaN], E, 0.9) },
        { "scores", "scores[3]", () => LikelihoodRatioGradient.RewardToGo([1, 0, 0, double.PositiveInfinity], 2, R, E, 0.9) },
        { "baseline", "length 1", () => LikelihoodRatioGradient.RewardToGoWithBaseline(S, 2, R, E, 0.9, [0]) },
        { "baseline", "baseline[0]", () => LikelihoodRatioGradient.RewardToGoWithBaseline(S, 2, R, E, 0.9, [double.NaN, 0]) },
        { "destination", "too short", () => LikelihoodRatioGradient.WholeTrajectoryInto(S, 2, R, E, 0.9, new double[1]) },

        { "theta", "empty", () => FiniteDifference.Gradient(x => 0, [], 1e-3) },
        { "theta", "theta[1]", () => FiniteDifference.Gradient(x => 0, [0, double.NaN], 1e-3) },
        { "h", "0", () => FiniteDifference.Gradient(x => 0, [0], 0.0) },
        { "f", "θ + h·e0", () => FiniteDifference.Gradient(x => x[0] > 0 ? double.NaN : 0, [0], 1e-3) },
        { "f", "θ − h·e1", () => FiniteDifference.Gradient(x => x[1] < 0 ? double.NaN : 0, [0, 0], 1e-3) },
        { "destination", "too short", () => FiniteDifference.GradientInto(x => 0, [0, 0], 1e-3, FiniteDifferenceScheme.Central, new double[1], new double[2]) },
        { "workspace", "length 3", () => FiniteDifference.GradientInto(x => 0, [0, 0], 1e-3, FiniteDifferenceScheme.Central, new double[2], new double[3]) },
        { "scheme", "7", () => FiniteDifference.Gradient(x => 0, [0], 1e-3, (FiniteDifferenceScheme)7) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_names_the_parameter_and_the_offending_index_or_value(string parameter, string inMessage, Action call) =>
        BadInput.Fails(call, parameter, inMessage);
}
