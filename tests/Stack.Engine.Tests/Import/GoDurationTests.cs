using Stack.Tool.Import;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// The importer's one duration reader against Go's time.ParseDuration (what compose and Traefik
/// run): each row is what Go returns for the text, in nanoseconds, or null where Go refuses it.
/// </summary>
public sealed class GoDurationTests
{
    public static TheoryData<string, long?> GoReadings() => new()
    {
        { "0", 0 },
        { "+0", 0 },
        { "-0", 0 },
        { "0s", 0 },
        { "300ms", 300_000_000 },
        { "1.5h", 5_400_000_000_000 },
        { ".5s", 500_000_000 },
        { "5.s", 5_000_000_000 },
        { "+1s", 1_000_000_000 },
        { "-1s", -1_000_000_000 },
        { "-1.5h", -5_400_000_000_000 },
        { "2h45m", 9_900_000_000_000 },
        { "1h30m", 5_400_000_000_000 },
        { "1m30s", 90_000_000_000 },
        { "1s1s", 2_000_000_000 }, // Go adds repeated and unordered parts
        { "1us", 1_000 },
        { "1\u00B5s", 1_000 }, // micro sign
        { "1\u03BCs", 1_000 }, // Greek mu
        { "1ns", 1 },
        { "0.1ns", 0 }, // truncated, as Go does
        { "1.0000000001s", 1_000_000_000 }, // a tenth of a nanosecond, truncated
        { "1.000000001s", 1_000_000_001 },
        { "9223372036854775807ns", long.MaxValue },
        { "-9223372036854775808ns", long.MinValue },
        { "2562047h", 2_562_047L * 3_600_000_000_000 },
        { "", null },
        { "+", null },
        { "-", null },
        { "1", null }, // a bare number other than 0 has no unit
        { "1.5", null },
        { "1h-2m", null }, // a sign only in front
        { "1e3s", null }, // no exponent: 'e' is read as a unit
        { ".", null },
        { ".s", null },
        { "s", null },
        { "1S", null }, // units are case-sensitive
        { "1d", null },
        { " 1s", null },
        { "1s ", null },
        { "1 s", null },
        { "--1s", null },
        { "\u0661s", null }, // only ASCII digits
        { "9223372036854775808ns", null },
        { "2562048h", null },
        { "99999999999999999999s", null },
    };

    [Theory]
    [MemberData(nameof(GoReadings))]
    public void Reads_a_duration_as_Go_does(string text, long? expected)
    {
        var parsed = GoDuration.TryParse(text, out var nanoseconds, out var problem);

        Assert.Equal(expected is not null, parsed);
        Assert.Equal(expected ?? 0, nanoseconds);
        Assert.Equal(expected is null, problem is not null);
        if (problem is not null)
        {
            Assert.Contains($"'{text}'", problem, StringComparison.Ordinal);
        }
    }

    /// <summary>Traefik's reader (paerser's Duration) takes a whole number as seconds before trying Go's syntax.</summary>
    [Theory]
    [InlineData("10", 10_000_000_000L)]
    [InlineData("+5", 5_000_000_000L)]
    [InlineData("-10", -10_000_000_000L)]
    [InlineData("010", 10_000_000_000L)]
    [InlineData("0", 0L)]
    [InlineData("10s", 10_000_000_000L)]
    [InlineData("1m30s", 90_000_000_000L)]
    [InlineData("1.5", null)] // not whole, and no unit for Go
    [InlineData("9223372037", null)] // seconds Go would wrap past its limit
    [InlineData("", null)]
    public void Reads_a_duration_as_Traefik_does(string text, long? expected)
    {
        var parsed = GoDuration.TryParseTraefik(text, out var nanoseconds, out _);

        Assert.Equal(expected is not null, parsed);
        Assert.Equal(expected ?? 0, nanoseconds);
    }

    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(100L, 1L)]
    [InlineData(-100L, -1L)]
    [InlineData(1_500_000_000L, 15_000_000L)]
    [InlineData(150L, null)]
    [InlineData(1L, null)]
    public void A_TimeSpan_holds_whole_ticks_only(long nanoseconds, long? ticks) =>
        Assert.Equal(ticks is { } t ? TimeSpan.FromTicks(t) : null, GoDuration.ToTimeSpan(nanoseconds));
}
