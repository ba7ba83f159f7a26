using System.Collections.Immutable;
using System.Net;

namespace Stack.Dsl.Compose;

/// <summary>How a service joins one network.</summary>
/// <param name="Network">The network.</param>
public sealed record NetworkAttachment(Network Network)
{
    /// <summary>Extra host names for the service on this network.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>A fixed IPv4 address.</summary>
    public IPAddress? Ipv4Address { get; init; }

    /// <summary>A fixed IPv6 address.</summary>
    public IPAddress? Ipv6Address { get; init; }

}
