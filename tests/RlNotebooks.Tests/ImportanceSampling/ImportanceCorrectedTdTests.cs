using RlNotebooks.ImportanceSampling;

namespace RlNotebooks.Tests.ImportanceSampling;

public class ImportanceCorrectedTdTests
{
    [Fact]
    public void Worked_example_with_a_terminal_step_a_truncation_and_a_cut_off()
    {
        // γ = 0.9.
        // t=0: δ = 1 + 0.9·1 − 0.5 = 1.4, ρ = 2 → 2.8.
        // t=1: terminated → δ = 2 + 0 − 1 = 1, ρ = 0.5 → 0.5.
        // t=2: truncated by a time limit, still bootstraps from nextValues[2] = 4 (the final observation):
        //      δ = 0 + 0.9·4 − 1 = 2.6, ρ = 1 → 2.6.
        // t=3: rollout cut-off, bootstraps from nextValues[3] = 2: δ = −1 + 1.8 − 0 = 0.8, ρ = 0 → 0.
        double[] rewards = [1, 2, 0, -1];
        double[] values = [0.5, 1, 1, 0];
        double[] nextValues = [1, 3, 4, 2];
        bool[] terminated = [false, true, false, false];
        double[] ratios = [2, 0.5, 1, 0];
        var errors = ImportanceCorrectedTd.Errors(rewards, values, nextValues, terminated, ratios, 0.9);
        Assert.Equal(2.8, errors[0], 12);
        Assert.Equal(0.5, errors[1], 12);
        Assert.Equal(2.6, errors[2], 12);
        Assert.Equal(0.0, errors[3], 12);
    }

    [Fact]
    public void Bad_inputs_name_the_parameter()
    {
        double[] one = [1.0];
        bool[] no = [false];
        var gamma = Assert.ThrowsAny<ArgumentException>(() => ImportanceCorrectedTd.Errors(one, one, one, no, one, 1.5));
        Assert.Equal("gamma", gamma.ParamName);
        Assert.Contains("1.5", gamma.Message);
        var length = Assert.ThrowsAny<ArgumentException>(() => ImportanceCorrectedTd.Errors(one, one, one, no, [1.0, 1.0], 0.9));
        Assert.Equal("ratios", length.ParamName);
        var nan = Assert.ThrowsAny<ArgumentException>(() => ImportanceCorrectedTd.Errors(one, one, [double.NaN], no, one, 0.9));
        Assert.Equal("nextValues", nan.ParamName);
        Assert.Contains("[0]", nan.Message);
        var flags = Assert.ThrowsAny<ArgumentException>(() => ImportanceCorrectedTd.Errors(one, one, one, [], one, 0.9));
        Assert.Equal("terminated", flags.ParamName);
    }
}
