using RlNotebooks.Notebooks;

namespace RlNotebooks.Tests.Notebooks;

public class ExpectTests
{
    [Fact]
    public void Passing_expectations_return_a_confirmation()
    {
        Assert.Equal("✓ V(s₀) = 1 (expected 1 ± 0.01)", Expect.Close(1.0, 1.0, 0.01, "V(s₀)"));
        Assert.StartsWith("✓", Expect.AtLeast(475, 475, "mean return"));
        Assert.StartsWith("✓", Expect.AtMost(0.1, 0.2, "RMS error"));
        Assert.StartsWith("✓", Expect.True(true, "policy is stable"));
        Assert.StartsWith("✓", Expect.AllClose([1.0, 2.0], [1.0, 2.001], 0.01, "V"));
    }

    [Fact]
    public void Failing_expectations_say_what_was_expected()
    {
        var ex = Assert.Throws<ExpectationFailedException>(() => Expect.AtLeast(12.5, 475, "mean return"));
        Assert.Equal("Expected: mean return = 12.5 ≥ 475", ex.Message);
        ex = Assert.Throws<ExpectationFailedException>(() => Expect.AllClose([1.0, 2.5], [1.0, 2.0], 0.1, "V"));
        Assert.Contains("V[1] = 2.5", ex.Message);
        Assert.Throws<ExpectationFailedException>(() => Expect.Close(double.NaN, 0, 1, "x"));
        Assert.Throws<ExpectationFailedException>(() => Expect.AtLeast(double.NaN, 0, "x"));
    }
}
