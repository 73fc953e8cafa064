using RlNotebooks.Rlhf;

namespace RlNotebooks.Tests.Rlhf;

public class BradleyTerryTests
{
    [Fact]
    public void Loss_and_gradient_equal_a_hand_computation()
    {
        // Δ = (1, −0.7): −log σ(1) = log(1 + e^{−1}) = 0.3132617, −log σ(−0.7) = log(1 + e^{0.7}) = 1.1031860; mean 0.7082239.
        // ∂L/∂r_w = −σ(−Δ)/2: σ(−1) = 0.2689414, σ(0.7) = 0.6681878.
        double[] rw = [1.5, 0.2], rl = [0.5, 0.9];
        Assert.Equal((Math.Log(1 + Math.Exp(-1)) + Math.Log(1 + Math.Exp(0.7))) / 2, BradleyTerry.Loss(rw, rl), 14);
        Assert.Equal(0.7082239, BradleyTerry.Loss(rw, rl), 6);
        var (preferred, rejected) = BradleyTerry.Gradient(rw, rl);
        Assert.Equal(-0.2689414 / 2, preferred[0], 7);
        Assert.Equal(-0.6681878 / 2, preferred[1], 7);
        Assert.Equal(-preferred[0], rejected[0], 15);
        Assert.Equal(-preferred[1], rejected[1], 15);
    }

    [Fact]
    public void Gradient_matches_central_finite_differences()
    {
        double[] rw = [0.3, -2.0, 4.0], rl = [1.1, -2.5, -3.0];
        var (preferred, _) = BradleyTerry.Gradient(rw, rl);
        const double h = 1e-6;
        for (int i = 0; i < rw.Length; i++)
        {
            double[] up = [.. rw], down = [.. rw];
            up[i] += h;
            down[i] -= h;
            Assert.Equal((BradleyTerry.Loss(up, rl) - BradleyTerry.Loss(down, rl)) / (2 * h), preferred[i], 8);
        }
    }

    [Fact]
    public void Loss_stays_finite_and_exact_for_large_margins()
    {
        Assert.Equal(800.0, BradleyTerry.Loss([-400.0], [400.0]), 12);    // −log σ(−800) = 800 + log(1 + e^{−800})
        Assert.Equal(0.0, BradleyTerry.Loss([400.0], [-400.0]), 12);
        Assert.Equal(Math.Log(2), BradleyTerry.Loss([3.0], [3.0]), 14);
        Assert.Equal(0.5, BradleyTerry.Probability(3.0, 3.0), 15);
    }

    [Fact]
    public void Ranking_accuracy_skips_ties_and_counts_score_ties_as_wrong()
    {
        // Pairs: correct, wrong, true tie (skipped), score tie (wrong) → 1 of 3.
        double accuracy = BradleyTerry.RankingAccuracy([2.0, 0.0, 5.0, 1.0], [1.0, 1.0, 0.0, 1.0], [3.0, 3.0, 1.0, 2.0], [0.0, 0.0, 1.0, 0.0]);
        Assert.Equal(1.0 / 3.0, accuracy, 15);
        Assert.Throws<ArgumentException>(() => BradleyTerry.RankingAccuracy([1.0], [0.0], [2.0], [2.0]));
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("rejectedScores", Assert.Throws<ArgumentException>(() => BradleyTerry.Loss([1.0, 2.0], [1.0])).ParamName);
        Assert.Contains("preferredScores[1]", Assert.Throws<ArgumentException>(() => BradleyTerry.Loss([1.0, double.NaN], [1.0, 2.0])).Message);
        Assert.Equal("preferredScores", Assert.Throws<ArgumentException>(() => BradleyTerry.Loss([], [])).ParamName);
    }

    [Fact]
    public void Labeller_follows_the_bradley_terry_model_of_the_hidden_preference()
    {
        // h(a) − h(b) = ln 3 → a is chosen with probability σ(ln 3) = 3/4.
        int[] a = [1], b = [2];
        var sequences = Enumerable.Range(0, 40000).Select(i => i % 2 == 0 ? a : b).ToArray();
        Comparison[] labels = PreferenceComparisons.Label(sequences, s => s == a ? Math.Log(3) : 0.0, new Random(5));
        Assert.Equal(20000, labels.Length);
        Assert.Equal(0.75, labels.Average(c => c.Preferred == a ? 1.0 : 0.0), 2);
        Assert.Equal(labels.Select(c => c.Preferred), PreferenceComparisons.Label(sequences, s => s == a ? Math.Log(3) : 0.0, new Random(5)).Select(c => c.Preferred));
    }
}
