using System.Globalization;

namespace Stack.Dsl.Compose;

/// <summary>A size in bytes, written with the largest exact unit (<c>512M</c>, <c>2G</c>).</summary>
/// <param name="Bytes">The size in bytes.</param>
public readonly record struct ByteSize(long Bytes)
{
    private const long Kilo = 1024;

    /// <summary>A size in kibibytes.</summary>
    public static ByteSize Kilobytes(long value) => new(value * Kilo);

    /// <summary>A size in mebibytes.</summary>
    public static ByteSize Megabytes(long value) => new(value * Kilo * Kilo);

    /// <summary>A size in gibibytes.</summary>
    public static ByteSize Gigabytes(long value) => new(value * Kilo * Kilo * Kilo);

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
