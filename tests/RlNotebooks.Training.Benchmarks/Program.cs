using System.Diagnostics;
using System.Globalization;
using RlNotebooks.Deep.Algorithms;
using RlNotebooks.Training.Benchmarks;

// Trains each (algorithm, environment) pair for seeds 1–3 until the rolling-20 training return reaches the environment's
// threshold (or the budget ends), and prints steps and seconds to threshold, SPS and the final rolling-20 return per run.
// Usage: dotnet run -c Release --project tests/RlNotebooks.Training.Benchmarks -- [--algo ppo] [--env CartPole-v1] [--seeds 1,2,3]
// A new trainer is one more row calling its Train(config, seed). "CPU s" is the process's CPU time for the whole run: on a
// shared machine it is closer than the wall-clock seconds to what the run costs on an idle one. Each row first trains its
// first seed once unmeasured: loading libtorch and JIT-compiling the trainer (about 1 s) would otherwise be billed to that
// seed alone, while the peers' clocks (CleanRL's start_time) also start after imports and setup. Same seed, same run, so
// the warm-up changes no figure but the seconds.
const double CartPoleThreshold = 475, PendulumThreshold = -200;
var rows = new (string Algorithm, string Environment, double Threshold, Func<int, TrainingRun> Train)[]
{
    ("ppo", "CartPole-v1", CartPoleThreshold, seed => Run(Ppo.Train(PpoConfig.CartPole with { StopAtReturn = CartPoleThreshold }, seed))),
    ("ppo", "Pendulum-v1", PendulumThreshold, seed => Run(Ppo.Train(PpoConfig.Pendulum with { StopAtReturn = PendulumThreshold }, seed))),
    ("trpo", "CartPole-v1", CartPoleThreshold, seed => RunTrpo(Trpo.Train(TrpoConfig.CartPole with { StopAtReturn = CartPoleThreshold }, seed))),
    ("trpo", "Pendulum-v1", PendulumThreshold, seed => RunTrpo(Trpo.Train(TrpoConfig.Pendulum with { StopAtReturn = PendulumThreshold }, seed))),
    ("a2c", "CartPole-v1", CartPoleThreshold, seed => RunA2c(A2c.Train(A2cConfig.CartPole with { StopAtRollingReturn = CartPoleThreshold }, seed))),
    ("ddpg", "Pendulum-v1", PendulumThreshold, seed => RunTd3(Td3.Train(Td3Config.Ddpg with { StopAtReturn = PendulumThreshold }, seed))),
    ("td3", "Pendulum-v1", PendulumThreshold, seed => RunTd3(Td3.Train(Td3Config.Pendulum with { StopAtReturn = PendulumThreshold }, seed))),
    ("sac", "Pendulum-v1", PendulumThreshold, seed => RunSac(Sac.Train(SacConfig.Pendulum with { StopAtReturn = PendulumThreshold }, seed))),
    ("dqn", "CartPole-v1", CartPoleThreshold, seed =>
    {
        using DqnResult result = Dqn.Train(DqnConfig.CartPole with { StopAtReturn = CartPoleThreshold }, seed);
        return new TrainingRun(result.Episodes, result.TotalSteps, result.Seconds);
    }),
    ("double-dqn", "CartPole-v1", CartPoleThreshold, seed =>
    {
        using DqnResult result = Dqn.Train(DqnConfig.CartPole with { DoubleDqn = true, StopAtReturn = CartPoleThreshold }, seed);
        return new TrainingRun(result.Episodes, result.TotalSteps, result.Seconds);
    }),
};

string? algorithm = Option("--algo");
string? environment = Option("--env");
int[] seeds = (Option("--seeds") ?? "1,2,3").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var selected = rows.Where(r => (algorithm is null || r.Algorithm.Equals(algorithm, StringComparison.OrdinalIgnoreCase))
                            && (environment is null || r.Environment.Equals(environment, StringComparison.OrdinalIgnoreCase))).ToArray();
if (selected.Length == 0)
{
    Console.Error.WriteLine($"No benchmark row matches --algo {algorithm} --env {environment}; rows: "
        + string.Join(", ", rows.Select(r => $"{r.Algorithm}/{r.Environment}")));
    return 1;
}

Console.WriteLine($"{"algorithm",-10} {"environment",-12} {"seed",4} {"steps to thr.",14} {"s to thr.",10} {"SPS",8} {"final roll-20",14} {"CPU s",7}");
foreach (var row in selected)
{
    row.Train(seeds[0]);   // warm-up, not measured (see the top of the file)
    var results = new List<(long? Steps, double? Seconds, double Sps, double Final, double Cpu)>();
    foreach (int seed in seeds)
    {
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        TrainingRun run = row.Train(seed);
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var reached = run.ToThreshold(row.Threshold);
        results.Add((reached?.Steps, reached?.Seconds, run.StepsPerSecond, run.FinalRollingReturn, cpu));
        Print(row.Algorithm, row.Environment, seed.ToString(CultureInfo.InvariantCulture), results[^1]);
    }

    bool allReached = results.All(r => r.Steps is not null);
    Print(row.Algorithm, row.Environment, "mean",
        (allReached ? (long)results.Average(r => r.Steps!.Value) : null, allReached ? results.Average(r => r.Seconds!.Value) : null,
         results.Average(r => r.Sps), results.Average(r => r.Final), results.Average(r => r.Cpu)));
}

return 0;

static TrainingRun Run(PpoResult result) => new(result.Episodes, result.TotalSteps, result.Seconds);
static TrainingRun RunTrpo(TrpoResult result) => new(result.Episodes, result.TotalSteps, result.Seconds);
static TrainingRun RunA2c(A2cResult result) => new(result.Episodes, result.TotalSteps, result.Seconds);
static TrainingRun RunTd3(Td3Result result) => new(result.Episodes, result.TotalSteps, result.Seconds);
static TrainingRun RunSac(SacResult result) => new(result.Episodes, result.TotalSteps, result.Seconds);

static void Print(string algorithm, string environment, string seed, (long? Steps, double? Seconds, double Sps, double Final, double Cpu) r) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{algorithm,-10} {environment,-12} {seed,4} {(r.Steps?.ToString(CultureInfo.InvariantCulture) ?? "not reached"),14} {(r.Seconds is double s ? s.ToString("F2", CultureInfo.InvariantCulture) : "-"),10} {r.Sps,8:F0} {r.Final,14:F1} {r.Cpu,7:F1}"));

string? Option(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
