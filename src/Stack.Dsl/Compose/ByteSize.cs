using System.Globalization;

namespace Stack.Dsl.Compose;

/// <summary>A size in bytes, written with the largest exact unit (<c>512M</c>, <c>2G</c>).</summary>
/// <param name="Bytes">The size in bytes.</param>
public readonly record struct ByteSize(long Bytes)
{
    private const long Kilo = 1024;

    /// <summary>A size in kibibytes.</summary>
    /// <exception cref="OverflowException">The size does not fit in 64 bits.</exception>
    public static ByteSize Kilobytes(long value) => new(checked(value * Kilo));

    /// <summary>A size in mebibytes.</summary>
    /// <exception cref="OverflowException">The size does not fit in 64 bits.</exception>
    public static ByteSize Megabytes(long value) => new(checked(value * Kilo * Kilo));

    /// <summary>A size in gibibytes.</summary>
    /// <exception cref="OverflowException">The size does not fit in 64 bits.</exception>
    public static ByteSize Gigabytes(long value) => new(checked(value * Kilo * Kilo * Kilo));

    /// <summary>A fractional size in mebibytes (<c>1.5</c> is 1536K), rounded to whole bytes as Docker's parser does.</summary>
    /// <exception cref="OverflowException">The size does not fit in 64 bits, or is not a number.</exception>
    public static ByteSize Megabytes(double value) => Fractional(value, Kilo * Kilo);

    /// <summary>A fractional size in gibibytes (<c>1.5</c> is 1536M, what compose reads in <c>1.5G</c>).</summary>
    /// <exception cref="OverflowException">The size does not fit in 64 bits, or is not a number.</exception>
    public static ByteSize Gigabytes(double value) => Fractional(value, Kilo * Kilo * Kilo);

    private static ByteSize Fractional(double value, long factor)
    {
        var bytes = Math.Round(value * factor, MidpointRounding.AwayFromZero);
        return double.IsFinite(bytes) && bytes >= long.MinValue && bytes < long.MaxValue
            ? new ByteSize((long)bytes)
            : throw new OverflowException($"{value.ToString(CultureInfo.InvariantCulture)} times {factor} bytes does not fit in a size.");
    }

    /// <summary>The compose form, as Docker's size parser reads it.</summary>
    public override string ToString()
    {
        (long Factor, string Unit)[] units = [(Kilo * Kilo * Kilo, "G"), (Kilo * Kilo, "M"), (Kilo, "K")];
        foreach (var (factor, unit) in units)
        {
            if (Bytes != 0 && Bytes % factor == 0)
            {
                return (Bytes / factor).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return Bytes.ToString(CultureInfo.InvariantCulture) + "B";
    }
}
