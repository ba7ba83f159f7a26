using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Stack.Dsl.Compose;

/// <summary>A published port: <c>[host_ip:][published:]target[/protocol]</c>.</summary>
/// <param name="Target">The container port (or range).</param>
public sealed record PortMapping(PortRange Target)
{
    /// <summary>The host port (or range); unset lets Docker choose one.</summary>
    public PortRange? Published { get; init; }

    /// <summary>The host address to bind; unset binds every interface.</summary>
    public IPAddress? HostIp { get; init; }

    /// <summary>The protocol.</summary>
    public PortProtocol Protocol { get; init; } = PortProtocol.Tcp;

    /// <summary>The short syntax compose reads.</summary>
    public string ToShortSyntax()
    {
        var text = new StringBuilder();
        if (HostIp is { } ip)
        {
            text.Append(ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString()).Append(':');
        }

        if (Published is { } published)
        {
            text.Append(published).Append(':');
        }

        text.Append(Target);
        if (Protocol != PortProtocol.Tcp)
        {
            text.Append('/').Append(Protocol.ToString().ToLowerInvariant());
        }

        return text.ToString();
    }
}
