using System.Collections.Immutable;
using System.Net;
using Stack.Dsl.Values;

namespace Stack.Dsl.Compose;

/// <summary>A network's address plan (<c>ipam:</c>).</summary>
public sealed record NetworkIpam
{
    /// <summary>The IPAM driver; unset is the engine's default.</summary>
    public string? Driver { get; init; }

    /// <summary>The subnets, each with its range, gateway and reserved addresses (<c>config:</c>).</summary>
    public ImmutableArray<IpamPool> Pools { get; init; } = [];

    /// <summary>Driver options, sorted by key.</summary>
    public ImmutableSortedDictionary<string, ComposeString> Options { get; init; } =
        ImmutableSortedDictionary.Create<string, ComposeString>(StringComparer.Ordinal);
}

/// <summary>One subnet of a network.</summary>
/// <param name="Subnet">The subnet, such as 172.28.0.0/16.</param>
public sealed record IpamPool(IPNetwork Subnet)
{
    /// <summary>The part of the subnet the engine hands out automatically (<c>ip_range:</c>).</summary>
    public IPNetwork? IpRange { get; init; }

    /// <summary>The gateway; unset lets the engine choose.</summary>
    public IPAddress? Gateway { get; init; }

    /// <summary>Addresses the engine must not hand out, by host name (<c>aux_addresses:</c>).</summary>
    public ImmutableSortedDictionary<string, IPAddress> AuxAddresses { get; init; } =
        ImmutableSortedDictionary.Create<string, IPAddress>(StringComparer.Ordinal);
}
