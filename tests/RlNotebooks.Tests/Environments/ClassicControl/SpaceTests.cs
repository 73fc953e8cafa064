using RlNotebooks.Environments.ClassicControl;

namespace RlNotebooks.Tests.Environments.ClassicControl;

public class SpaceTests
{
    [Fact]
    public void Boxes_compare_by_bounds_and_check_membership()
    {
        var box = new Box([-1f, 0f], [1f, 2f]);
        Assert.Equal(new Box([-1f, 0f], [1f, 2f]), box);
        Assert.NotEqual(new Box(-1f, 1f, 2), box);
        Assert.Equal((2, 2), (box.Dimension, box.Size));
        Assert.True(box.Contains([1f, 2f]));
        Assert.False(box.Contains([1f, 2.1f]));
        Assert.False(box.Contains([float.NaN, 1f]));
        Assert.False(box.Contains([0f]));
        Assert.Equal("Box([-1, 0], [1, 2])", box.ToString());
        Assert.Throws<ArgumentException>(() => new Box([1f], [0f]));
        Assert.Throws<ArgumentException>(() => new Box([0f], [1f, 2f]));
        Assert.Throws<ArgumentException>(() => new Box([float.NaN], [1f]));
    }

    [Fact]
    public void Clip_clamps_each_row_to_the_box()
    {
        var box = new Box([-1f, 0f], [1f, 2f]);
        var destination = new float[4];
        box.ClipInto([-3f, 5f, 0.5f, -1f], destination);
        Assert.Equal([-1f, 2f, 0.5f, 0f], destination);
        Assert.Throws<ArgumentException>(() => box.ClipInto([1f, 2f, 3f], new float[3]));
    }

    [Fact]
    public void Discrete_names_the_element_outside()
    {
        var space = new Discrete(3);
        Assert.True(space.Contains(2));
        Assert.False(space.Contains(3));
        Assert.Equal(1, space.Size);
        var ex = Assert.ThrowsAny<ArgumentException>(() => space.ThrowIfOutside(-1, "actions", 4));
        Assert.Equal("actions", ex.ParamName);
        Assert.Contains("actions[4] = -1", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Discrete(0));
    }

    [Fact]
    public void Episode_window_keeps_the_newest_episodes_oldest_first()
    {
        var window = new EpisodeWindow(2);
        Assert.True(double.IsNaN(window.MeanReturn));
        window.Add(new EpisodeStatistics(1, 10));
        window.Add(new EpisodeStatistics(2, 20));
        window.Add(new EpisodeStatistics(4, 40));
        Assert.Equal(2, window.Count);
        Assert.Equal(new EpisodeStatistics(2, 20), window[0]);
        Assert.Equal(new EpisodeStatistics(4, 40), window[1]);
        Assert.Equal((3.0, 30.0), (window.MeanReturn, window.MeanLength));
        Assert.ThrowsAny<ArgumentException>(() => window[2]);
    }
}
