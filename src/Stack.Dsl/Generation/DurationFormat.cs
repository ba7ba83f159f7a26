using System.Globalization;
using System.Text;

namespace Stack.Dsl.Generation;

/// <summary>Writes a <see cref="TimeSpan"/> as a compose duration (Go syntax): <c>15s</c>, <c>1m30s</c>, <c>250ms</c>.</summary>
internal static class DurationFormat
{
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A compose duration cannot be negative.");
        }

        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        var ticks = value.Ticks;
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

    private static void Append(ref long ticks, long unit, string suffix, StringBuilder text)
    {
        var count = ticks / unit;
        if (count > 0)
        {
            text.Append(count.ToString(CultureInfo.InvariantCulture)).Append(suffix);
            ticks -= count * unit;
        }
    }
}
