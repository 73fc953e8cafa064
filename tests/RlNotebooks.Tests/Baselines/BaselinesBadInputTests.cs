using RlNotebooks.Baselines;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Baselines;

public class BaselinesBadInputTests
{
    public static TheoryData<string, string, Action> Cases => new()
    {
        { "returns", "empty", () => ConstantBaseline.Mean([]) },
        { "returns", "returns[1]", () => ConstantBaseline.Mean([1, double.NaN]) },

        { "episodeReturns", "empty", () => TimeDependentBaseline.Compute([]) },
        { "episodeReturns", "non-empty", () => TimeDependentBaseline.Compute([[], []]) },
        { "episodeReturns", "episodeReturns[1][0]", () => TimeDependentBaseline.Compute([[1], [double.NaN]]) },
        { "destination", "too short", () => TimeDependentBaseline.ComputeInto([[1, 2, 3]], new double[2]) },

        { "featureCount", "0", () => LeastSquaresValueFit.Fit([1, 2], 0, [1, 2]) },
        { "features", "multiple", () => LeastSquaresValueFit.Fit([1, 2, 3], 2, [1]) },
        { "targets", "length 3", () => LeastSquaresValueFit.Fit([1, 2], 1, [1, 2, 3]) },
        { "features", "features[1]", () => LeastSquaresValueFit.Fit([1, double.NaN], 1, [1, 2]) },
        { "ridge", "-1", () => LeastSquaresValueFit.Fit([1, 2], 1, [1, 2], -1) },
        { "features", "linearly dependent", () => LeastSquaresValueFit.Fit([1, 2, 2, 4], 2, [1, 2]) },
        { "weights", "too short", () => LeastSquaresValueFit.FitInto([1, 2], 1, [1, 2], 0, new double[0], new double[1]) },
        { "workspace", "too short", () => LeastSquaresValueFit.FitInto([1, 0, 0, 1], 2, [1, 2], 0, new double[2], new double[3]) },

        { "parameterCount", "0", () => VarianceOptimalBaseline.Compute([1, 2], 0, [1, 2]) },
        { "returns", "length 1", () => VarianceOptimalBaseline.Compute([1, 2], 1, [1]) },
        { "scoreSums", "scoreSums[0]", () => VarianceOptimalBaseline.Compute([double.NaN, 2], 1, [1, 2]) },
        { "scoreSums", "empty", () => VarianceOptimalBaseline.Compute([], 1, []) },
        { "destination", "too short", () => VarianceOptimalBaseline.ComputeInto([1, 2], 2, [1], new double[1]) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_names_the_parameter_and_the_offending_index_or_value(string parameter, string inMessage, Action call) =>
        BadInput.Fails(call, parameter, inMessage);
}
