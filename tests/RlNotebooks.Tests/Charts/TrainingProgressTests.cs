using RlNotebooks.Charts;

namespace RlNotebooks.Tests.Charts;

public class TrainingProgressTests
{
    /// <summary>A display handle like the notebook's: records every in-place update.</summary>
    public sealed class FakeHandle
    {
        public List<object> Updates { get; } = [];

        public void Update(object value) => Updates.Add(value);
    }

    /// <summary>A clock that only moves when told; one tick = 1 µs.</summary>
    private sealed class FakeClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => 1_000_000;

        public override long GetTimestamp() => _ticks;

        public void Advance(double seconds) => _ticks += (long)Math.Round(seconds * TimestampFrequency);
    }

    private static (TrainingProgress Progress, FakeHandle Handle, FakeClock Clock, List<object> Displayed) Start(int totalSteps = 1000)
    {
        var handle = new FakeHandle();
        var clock = new FakeClock();
        var displayed = new List<object>();
        var progress = TrainingProgress.Start(x => { displayed.Add(x); return handle; }, totalSteps, "PPO", clock, TimeSpan.FromSeconds(0.5));
        return (progress, handle, clock, displayed);
    }

    [Fact]
    public void Start_displays_the_initial_line_once()
    {
        var (progress, handle, _, displayed) = Start();
        Assert.Equal(["PPO  step 0/1000"], displayed);
        Assert.Empty(handle.Updates);
        Assert.Equal("PPO  step 0/1000", progress.LatestLine);
    }

    [Fact]
    public void Reports_closer_than_the_interval_are_held_back()
    {
        var (progress, handle, clock, _) = Start();
        clock.Advance(0.2);
        Assert.False(progress.Report(10, new ProgressMetric("loss", 0.5)));
        clock.Advance(0.2);
        Assert.False(progress.Report(20));
        Assert.Empty(handle.Updates);

        clock.Advance(0.1); // 0.5 s since start → shown
        Assert.True(progress.Report(30, new ProgressMetric("loss", 0.25)));
        Assert.Equal(["PPO  step 30/1000  loss 0.25  (0.5 s)"], handle.Updates);

        clock.Advance(0.49);
        Assert.False(progress.Report(40));
        clock.Advance(0.01);
        Assert.True(progress.Report(50));
        Assert.Equal(2, handle.Updates.Count);
        Assert.Equal("PPO  step 50/1000  (1.0 s)", handle.Updates[^1]);
    }

    [Fact]
    public void The_final_step_is_always_shown()
    {
        var (progress, handle, clock, _) = Start(totalSteps: 100);
        clock.Advance(0.6);
        Assert.True(progress.Report(50));
        clock.Advance(0.01);
        Assert.True(progress.Report(100, new ProgressMetric("return", 212.44, 31.0)));
        Assert.Equal("PPO  step 100/100  return 212.4 ± 31.0  (0.6 s)", handle.Updates[^1]);
    }

    [Fact]
    public void Flush_shows_a_held_back_line_once()
    {
        var (progress, handle, clock, _) = Start();
        clock.Advance(0.1);
        progress.Report(7, new ProgressMetric("loss", 0.0123));
        Assert.Empty(handle.Updates);
        Assert.True(progress.Flush());
        Assert.Equal(["PPO  step 7/1000  loss 0.0123  (0.1 s)"], handle.Updates);
        Assert.False(progress.Flush());
        Assert.Single(handle.Updates);
    }

    [Fact]
    public void Episode_returns_are_summarised_as_mean_and_population_std()
    {
        // Returns 1, 3: mean 2, population std √(((1−2)² + (3−2)²)/2) = 1.
        var (progress, handle, clock, _) = Start(totalSteps: 10);
        clock.Advance(1);
        progress.Report(10, [1.0, 3.0]);
        Assert.Equal("PPO  step 10/10  return 2.0 ± 1.0  (1.0 s)", handle.Updates[^1]);
        clock.Advance(1);
        progress.Report(10, ReadOnlySpan<double>.Empty);
        Assert.Equal("PPO  step 10/10  (2.0 s)", handle.Updates[^1]);
    }

    [Fact]
    public void Metric_numbers_are_compact()
    {
        Assert.Equal("loss 0.0123", new ProgressMetric("loss", 0.012345).ToString());
        Assert.Equal("return -5.0 ± 0.5", new ProgressMetric("return", -5, 0.5).ToString());
        Assert.Equal("kl 0.0", new ProgressMetric("kl", 0).ToString());
        Assert.Equal("steps 12345.0", new ProgressMetric("steps", 12345).ToString());
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        var handle = new FakeHandle();
        Assert.Equal("display", Assert.Throws<ArgumentException>(() => TrainingProgress.Start(_ => "no Update method", 10)).ParamName);
        Assert.Equal("display", Assert.Throws<ArgumentException>(() => TrainingProgress.Start(_ => null, 10)).ParamName);
        Assert.Equal("totalSteps", Assert.Throws<ArgumentOutOfRangeException>(() => TrainingProgress.Start(_ => handle, 0)).ParamName);
        Assert.Equal("minInterval", Assert.Throws<ArgumentOutOfRangeException>(
            () => TrainingProgress.Start(_ => handle, 10, minInterval: TimeSpan.FromSeconds(-1))).ParamName);
        var progress = TrainingProgress.Start(_ => handle, 10);
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => progress.Report(-1)).ParamName);
    }
}
