using Stack.Dsl.Compose;

namespace Stack.Dsl.Tests.Values;

/// <summary>Sizes as compose reads them: the largest exact unit, fractions as users write them, no wrapping.</summary>
public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(1.5, "1536M")]
    [InlineData(0.5, "512M")]
    [InlineData(2.0, "2G")]
    [InlineData(1.0000001, "1073741931B")]
    public void A_fractional_size_is_written_exactly(double gigabytes, string expected) =>
        Assert.Equal(expected, ByteSize.Gigabytes(gigabytes).ToString());

    [Fact]
    public void Fractional_megabytes_round_to_whole_bytes() => Assert.Equal("1536K", ByteSize.Megabytes(1.5).ToString());

    [Fact]
    public void A_size_that_does_not_fit_is_refused_not_wrapped()
    {
        Assert.Throws<OverflowException>(() => ByteSize.Gigabytes(long.MaxValue / 1024));
        Assert.Throws<OverflowException>(() => ByteSize.Kilobytes(long.MaxValue));
        Assert.Throws<OverflowException>(() => ByteSize.Gigabytes(double.PositiveInfinity));
        Assert.Throws<OverflowException>(() => ByteSize.Gigabytes(double.NaN));
    }
}
