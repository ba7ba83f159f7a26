using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>
/// A top-level network. Create it once and pass the object to the services that join it; the
/// stack declares every network its services use.
/// </summary>
public sealed record Network
{
    /// <summary>Creates a network.</summary>
    /// <param name="name">The key under <c>networks:</c>; compose prefixes it with the project name.</param>
    /// <param name="filePath">Filled in by the compiler.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Network(string name, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Location = new SourceLocation(filePath, line);
    }

    /// <summary>The network's key.</summary>
    public string Name { get; }

    /// <summary>Where the network was created.</summary>
    public SourceLocation Location { get; }

    /// <summary>The driver; unset means compose's default (bridge).</summary>
    public string? Driver { get; init; }

    /// <summary>Driver options, sorted by key.</summary>
    public ImmutableSortedDictionary<string, ComposeString> DriverOptions { get; init; } = ImmutableSortedDictionary.Create<string, ComposeString>(StringComparer.Ordinal);

    /// <summary>Whether the network is created outside this stack.</summary>
    public bool External { get; init; }

    /// <summary>Whether the network is cut off from the outside world.</summary>
    public bool Internal { get; init; }

    /// <summary>Whether standalone containers may attach.</summary>
    public bool Attachable { get; init; }

    /// <summary>The real network name (<c>name:</c>), when it must not be project-prefixed.</summary>
    public ComposeString? ExternalName { get; init; }

    /// <summary>Labels, sorted by key.</summary>
    public ImmutableSortedDictionary<string, ComposeString> Labels { get; init; } = ImmutableSortedDictionary.Create<string, ComposeString>(StringComparer.Ordinal);
}
