using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>
/// A named volume. Create it once and mount the object; the stack declares every volume its
/// services mount.
/// </summary>
public sealed record Volume
{
    /// <summary>Creates a named volume.</summary>
    /// <param name="name">The key under <c>volumes:</c>; compose prefixes it with the project name.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Volume(string name, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Location = new SourceLocation(filePath, line);
    }

    /// <summary>The volume's key.</summary>
    public string Name { get; }

    /// <summary>Where the volume was created.</summary>
    public SourceLocation Location { get; }

    /// <summary>The driver; unset means compose's default (local).</summary>
    public string? Driver { get; init; }

    /// <summary>Driver options, sorted by key.</summary>
    public ImmutableSortedDictionary<string, ComposeString> DriverOptions { get; init; } = ImmutableSortedDictionary.Create<string, ComposeString>(StringComparer.Ordinal);

    /// <summary>Whether the volume is created outside this stack.</summary>
    public bool External { get; init; }

    /// <summary>The real volume name (<c>name:</c>), when it must not be project-prefixed.</summary>
    public ComposeString? ExternalName { get; init; }

    /// <summary>Labels, sorted by key.</summary>
    public ImmutableSortedDictionary<string, ComposeString> Labels { get; init; } = ImmutableSortedDictionary.Create<string, ComposeString>(StringComparer.Ordinal);
}
