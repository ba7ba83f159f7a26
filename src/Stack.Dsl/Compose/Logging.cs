using System.Collections.Immutable;
using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>A service's <c>logging</c> driver and its options.</summary>
/// <param name="Driver">The driver, for example <c>json-file</c> or <c>journald</c>.</param>
public sealed record Logging(string Driver)
{
    /// <summary>Driver options, sorted by key.</summary>
    public ImmutableSortedDictionary<string, ComposeString> Options { get; init; } = ImmutableSortedDictionary.Create<string, ComposeString>(StringComparer.Ordinal);

    /// <summary>Returns a copy with one more option.</summary>
    public Logging WithOption(string key, ComposeString value) => this with { Options = Options.SetItem(key, value) };

    /// <summary>The json-file driver with rotation: at most <paramref name="files"/> files of <paramref name="maxSize"/> each.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is not positive, or <paramref name="files"/> is below 1 (the engine refuses max-file below 1).</exception>
    public static Logging JsonFile(ByteSize maxSize, int files)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSize.Bytes, nameof(maxSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(files);
        return new Logging("json-file").WithOption("max-size", maxSize.ToString()).WithOption("max-file", files.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
