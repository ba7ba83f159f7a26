using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Stack.Tool.Import;

/// <summary>
/// Go's duration text, read as Go's <c>time.ParseDuration</c> reads it (compose and Traefik are Go
/// programs): an optional sign, then one or more decimal numbers (<c>1</c>, <c>1.5</c>, <c>.5</c>,
/// <c>5.</c>) each with a unit (ns, us, µs, μs, ms, s, m, h), such as <c>300ms</c>, <c>-1.5h</c>,
/// <c>2h45m</c>; a bare <c>0</c> is zero, any other bare number lacks its unit. The one reader of
/// durations for the importer, so a value means here what it means to the program that reads it.
/// </summary>
internal static class GoDuration
{
    private const ulong Limit = 1UL << 63; // Go's int64 nanoseconds: the magnitude of the most negative one

    private static readonly Dictionary<string, ulong> Units = new(StringComparer.Ordinal)
    {
        ["ns"] = 1,
        ["us"] = 1_000,
        ["\u00B5s"] = 1_000, // micro sign
        ["\u03BCs"] = 1_000, // Greek mu
        ["ms"] = 1_000_000,
        ["s"] = 1_000_000_000,
        ["m"] = 60_000_000_000,
        ["h"] = 3_600_000_000_000,
    };

    /// <summary>Go's reading of <paramref name="text"/> in nanoseconds, or why Go refuses it.</summary>
    public static bool TryParse(string text, out long nanoseconds, [NotNullWhen(false)] out string? problem)
    {
        nanoseconds = 0;
        problem = null;
        var rest = text.AsSpan();
        var negative = false;
        if (rest is ['-' or '+', ..])
        {
            negative = rest[0] == '-';
            rest = rest[1..];
        }

        if (rest is "0")
        {
            return true;
        }

        ulong total = 0;
        do
        {
            // Each part: digits, an optional fraction (at least one digit on either side of the point), a unit.
            if (rest.IsEmpty || !(rest[0] == '.' || IsDigit(rest[0])))
            {
                return Refused($"'{text}' is not a duration", out problem);
            }

            if (!Whole(ref rest, out var whole, out var hasWhole))
            {
                return Refused($"'{text}' is too long a duration (Go's limit is about 292 years)", out problem);
            }

            var (fraction, scale, hasFraction) = rest is ['.', ..] ? Fraction(ref rest) : (0UL, 1d, false);
            if (!hasWhole && !hasFraction)
            {
                return Refused($"'{text}' is not a duration", out problem);
            }

            var length = 0;
            while (length < rest.Length && rest[length] != '.' && !IsDigit(rest[length]))
            {
                length++;
            }

            if (length == 0)
            {
                return Refused($"'{text}' has a number without a unit (ns, us, ms, s, m or h)", out problem);
            }

            var unitText = rest[..length].ToString();
            rest = rest[length..];
            if (!Units.TryGetValue(unitText, out var unit))
            {
                return Refused($"'{text}' has the unit '{unitText}', which is not ns, us, µs, ms, s, m or h", out problem);
            }

            if (whole > Limit / unit)
            {
                return Refused($"'{text}' is too long a duration (Go's limit is about 292 years)", out problem);
            }

            var part = whole * unit;
            if (fraction > 0)
            {
                // As Go: the fraction through a double, truncated (nanosecond-exact up to hours).
                part += (ulong)(fraction * (unit / scale));
            }

            // Go lets the sum wrap past 2^64 (two parts of 2^63ns); refusing it is the only sane reading.
            if (part > Limit || total > Limit - part)
            {
                return Refused($"'{text}' is too long a duration (Go's limit is about 292 years)", out problem);
            }

            total += part;
        }
        while (!rest.IsEmpty);

        if (!negative && total > long.MaxValue)
        {
            return Refused($"'{text}' is too long a duration (Go's limit is about 292 years)", out problem);
        }

        nanoseconds = negative ? unchecked(-(long)total) : (long)total;
        return true;
    }

    /// <summary>
    /// Traefik's reading (its <c>paerser</c> Duration): a whole number, signed or not, is seconds;
    /// anything else is read as Go's duration.
    /// </summary>
    public static bool TryParseTraefik(string text, out long nanoseconds, [NotNullWhen(false)] out string? problem)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            // Go multiplies without a check and wraps; a value that wraps is refused instead.
            problem = seconds is > long.MaxValue / 1_000_000_000 or < long.MinValue / 1_000_000_000 ? $"'{text}' seconds is too long a duration (Go's limit is about 292 years)" : null;
            nanoseconds = problem is null ? seconds * 1_000_000_000 : 0;
            return problem is null;
        }

        return TryParse(text, out nanoseconds, out problem);
    }

    /// <summary>The nanoseconds as a TimeSpan, or null when they are not whole ticks (100ns), which is all a TimeSpan holds.</summary>
    public static TimeSpan? ToTimeSpan(long nanoseconds) => nanoseconds % 100 == 0 ? TimeSpan.FromTicks(nanoseconds / 100) : null;

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>Consumes leading digits; false when they pass 2^63 (Go refuses those).</summary>
    private static bool Whole(ref ReadOnlySpan<char> rest, out ulong value, out bool any)
    {
        value = 0;
        var i = 0;
        for (; i < rest.Length && IsDigit(rest[i]); i++)
        {
            if (value > Limit / 10)
            {
                any = true;
                return false;
            }

            value = (value * 10) + (ulong)(rest[i] - '0');
            if (value > Limit)
            {
                any = true;
                return false;
            }
        }

        any = i > 0;
        rest = rest[i..];
        return true;
    }

    /// <summary>Consumes the point and the digits after it; past 2^63 further digits are read but add no precision, as Go does.</summary>
    private static (ulong Fraction, double Scale, bool Any) Fraction(ref ReadOnlySpan<char> rest)
    {
        rest = rest[1..];
        ulong value = 0;
        var scale = 1d;
        var full = false;
        var i = 0;
        for (; i < rest.Length && IsDigit(rest[i]); i++)
        {
            if (full || value > long.MaxValue / 10 || (value * 10) + (ulong)(rest[i] - '0') > Limit)
            {
                full = true;
                continue;
            }

            value = (value * 10) + (ulong)(rest[i] - '0');
            scale *= 10;
        }

        var any = i > 0;
        rest = rest[i..];
        return (value, scale, any);
    }

    private static bool Refused(string why, out string problem)
    {
        problem = why;
        return false;
    }
}
