using System.Net;

namespace Stack.Dsl.Compose;

/// <summary>An <c>extra_hosts</c> entry: a host name the container resolves to a fixed address.</summary>
/// <param name="HostName">The host name.</param>
/// <param name="Address">The address; use <see cref="HostGateway"/> for Docker's host gateway.</param>
public sealed record ExtraHost(string HostName, string Address)
{
    /// <summary>Docker's name for the host's address as seen from containers.</summary>
    public const string HostGateway = "host-gateway";

    /// <summary>An entry for a fixed IP address.</summary>
    public static ExtraHost For(string hostName, IPAddress address) => new(hostName, address.ToString());
}
