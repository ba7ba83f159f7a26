using System.Collections.Immutable;

namespace Stack.Dsl.Traefik;

/// <summary>A certificate's domains (<c>tls.domains</c>): the main one and its alternative names.</summary>
/// <param name="Main">The main domain, such as <c>example.org</c> or <c>*.example.org</c>.</param>
public sealed record TlsDomain(string Main)
{
    /// <summary>Subject alternative names.</summary>
    public ImmutableArray<string> Sans { get; init; } = [];
}
