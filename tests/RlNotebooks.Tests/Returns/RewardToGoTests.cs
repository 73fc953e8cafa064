using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.Returns;
using RlNotebooks.Tests.Support;

namespace RlNotebooks.Tests.Returns;

public class RewardToGoTests
{
    [Fact]
    public void Sutton_Barto_exercise_3_8_returns_with_gamma_one_half()
    {
        // Sutton & Barto (2018), Reinforcement Learning: An Introduction, 2nd ed., Exercise 3.8 (§3.3):
        // γ = 0.5, R1..R5 = −1, 2, 6, 3, 2, T = 5. G4 = 2, G3 = 3 + 0.5·2 = 4, G2 = 6 + 0.5·4 = 8,
        // G1 = 2 + 0.5·8 = 6, G0 = −1 + 0.5·6 = 2.
        double[] g = RewardToGo.Compute([-1, 2, 6, 3, 2], 0.5);
        Assert.Equal([2.0, 6.0, 8.0, 4.0, 2.0], g);
        Assert.Equal(2.0, TrajectoryReturn.Discounted([-1, 2, 6, 3, 2], 0.5));
    }

    [Fact]
    public void Sutton_Barto_exercise_3_9_infinite_tail_as_bootstrap()
    {
        // Exercise 3.9: γ = 0.9, R1 = 2 followed by an infinite sequence of 7s. G1 = 7 / (1 − 0.9) = 70 is the tail,
        // G0 = 2 + 0.9·70 = 65.
        double[] g = RewardToGo.Compute([2.0], 0.9, bootstrap: 7.0 / (1 - 0.9));
        Assert.Equal(65.0, g[0], 1e-10);
    }

    [Fact]
    public void Per_step_discounts_apply_gamma_t_to_the_next_return()
    {
        // G2 = 3 + 0.5·10 = 8, G1 = 2 + 0·8 = 2 (γ₁ = 0 marks a terminal transition), G0 = 1 + 1·2 = 3.
        double[] g = RewardToGo.Compute([1.0, 2.0, 3.0], [1.0, 0.0, 0.5], bootstrap: 10.0);
        Assert.Equal([3.0, 2.0, 8.0], g);
    }

    [Fact]
    public void Constant_discount_array_matches_scalar_and_G0_is_the_trajectory_return()
    {
        var gen = from rewards in Properties.ArrayOf(Properties.Finite())
                  from gamma in Rollouts.UnitParameter
                  from bootstrap in Properties.Finite(50.0)
                  select (rewards, gamma, bootstrap);
        Properties.Check(gen, c =>
        {
            double[] scalar = RewardToGo.Compute(c.rewards, c.gamma, c.bootstrap);
            double[] perStep = RewardToGo.Compute(c.rewards, Enumerable.Repeat(c.gamma, c.rewards.Length).ToArray(), c.bootstrap);
            Assert.Equal(scalar, perStep);
            double direct = 0.0;
            for (int t = 0; t < c.rewards.Length; t++)
            {
                direct += Math.Pow(c.gamma, t) * c.rewards[t];
            }

            Assert.Equal(direct, TrajectoryReturn.Discounted(c.rewards, c.gamma), 1e-9);
            Assert.Equal(direct, RewardToGo.Compute(c.rewards, c.gamma)[0], 1e-9);
        });
    }

    [Fact]
    public void Into_writes_only_the_first_T_slots()
    {
        var destination = new double[] { 9, 9, 9, 9 };
        RewardToGo.ComputeInto([1.0, 1.0], 1.0, 0.0, destination);
        Assert.Equal([2.0, 1.0, 9.0, 9.0], destination);
    }
}
