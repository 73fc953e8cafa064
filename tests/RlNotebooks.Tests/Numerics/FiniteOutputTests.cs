using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using RlNotebooks.Advantages;
using RlNotebooks.Baselines;
using RlNotebooks.Bellman;
using RlNotebooks.Distributions;
using RlNotebooks.ImportanceSampling;
using RlNotebooks.NaturalGradient;
using RlNotebooks.OffPolicy;
using RlNotebooks.PolicyGradients;
using RlNotebooks.Returns;
using RlNotebooks.Surrogates;
using RlNotebooks.TabularLearning;
using RlNotebooks.Tests.Support;
using Xunit;

namespace RlNotebooks.Tests.Numerics;

/// <summary>
/// The library's promise "no function returns NaN or ∞", checked on ordinary hostile inputs: values in ±10 mixed with NaN
/// and ±∞, arrays one element too long, and γ, λ outside [0, 1] or NaN. Every function listed either throws an
/// <see cref="ArgumentException"/> naming one of its own parameters or returns only finite numbers. (Inputs near
/// ±double.MaxValue are out of scope: they do not occur in reinforcement learning.)
/// </summary>
public sealed class FiniteOutputTests
{
    /// <summary>Four equally long arrays, episode flags, γ and λ drawn from extreme but finite values.</summary>
    public sealed record Sample(double[] A, double[] B, double[] C, double[] D, bool[] Terminated, bool[] Truncated, double Gamma, double Lambda)
    {
        public int Length => A.Length;
        public double[] Filled(double value) => Enumerable.Repeat(value, Length).ToArray();
        public static double[] Negative(double[] x) => x.Select(v => -Math.Abs(v)).ToArray();
        public static double[] Abs(double[] x) => x.Select(Math.Abs).ToArray();
        public static double[] Interleave(double[] x, double[] y) => x.Zip(y, (p, q) => new[] { p, q }).SelectMany(p => p).ToArray();
        public double[] Low => A.Zip(B, (p, q) => Math.Min(p, q) - 1.0).ToArray();
        public double[] High => A.Zip(B, (p, q) => Math.Max(p, q) + 1.0).ToArray();
        public override string ToString() =>
            $"n={Length} γ={Gamma} λ={Lambda} A=[{string.Join(", ", A.Take(6))}] B=[{string.Join(", ", B.Take(6))}] C=[{string.Join(", ", C.Take(6))}] D=[{string.Join(", ", D.Take(6))}] term=[{string.Join(",", Terminated.Take(6))}] trunc=[{string.Join(",", Truncated.Take(6))}]";
    }

    /// <summary>One public function, the type and method whose parameters an error may name, and a call returning every numeric output.</summary>
    public sealed record Case(Type Type, string Method, Func<Sample, IEnumerable<double>> Call);

    private static Gen<double> Element =>
        Gen.Frequency((12, Properties.Finite(10.0)), (1, Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity)));

    /// <summary>An array of length n, or (rarely) n + 1 so that lengths mismatch.</summary>
    private static Gen<double[]> Values(int n) =>
        from extra in Gen.Frequency((10, Gen.Constant(0)), (1, Gen.Constant(1)))
        from values in Gen.ArrayOf(Element, n + extra)
        select values;

    private static Gen<Sample> Samples =>
        from n in Gen.Choose(1, 12)
        from a in Values(n)
        from b in Values(n)
        from c in Values(n)
        from d in Values(n)
        from term in Gen.ArrayOf(Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true))), n)
        from trunc in Gen.ArrayOf(Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true))), n)
        from gamma in Gen.Elements(1.0, 0.99, 0.5, 0.0, -0.1, 1.5, double.NaN)
        from lambda in Gen.Elements(1.0, 0.95, 0.0, -0.5, 2.0, double.NaN)
        select new Sample(a, b, c, d, term, trunc.Zip(term, (u, v) => u && !v).ToArray(), gamma, lambda);

    private static readonly Random Rng = new(7);
    private static Random R => new(7);

    private static IEnumerable<double> D(params double[] x) => x;

    private static (double[] Q, int States) Table(Sample s) => (Sample.Interleave(s.A, s.B), s.Length);

    private static Transition Step(Sample s) => new(0, 1, s.C[0], s.Length - 1, s.Terminated[0]);

    private static TabularMdp Mdp(Sample s)
    {
        // Two states, two actions; action 0 stays, action 1 moves; rewards taken from the sample; γ from the sample.
        var p = new double[2, 2, 2];
        p[0, 0, 0] = 1; p[0, 1, 1] = 1; p[1, 0, 1] = 1; p[1, 1, 0] = 1;
        // The MDP itself is always valid (its own checks are TabularMdp's tests); the operators get the hostile V and Q.
        var r = new double[2, 2] { { Ordinary(s.A[0]), Ordinary(s.B[0]) }, { Ordinary(s.C[0]), Ordinary(s.D[0]) } };
        return TabularMdp.FromDense(p, r, 0.9);
    }

    private static double Ordinary(double x) => double.IsFinite(x) ? x : 0.0;

    private static double[] Two(double[] x) => [x[0], x.Length > 1 ? x[1] : x[0]];

    private static void Identity(ReadOnlySpan<double> v, Span<double> result) => v.CopyTo(result);

    /// <summary>Every public numeric function of the library, by name.</summary>
    public static readonly IReadOnlyDictionary<string, Case> Cases = new Dictionary<string, Case>
    {
        // Returns
        ["DiscountedReturns.Compute"] = new(typeof(DiscountedReturns), "Compute", s => DiscountedReturns.Compute(s.A, s.B, s.Terminated, s.Truncated, s.Gamma)),
        ["LambdaReturns.Compute"] = new(typeof(LambdaReturns), "Compute", s => LambdaReturns.Compute(s.A, s.B, s.Terminated, s.Truncated, s.Gamma, s.Lambda)),
        ["LambdaReturns.Compute(λₜ)"] = new(typeof(LambdaReturns), "Compute", s => LambdaReturns.Compute(s.A, s.B, s.Terminated, s.Truncated, s.Gamma, s.Filled(s.Lambda))),
        ["NStepReturns.Compute"] = new(typeof(NStepReturns), "Compute", s => NStepReturns.Compute(s.A, s.B, s.Terminated, s.Truncated, s.Gamma, 3)),
        ["LambdaReturns.Compute(γₜ, λₜ)"] = new(typeof(LambdaReturns), "Compute", s => LambdaReturns.Compute(s.A, s.Filled(s.Gamma), s.B, s.Filled(s.Lambda))),
        ["NStepReturns.Compute(γₜ)"] = new(typeof(NStepReturns), "Compute", s => NStepReturns.Compute(s.A, s.Filled(s.Gamma), s.B, 3)),
        ["StepDiscounts.FromFlags"] = new(typeof(StepDiscounts), "FromFlags", s => StepDiscounts.FromFlags(s.Terminated, s.Gamma)),
        ["NStepReturns.Compute(n=T)"] = new(typeof(NStepReturns), "Compute", s => NStepReturns.Compute(s.A, s.B, s.Terminated, s.Truncated, s.Gamma, s.Length)),
        ["RewardToGo.Compute"] = new(typeof(RewardToGo), "Compute", s => RewardToGo.Compute(s.A, s.Gamma, s.B[0])),
        ["RewardToGo.Compute(γₜ)"] = new(typeof(RewardToGo), "Compute", s => RewardToGo.Compute(s.A, s.Filled(s.Gamma), s.B[0])),
        ["TrajectoryReturn.Discounted"] = new(typeof(TrajectoryReturn), "Discounted", s => D(TrajectoryReturn.Discounted(s.A, s.Gamma))),
        // Advantages
        ["AdvantageNormalization.Normalize"] = new(typeof(AdvantageNormalization), "Normalize", s => AdvantageNormalization.Normalize(s.A)),
        ["Gae.Estimate"] = new(typeof(Gae), "Estimate", s => { var e = Gae.Estimate(s.A, s.B, s.C, s.Terminated, s.Truncated, s.Gamma, s.Lambda); return e.Advantages.Concat(e.ValueTargets); }),
        ["Gae.Advantages"] = new(typeof(Gae), "Advantages", s => Gae.Advantages(s.A, s.B, s.C, s.Terminated, s.Truncated, s.Gamma, s.Lambda)),
        ["TdErrors.Compute"] = new(typeof(TdErrors), "Compute", s => TdErrors.Compute(s.A, s.B, s.C, s.Terminated, s.Gamma)),
        // Baselines
        ["ConstantBaseline.Mean"] = new(typeof(ConstantBaseline), "Mean", s => D(ConstantBaseline.Mean(s.A))),
        ["LeastSquaresValueFit.Fit(1 feature)"] = new(typeof(LeastSquaresValueFit), "Fit", s => LeastSquaresValueFit.Fit(s.A, 1, s.B)),
        ["LeastSquaresValueFit.Fit(2 features, ridge)"] = new(typeof(LeastSquaresValueFit), "Fit", s => LeastSquaresValueFit.Fit(Sample.Interleave(s.A, s.B), 2, s.C, 1.0)),
        ["TimeDependentBaseline.Compute"] = new(typeof(TimeDependentBaseline), "Compute", s => TimeDependentBaseline.Compute([s.A, s.B, s.C[..Math.Max(1, s.Length / 2)]])),
        ["VarianceOptimalBaseline.Compute"] = new(typeof(VarianceOptimalBaseline), "Compute", s => VarianceOptimalBaseline.Compute(s.A, 1, s.B)),
        // PolicyGradients
        ["FiniteDifference.Gradient(central)"] = new(typeof(FiniteDifference), "Gradient", s => FiniteDifference.Gradient(x => x.Sum(), Two(s.A), Math.Abs(s.B[0]) > 0 ? Math.Abs(s.B[0]) : 1e-6)),
        ["FiniteDifference.Gradient(forward)"] = new(typeof(FiniteDifference), "Gradient", s => FiniteDifference.Gradient(x => x.Sum(), Two(s.A), Math.Abs(s.B[0]) > 0 ? Math.Abs(s.B[0]) : 1e-6, FiniteDifferenceScheme.Forward)),
        ["LikelihoodRatioGradient.WholeTrajectory"] = new(typeof(LikelihoodRatioGradient), "WholeTrajectory", s => LikelihoodRatioGradient.WholeTrajectory(s.A, 1, s.B, Ends(s), s.Gamma)),
        ["LikelihoodRatioGradient.RewardToGo"] = new(typeof(LikelihoodRatioGradient), "RewardToGo", s => LikelihoodRatioGradient.RewardToGo(s.A, 1, s.B, Ends(s), s.Gamma)),
        ["LikelihoodRatioGradient.RewardToGoWithBaseline"] = new(typeof(LikelihoodRatioGradient), "RewardToGoWithBaseline", s => LikelihoodRatioGradient.RewardToGoWithBaseline(Sample.Interleave(s.A, s.D), 2, s.B, Ends(s), s.Gamma, s.C)),
        // ImportanceSampling
        ["EffectiveSampleSize.Compute"] = new(typeof(EffectiveSampleSize), "Compute", s => D(EffectiveSampleSize.Compute(Sample.Abs(s.A)))),
        ["ImportanceCorrectedTd.Errors"] = new(typeof(ImportanceCorrectedTd), "Errors", s => ImportanceCorrectedTd.Errors(s.A, s.B, s.C, s.Terminated, Sample.Abs(s.D), s.Gamma)),
        ["ImportanceCorrectedTd.TraceErrors"] = new(typeof(ImportanceCorrectedTd), "TraceErrors", s => ImportanceCorrectedTd.TraceErrors(s.A, s.Filled(s.Gamma), s.B, s.C, s.D, s.Filled(s.Lambda))),
        ["ImportanceRatios.Ratios"] = new(typeof(ImportanceRatios), "Ratios", s => ImportanceRatios.Ratios(Sample.Negative(s.A), Sample.Negative(s.B))),
        ["ImportanceRatios.TrajectoryRatio"] = new(typeof(ImportanceRatios), "TrajectoryRatio", s => D(ImportanceRatios.TrajectoryRatio(Sample.Negative(s.A), Sample.Negative(s.B)))),
        ["ImportanceRatios.PerDecisionRatios"] = new(typeof(ImportanceRatios), "PerDecisionRatios", s => ImportanceRatios.PerDecisionRatios(Sample.Negative(s.A), Sample.Negative(s.B))),
        ["ImportanceSamplingEstimators.Ordinary"] = new(typeof(ImportanceSamplingEstimators), "Ordinary", s => D(ImportanceSamplingEstimators.Ordinary(Sample.Abs(s.A), s.B))),
        ["ImportanceSamplingEstimators.Weighted"] = new(typeof(ImportanceSamplingEstimators), "Weighted", s => D(ImportanceSamplingEstimators.Weighted(Sample.Abs(s.A), s.B))),
        // Surrogates
        ["AdaptiveKlPenalty.NextBeta"] = new(typeof(AdaptiveKlPenalty), "NextBeta", s => D(AdaptiveKlPenalty.NextBeta(Math.Abs(s.A[0]) + double.Epsilon, Math.Abs(s.B[0]), Math.Abs(s.C[0]) + double.Epsilon))),
        ["ClipFraction.Compute"] = new(typeof(ClipFraction), "Compute", s => D(ClipFraction.Compute(s.A, s.B, 0.2))),
        ["ClippedSurrogate.Value"] = new(typeof(ClippedSurrogate), "Value", s => D(ClippedSurrogate.Value(s.A, s.B, s.C, 0.2))),
        ["ClippedSurrogate.ValueAndGradient"] = new(typeof(ClippedSurrogate), "ValueAndGradient", s => { var r = ClippedSurrogate.ValueAndGradient(s.A, s.B, s.C, 0.2); return r.Gradient.Append(r.Value); }),
        ["CpiSurrogate.Value"] = new(typeof(CpiSurrogate), "Value", s => D(CpiSurrogate.Value(s.A, s.B, s.C))),
        ["EntropyBonus.Mean"] = new(typeof(EntropyBonus), "Mean", s => D(EntropyBonus.Mean(s.A))),
        ["KlEstimators.K1"] = new(typeof(KlEstimators), "K1", s => D(KlEstimators.K1(s.A, s.B))),
        ["KlEstimators.K3"] = new(typeof(KlEstimators), "K3", s => D(KlEstimators.K3(s.A, s.B))),
        ["KlPenalizedSurrogate.Value"] = new(typeof(KlPenalizedSurrogate), "Value", s => D(KlPenalizedSurrogate.Value(s.A, s.B, s.C, Math.Abs(s.D[0]), Math.Abs(s.D[^1])))),
        ["PpoObjective.Evaluate"] = new(typeof(PpoObjective), "Evaluate", s => Terms(PpoObjective.Evaluate(s.A, s.B, s.C, 0.2, s.D, s.A, s.B, 0.5, 0.01))),
        ["PpoObjective.Evaluate(clipped value)"] = new(typeof(PpoObjective), "Evaluate", s => Terms(PpoObjective.Evaluate(s.A, s.B, s.C, 0.2, s.D, s.C, s.A, 0.2, s.B, 0.5, 0.01))),
        ["ValueLoss.Unclipped"] = new(typeof(ValueLoss), "Unclipped", s => D(ValueLoss.Unclipped(s.A, s.B))),
        ["ValueLoss.UnclippedWithGradient"] = new(typeof(ValueLoss), "UnclippedWithGradient", s => { var r = ValueLoss.UnclippedWithGradient(s.A, s.B); return r.Gradient.Append(r.Value); }),
        ["ValueLoss.Clipped"] = new(typeof(ValueLoss), "Clipped", s => D(ValueLoss.Clipped(s.A, s.B, s.C, 0.2))),
        ["ValueLoss.ClippedWithGradient"] = new(typeof(ValueLoss), "ClippedWithGradient", s => { var r = ValueLoss.ClippedWithGradient(s.A, s.B, s.C, 0.2); return r.Gradient.Append(r.Value); }),
        // TabularLearning
        ["TdZero.TdError"] = new(typeof(TdZero), "TdError", s => D(TdZero.TdError(s.A, 0, s.B[0], s.Length - 1, s.Terminated[0], s.Gamma))),
        ["TdZero.UpdateInPlace"] = new(typeof(TdZero), "UpdateInPlace", s => { var v = (double[])s.A.Clone(); double d = TdZero.UpdateInPlace(v, 0, s.B[0], s.Length - 1, s.Terminated[0], 1.0, s.Gamma); return D(d, v[0]); }),
        ["QLearning.TdError"] = new(typeof(QLearning), "TdError", s => D(QLearning.TdError(Table(s).Q, 2, Step(s), s.Gamma))),
        ["QLearning.UpdateInPlace"] = new(typeof(QLearning), "UpdateInPlace", s => { var q = Table(s).Q; double d = QLearning.UpdateInPlace(q, 2, Step(s), 1.0, s.Gamma); return D(d, q[1]); }),
        ["Sarsa.TdError"] = new(typeof(Sarsa), "TdError", s => D(Sarsa.TdError(Table(s).Q, 2, Step(s), 0, s.Gamma))),
        ["Sarsa.UpdateInPlace"] = new(typeof(Sarsa), "UpdateInPlace", s => { var q = Table(s).Q; double d = Sarsa.UpdateInPlace(q, 2, Step(s), 1, 1.0, s.Gamma); return D(d, q[1]); }),
        ["ExpectedSarsa.TdError(π)"] = new(typeof(ExpectedSarsa), "TdError", s => D(ExpectedSarsa.TdError(Table(s).Q, 2, Step(s), [0.5, 0.5], s.Gamma))),
        ["ExpectedSarsa.TdError(ε)"] = new(typeof(ExpectedSarsa), "TdError", s => D(ExpectedSarsa.TdError(Table(s).Q, 2, Step(s), 0.1, s.Gamma))),
        ["ExpectedSarsa.UpdateInPlace(π)"] = new(typeof(ExpectedSarsa), "UpdateInPlace", s => { var q = Table(s).Q; double d = ExpectedSarsa.UpdateInPlace(q, 2, Step(s), [0.25, 0.75], 1.0, s.Gamma); return D(d, q[1]); }),
        ["ExpectedSarsa.UpdateInPlace(ε)"] = new(typeof(ExpectedSarsa), "UpdateInPlace", s => { var q = Table(s).Q; double d = ExpectedSarsa.UpdateInPlace(q, 2, Step(s), 0.3, 1.0, s.Gamma); return D(d, q[1]); }),
        ["DoubleQLearning.TdError"] = new(typeof(DoubleQLearning), "TdError", s => D(DoubleQLearning.TdError(Table(s).Q, Sample.Interleave(s.C, s.D), 2, Step(s), s.Gamma))),
        ["DoubleQLearning.UpdateInPlace"] = new(typeof(DoubleQLearning), "UpdateInPlace", s => { var q1 = Table(s).Q; var q2 = Sample.Interleave(s.C, s.D); double d = DoubleQLearning.UpdateInPlace(q1, q2, 2, Step(s), 1.0, s.Gamma, true); return D(d, q1[1]); }),
        ["DoubleQLearning.UpdateInPlace(random)"] = new(typeof(DoubleQLearning), "UpdateInPlace", s => { var q1 = Table(s).Q; var q2 = Sample.Interleave(s.C, s.D); double d = DoubleQLearning.UpdateInPlace(q1, q2, 2, Step(s), 0.5, s.Gamma, R).TdError; return D(d, q1[1], q2[1]); }),
        ["MonteCarlo.IncrementalMean"] = new(typeof(MonteCarlo), "IncrementalMean", s => D(MonteCarlo.IncrementalMean(s.A[0], s.B[0], 2))),
        ["MonteCarlo.ConstantAlpha"] = new(typeof(MonteCarlo), "ConstantAlpha", s => D(MonteCarlo.ConstantAlpha(s.A[0], s.B[0], 0.5))),
        ["MonteCarlo.IncrementalMeanUpdateInPlace"] = new(typeof(MonteCarlo), "IncrementalMeanUpdateInPlace", s => { var v = (double[])s.A.Clone(); var n = new int[s.Length]; n[0] = 1; double e = MonteCarlo.IncrementalMeanUpdateInPlace(v, n, 0, s.B[0]); return D(e, v[0]); }),
        ["MonteCarlo.ConstantAlphaUpdateInPlace"] = new(typeof(MonteCarlo), "ConstantAlphaUpdateInPlace", s => { var v = (double[])s.A.Clone(); double e = MonteCarlo.ConstantAlphaUpdateInPlace(v, 0, s.B[0], 1.0); return D(e, v[0]); }),
        // Bellman
        ["BellmanOperators.ActionValue"] = new(typeof(BellmanOperators), "ActionValue", s => D(BellmanOperators.ActionValue(Mdp(s), Two(s.C), 0, 1))),
        ["BellmanOperators.ActionValues"] = new(typeof(BellmanOperators), "ActionValues", s => BellmanOperators.ActionValues(Mdp(s), Two(s.C))),
        ["BellmanOperators.ExpectationV"] = new(typeof(BellmanOperators), "ExpectationV", s => BellmanOperators.ExpectationV(Mdp(s), TabularPolicy.Uniform(2, 2), Two(s.C))),
        ["BellmanOperators.ExpectationQ"] = new(typeof(BellmanOperators), "ExpectationQ", s => BellmanOperators.ExpectationQ(Mdp(s), TabularPolicy.Uniform(2, 2), [.. Two(s.C), .. Two(s.D)])),
        ["BellmanOperators.OptimalityV"] = new(typeof(BellmanOperators), "OptimalityV", s => BellmanOperators.OptimalityV(Mdp(s), Two(s.C))),
        ["BellmanOperators.OptimalityQ"] = new(typeof(BellmanOperators), "OptimalityQ", s => BellmanOperators.OptimalityQ(Mdp(s), [.. Two(s.C), .. Two(s.D)])),
        ["BellmanOperators.ExpectationResidual"] = new(typeof(BellmanOperators), "ExpectationResidual", s => D(BellmanOperators.ExpectationResidual(Mdp(s), TabularPolicy.Uniform(2, 2), Two(s.C)))),
        ["BellmanOperators.OptimalityResidual"] = new(typeof(BellmanOperators), "OptimalityResidual", s => D(BellmanOperators.OptimalityResidual(Mdp(s), Two(s.C)))),
        ["Greedy.ArgMax"] = new(typeof(Greedy), "ArgMax", s => D(Greedy.ArgMax(s.A))),
        ["Greedy.FromQ"] = new(typeof(Greedy), "FromQ", s => Greedy.FromQ(Table(s).Q, 2).Probabilities.ToArray()),
        ["Greedy.FromV"] = new(typeof(Greedy), "FromV", s => Greedy.FromV(Mdp(s), Two(s.C)).Probabilities.ToArray()),
        ["Greedy.EpsilonGreedyFromQ"] = new(typeof(Greedy), "EpsilonGreedyFromQ", s => Greedy.EpsilonGreedyFromQ(Table(s).Q, 2, 0.1).Probabilities.ToArray()),
        ["Greedy.Actions"] = new(typeof(Greedy), "Actions", s => Greedy.Actions(Table(s).Q, 2).Select(a => (double)a)),
        ["PolicyEvaluation.Synchronous"] = new(typeof(PolicyEvaluation), "Synchronous", s => PolicyEvaluation.Synchronous(Mdp(s), TabularPolicy.Uniform(2, 2)).Values),
        ["PolicyEvaluation.InPlace"] = new(typeof(PolicyEvaluation), "InPlace", s => PolicyEvaluation.InPlace(Mdp(s), TabularPolicy.Uniform(2, 2)).Values),
        ["PolicyEvaluation.SweepInPlace"] = new(typeof(PolicyEvaluation), "SweepInPlace", s => { var v = Two(s.D); return v.Append(PolicyEvaluation.SweepInPlace(Mdp(s), TabularPolicy.Uniform(2, 2), v)); }),
        ["PolicyEvaluation.Exact"] = new(typeof(PolicyEvaluation), "Exact", s => PolicyEvaluation.Exact(Mdp(s), TabularPolicy.Uniform(2, 2))),
        ["PolicyIteration.Run"] = new(typeof(PolicyIteration), "Run", s => PolicyIteration.Run(Mdp(s)).Values),
        ["ValueIteration.Run"] = new(typeof(ValueIteration), "Run", s => ValueIteration.Run(Mdp(s)).Values),
        ["ValueIteration.Sweep"] = new(typeof(ValueIteration), "Sweep", s => { var d = new double[2]; return d.Append(ValueIteration.Sweep(Mdp(s), Two(s.D), d)); }),
        ["ValueIteration.SweepInPlace"] = new(typeof(ValueIteration), "SweepInPlace", s => { var v = Two(s.D); return v.Append(ValueIteration.SweepInPlace(Mdp(s), v)); }),
        ["SoftBellman.SoftValue"] = new(typeof(SoftBellman), "SoftValue", s => D(SoftBellman.SoftValue(s.A, 1.0))),
        ["SoftBellman.SoftValue(τ tiny)"] = new(typeof(SoftBellman), "SoftValue", s => D(SoftBellman.SoftValue(s.A, 1e-300))),
        ["SoftBellman.SoftValues"] = new(typeof(SoftBellman), "SoftValues", s => SoftBellman.SoftValues(Table(s).Q, 2, 1e300)),
        ["SoftBellman.Boltzmann"] = new(typeof(SoftBellman), "Boltzmann", s => SoftBellman.Boltzmann(Table(s).Q, 2, 1e-300).Probabilities.ToArray()),
        ["SoftBellman.BackupQ"] = new(typeof(SoftBellman), "BackupQ", s => SoftBellman.BackupQ(Mdp(s), [.. Two(s.C), .. Two(s.D)], 1.0)),
        ["SoftBellman.BackupV"] = new(typeof(SoftBellman), "BackupV", s => SoftBellman.BackupV(Mdp(s), Two(s.C), 1.0)),
        // NaturalGradient
        ["ConjugateGradient.Solve"] = new(typeof(ConjugateGradient), "Solve", s => CgOutputs(ConjugateGradient.Solve(Identity, s.A, 0.1))),
        ["ConjugateGradient.Solve(Func)"] = new(typeof(ConjugateGradient), "Solve", s => CgOutputs(ConjugateGradient.Solve(v => v.Select((x, i) => x * Math.Abs(s.B[i % s.B.Length]) + x).ToArray(), s.A))),
        ["EmpiricalFisher.Matrix"] = new(typeof(EmpiricalFisher), "Matrix", s => EmpiricalFisher.Matrix(Sample.Interleave(s.A, s.B), 2)),
        ["EmpiricalFisher.VectorProduct"] = new(typeof(EmpiricalFisher), "VectorProduct", s => EmpiricalFisher.VectorProduct(Sample.Interleave(s.A, s.B), 2, Two(s.C))),
        ["EmpiricalFisher.VectorProductOperator"] = new(typeof(EmpiricalFisher), "VectorProductOperator", s => { var r = new double[2]; EmpiricalFisher.VectorProductOperator(Sample.Interleave(s.A, s.B), 2)(Two(s.C), r); return r; }),
        ["TrustRegionScale.StepScale"] = new(typeof(TrustRegionScale), "StepScale", s => D(TrustRegionScale.StepScale(s.A, s.B, 0.01))),
        ["TrustRegionScale.StepScale(MatVec)"] = new(typeof(TrustRegionScale), "StepScale", s => D(TrustRegionScale.StepScale(s.A, Identity, 0.01))),
        ["BacktrackingLineSearch.Search"] = new(typeof(BacktrackingLineSearch), "Search", s => LineSearch(BacktrackingLineSearch.Search(s.A, s.B, p => new SurrogateAndKl(1.0, 0.0), 0.01))),
        ["TrpoStep.Update"] = new(typeof(TrpoStep), "Update", s => Trpo(TrpoStep.Update(s.A, s.B, Identity, p => new SurrogateAndKl(1.0, 0.0), 0.01))),
        // OffPolicy
        ["DqnTargets.Dqn"] = new(typeof(DqnTargets), "Dqn", s => DqnTargets.Dqn(s.A, s.Terminated, Sample.Interleave(s.B, s.C), 2, s.Gamma)),
        ["DqnTargets.DoubleDqn"] = new(typeof(DqnTargets), "DoubleDqn", s => DqnTargets.DoubleDqn(s.A, s.Terminated, Sample.Interleave(s.B, s.C), Sample.Interleave(s.C, s.D), 2, s.Gamma)),
        ["HuberLoss.Value"] = new(typeof(HuberLoss), "Value", s => D(HuberLoss.Value(s.A[0], s.B[0]), HuberLoss.Gradient(s.A[0], s.B[0]))),
        ["HuberLoss.Mean"] = new(typeof(HuberLoss), "Mean", s => D(HuberLoss.Mean(s.A, Math.Abs(s.B[0])))),
        ["Polyak.Update"] = new(typeof(Polyak), "Update", s => Polyak.Update(s.A, s.B, 0.005)),
        ["Polyak.UpdateInPlace"] = new(typeof(Polyak), "UpdateInPlace", s => { var t = (double[])s.A.Clone(); Polyak.UpdateInPlace(t, s.B, 0.5); return t; }),
        ["SacTargets.SoftTargets"] = new(typeof(SacTargets), "SoftTargets", s => SacTargets.SoftTargets(s.A, s.Terminated, s.B, s.C, s.D, Math.Abs(s.D[0]), s.Gamma)),
        ["SacTemperature.DefaultTargetEntropy"] = new(typeof(SacTemperature), "DefaultTargetEntropy", s => D(SacTemperature.DefaultTargetEntropy(s.Length))),
        ["SacTemperature.Loss"] = new(typeof(SacTemperature), "Loss", s => { var l = SacTemperature.Loss(s.A[0], s.B, s.C[0]); return D(l.Loss, l.GradientLogAlpha, l.Alpha); }),
        ["Td3Targets.SampleNoise"] = new(typeof(Td3Targets), "SampleNoise", s => Td3Targets.SampleNoise(s.Length, Math.Abs(s.A[0]), Math.Abs(s.B[0]), R)),
        ["Td3Targets.SmoothedActions"] = new(typeof(Td3Targets), "SmoothedActions", s => Td3Targets.SmoothedActions(s.A, s.C, Math.Abs(s.D[0]), s.Low, s.High)),
        ["Td3Targets.SampleSmoothedActions"] = new(typeof(Td3Targets), "SampleSmoothedActions", s => Td3Targets.SampleSmoothedActions(s.A, Math.Abs(s.C[0]), Math.Abs(s.D[0]), s.Low, s.High, R)),
        ["Td3Targets.Targets"] = new(typeof(Td3Targets), "Targets", s => Td3Targets.Targets(s.A, s.Terminated, s.B, s.C, s.Gamma)),
        // Distributions
        ["Categorical.LogProb"] = new(typeof(Categorical), "LogProb", s => D(Categorical.LogProb(s.A, s.Length - 1))),
        ["Categorical.Entropy"] = new(typeof(Categorical), "Entropy", s => D(Categorical.Entropy(s.A))),
        ["Categorical.KlDivergence"] = new(typeof(Categorical), "KlDivergence", s => D(Categorical.KlDivergence(s.A, s.B))),
        ["Categorical.LogProbGradient"] = new(typeof(Categorical), "LogProbGradient", s => Categorical.LogProbGradient(s.A, 0)),
        ["Categorical.Sample"] = new(typeof(Categorical), "Sample", s => D(Categorical.Sample(s.A, R), Categorical.Sample(s.A, R, 1e-300), Categorical.Sample(s.A, R, 1e300))),
        ["Categorical.SampleFromProbabilities"] = new(typeof(Categorical), "SampleFromProbabilities", s => D(Categorical.SampleFromProbabilities(Softmax.Probabilities(s.A.Select(Ordinary).ToArray()), R))),
        ["DiagonalGaussian.LogProb"] = new(typeof(DiagonalGaussian), "LogProb", s => D(DiagonalGaussian.LogProb(s.A, s.B, s.C))),
        ["DiagonalGaussian.Entropy"] = new(typeof(DiagonalGaussian), "Entropy", s => D(DiagonalGaussian.Entropy(s.C))),
        ["DiagonalGaussian.KlDivergence"] = new(typeof(DiagonalGaussian), "KlDivergence", s => D(DiagonalGaussian.KlDivergence(s.A, s.B, s.C, s.D))),
        ["DiagonalGaussian.LogProbGradient"] = new(typeof(DiagonalGaussian), "LogProbGradient", s => { var g = DiagonalGaussian.LogProbGradient(s.A, s.B, s.C); return g.Mean.Concat(g.LogStd); }),
        ["DiagonalGaussian.Sample"] = new(typeof(DiagonalGaussian), "Sample", s => DiagonalGaussian.Sample(s.B, s.C, R)),
        ["EpsilonGreedy.Probabilities"] = new(typeof(EpsilonGreedy), "Probabilities", s => EpsilonGreedy.Probabilities(s.A, 0.1)),
        ["EpsilonGreedy.Sample"] = new(typeof(EpsilonGreedy), "Sample", s => D(EpsilonGreedy.Sample(s.A, 0.1, R))),
        ["Softmax.Probabilities"] = new(typeof(Softmax), "Probabilities", s => Softmax.Probabilities(s.A).Concat(Softmax.Probabilities(s.A, 1e-300)).Concat(Softmax.Probabilities(s.A, 1e300))),
        ["Softmax.LogProbabilities"] = new(typeof(Softmax), "LogProbabilities", s => Softmax.LogProbabilities(s.A).Concat(Softmax.LogProbabilities(s.A, 1e-300)).Concat(Softmax.LogProbabilities(s.A, 1e300))),
        ["StandardNormal.Sample"] = new(typeof(StandardNormal), "Sample", s => Enumerable.Range(0, 100).Select(_ => StandardNormal.Sample(Rng))),
        ["TanhGaussian.LogOneMinusTanhSquared"] = new(typeof(TanhGaussian), "LogOneMinusTanhSquared", s => s.A.Select(TanhGaussian.LogOneMinusTanhSquared)),
        ["TanhGaussian.Squash"] = new(typeof(TanhGaussian), "Squash", s => TanhGaussian.Squash(s.C, s.Low, s.High)),
        ["TanhGaussian.LogProb"] = new(typeof(TanhGaussian), "LogProb", s => D(TanhGaussian.LogProb(s.C, s.D, s.A, s.Low, s.High))),
        ["TanhGaussian.Sample"] = new(typeof(TanhGaussian), "Sample", s => { var x = TanhGaussian.Sample(s.C, s.D, s.Low, s.High, R); return x.Action.Concat(x.PreTanh).Append(x.LogProb); }),
    };

    private static bool[] Ends(Sample s)
    {
        bool[] ends = (bool[])s.Terminated.Clone();
        ends[^1] = true;
        return ends;
    }

    private static IEnumerable<double> Terms(PpoObjectiveTerms t) => D(t.ClippedSurrogate, t.ValueLoss, t.Entropy, t.Total);

    private static IEnumerable<double> CgOutputs(ConjugateGradientResult r) => r.Solution.Concat(r.ResidualNorms);

    private static IEnumerable<double> LineSearch(LineSearchResult r) =>
        r.Parameters.Concat(D(r.Outcome.StepFraction, r.Outcome.Surrogate, r.Outcome.Kl, r.Outcome.Improvement));

    private static IEnumerable<double> Trpo(TrpoStepResult r) =>
        r.Parameters.Concat(r.SearchDirection).Concat(r.FullStep).Concat(CgOutputs(r.ConjugateGradient))
            .Concat(D(r.StepScale, r.ExpectedImprovement, r.LineSearch.StepFraction, r.LineSearch.Surrogate, r.LineSearch.Kl, r.LineSearch.Improvement));

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Hostile_inputs_give_finite_outputs_or_a_named_argument_error(string name) =>
        Properties.Check(Samples, sample => AssertFiniteOrNamedError(name, sample));

    private static void AssertFiniteOrNamedError(string name, Sample sample)
    {
        Case c = Cases[name];
        double[] outputs;
        try
        {
            outputs = c.Call(sample).ToArray();
        }
        catch (ArgumentException e)
        {
            string[] parameters = ParameterNames(c);
            Assert.True(e.ParamName is not null && parameters.Any(p => e.ParamName == p || e.ParamName.StartsWith(p + ".", StringComparison.Ordinal) || e.ParamName.StartsWith(p + "[", StringComparison.Ordinal)),
                $"{name} threw {e.GetType().Name} naming '{e.ParamName}', not one of its parameters ({string.Join(", ", parameters)}): {e.Message}\ninput: {sample}");
            return;
        }

        int bad = Array.FindIndex(outputs, x => !double.IsFinite(x));
        Assert.True(bad < 0, $"{name} returned {(bad < 0 ? 0 : outputs[bad])} at output {bad} from finite input {sample}");
    }

    private static string[] ParameterNames(Case c) =>
        [.. c.Type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == c.Method)
            .SelectMany(m => m.GetParameters())
            .Select(p => p.Name!)
            .Distinct()];
}
