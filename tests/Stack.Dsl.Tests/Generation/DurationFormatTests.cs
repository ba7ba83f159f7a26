using Stack.Dsl.Generation;

namespace Stack.Dsl.Tests.Generation;

public class DurationFormatTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(15_000, "15s")]
    [InlineData(60_000, "1m")]
    [InlineData(90_000, "1m30s")]
    [InlineData(3_600_000, "1h")]
    [InlineData(3_723_004, "1h2m3s4ms")]
    [InlineData(250, "250ms")]
    public void Formats_as_go_duration(int milliseconds, string expected)
    {
        Assert.Equal(expected, DurationFormat.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void Formats_microseconds()
    {
        Assert.Equal("1s5us", DurationFormat.Format(TimeSpan.FromSeconds(1) + TimeSpan.FromMicroseconds(5)));
    }

    /// <summary>Negative durations are written as Go writes them (the validator refuses them where a place does not take one), the extremes included.</summary>
    [Fact]
    public void Negative_durations_are_written_as_go_writes_them()
    {
        Assert.Equal("-1m30s", DurationFormat.Format(TimeSpan.FromSeconds(-90)));
        Assert.Equal("-100ns", DurationFormat.Format(TimeSpan.FromTicks(-1)));
        Assert.Equal("-256204778h48m5s477ms580us800ns", DurationFormat.Format(TimeSpan.MinValue));
        Assert.Equal("256204778h48m5s477ms580us700ns", DurationFormat.Format(TimeSpan.MaxValue));
    }
}
