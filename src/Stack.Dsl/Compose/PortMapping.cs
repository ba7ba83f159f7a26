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
    public PortProtocol Protocol { get; init => field = EnumGuard.Defined(value, nameof(Protocol)); } = PortProtocol.Tcp;

    /// <summary>How a swarm publishes it: through its routing mesh (<c>ingress</c>) or on each node (<c>host</c>).</summary>
    public PortMode? Mode { get; init => field = EnumGuard.Defined(value, nameof(Mode)); }

    /// <summary>A name for the port (<c>name:</c>).</summary>
    public string? Name { get; init; }

    /// <summary>The application protocol (<c>app_protocol:</c>), such as <c>http</c> or <c>grpc</c>.</summary>
    public string? AppProtocol { get; init; }

    /// <summary>Whether only compose's long syntax can say it (a mode, name or application protocol).</summary>
    public bool NeedsLongSyntax => Mode is not null || Name is not null || AppProtocol is not null;

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

/// <summary>How a swarm publishes a port.</summary>
public enum PortMode
{
    /// <summary>Through the routing mesh, on every node (<c>ingress</c>).</summary>
    Ingress,

    /// <summary>Only on the node running the task (<c>host</c>).</summary>
    Host,
}
