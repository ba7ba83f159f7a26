using System.Collections.Immutable;
using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>How to build a service's image (<c>build:</c>).</summary>
/// <param name="Context">The build context folder.</param>
public sealed record BuildSpec(HostPath Context)
{
    /// <summary>The Dockerfile, relative to the context; unset means <c>Dockerfile</c>.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>The build stage to stop at.</summary>
    public string? Target { get; init; }

    /// <summary>Build arguments, sorted by name.</summary>
    public ImmutableSortedDictionary<string, ComposeString> Args { get; init; } = ImmutableSortedDictionary.Create<string, ComposeString>(StringComparer.Ordinal);
}
