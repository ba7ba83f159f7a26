using System.Collections.Immutable;
using Stack.Dsl.Locations;

namespace Stack.Dsl.Traefik;

/// <summary>Lets requests through only from the given address ranges (others get 403).</summary>
public sealed record IpAllowListMiddleware : Middleware
{
    /// <summary>Creates an allow list.</summary>
    public IpAllowListMiddleware(string name, params IEnumerable<string> sourceRanges)
        : base(name, "file", Origin.AtParamsCall("IpAllowListMiddleware"))
    {
        SourceRanges = [.. sourceRanges];
        if (SourceRanges.IsEmpty)
        {
            throw new ArgumentException("An allow list needs at least one address range.", nameof(sourceRanges));
        }
    }

    /// <summary>The allowed addresses or CIDR ranges.</summary>
    public ImmutableArray<string> SourceRanges { get; }

    internal override MiddlewareDefinition Definition(MiddlewareText text) =>
        new("ipAllowList", new MiddlewareOptions(text).AddList("sourceRange", SourceRanges).Build());

    /// <summary>Whether two allow lists have the same name and ranges.</summary>
    public bool Equals(IpAllowListMiddleware? other) =>
        other is not null && Name == other.Name && Provider == other.Provider && SourceRanges.SequenceEqual(other.SourceRanges, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
}
