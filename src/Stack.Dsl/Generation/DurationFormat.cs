using System.Globalization;
using System.Text;

namespace Stack.Dsl.Generation;

/// <summary>Writes a <see cref="TimeSpan"/> as a compose duration (Go syntax): <c>15s</c>, <c>1m30s</c>, <c>250ms</c>.</summary>
internal static class DurationFormat
{
    /// <summary>
    /// The duration in Go's syntax; a negative one with a leading '-', as Go writes it. Whether a
    /// place accepts it is the validator's call (STK0212), so the text inventory can read every
    /// duration a definition holds, TimeSpan.MinValue included, without throwing.
    /// </summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder(value < TimeSpan.Zero ? "-" : string.Empty);
        var ticks = value.Ticks == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(value.Ticks);
        Append(ref ticks, TimeSpan.TicksPerHour, "h", text);
        Append(ref ticks, TimeSpan.TicksPerMinute, "m", text);
        Append(ref ticks, TimeSpan.TicksPerSecond, "s", text);
        Append(ref ticks, TimeSpan.TicksPerMillisecond, "ms", text);
        Append(ref ticks, TimeSpan.TicksPerMicrosecond, "us", text);
        if (ticks > 0)
        {
            text.Append((ticks * 100).ToString(CultureInfo.InvariantCulture)).Append("ns");
        }

        return text.ToString();
    }

    private static void Append(ref ulong ticks, long unit, string suffix, StringBuilder text)
    {
        var count = ticks / (ulong)unit;
        if (count > 0)
        {
            text.Append(count.ToString(CultureInfo.InvariantCulture)).Append(suffix);
            ticks -= count * (ulong)unit;
        }
    }
}
