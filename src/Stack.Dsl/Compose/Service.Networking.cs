using System.Runtime.CompilerServices;

namespace Stack.Dsl.Compose;

/// <summary>Fluent setters for networks and ports.</summary>
public sealed partial record Service
{
    /// <summary>Joins <paramref name="networks"/>.</summary>
    public Service WithNetworks(params IEnumerable<Network> networks) =>
        this with { Networks = Networks.AddRange(networks.Select(n => new NetworkAttachment(n ?? throw new ArgumentNullException(nameof(networks))))) };

    /// <summary>Joins a network with settings (aliases, fixed addresses).</summary>
    public Service WithNetwork(NetworkAttachment attachment) =>
        this with { Networks = Networks.Add(attachment ?? throw new ArgumentNullException(nameof(attachment))) };

    /// <summary>Uses <paramref name="mode"/> instead of joining networks.</summary>
    public Service WithNetworkMode(NetworkMode mode) => this with { NetworkMode = mode ?? throw new ArgumentNullException(nameof(mode)) };

    /// <summary>Publishes container port <paramref name="target"/> on host port <paramref name="published"/>.</summary>
    /// <param name="published">The host port.</param>
    /// <param name="target">The container port.</param>
    /// <param name="hostIp">The host address to bind; unset binds every interface.</param>
    /// <param name="protocol">The protocol. Default: TCP.</param>
    /// <param name="filePath">Filled in by the compiler: where a finding about the port is reported.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Service WithPort(PortRange published, PortRange target, System.Net.IPAddress? hostIp = null, PortProtocol protocol = PortProtocol.Tcp, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0) =>
        WithPort(new PortMapping(target) { Published = published, HostIp = hostIp, Protocol = protocol }, filePath, line);

    /// <summary>Changes every published port; a change that returns null removes that port (for an environment).</summary>
    public Service MapPorts(Func<PortMapping, PortMapping?> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return this with { Ports = [.. Ports.Select(change).OfType<PortMapping>()] };
    }

    /// <summary>Publishes <paramref name="port"/>.</summary>
    /// <param name="port">The port.</param>
    /// <param name="filePath">Filled in by the compiler: where a finding about the port is reported.</param>
    /// <param name="line">Filled in by the compiler.</param>
    public Service WithPort(PortMapping port, [CallerFilePath] string filePath = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(port);
        return this with { Ports = Ports.Add(port), Sites = Sites.WithPort(port, new SourceLocation(filePath, line, nameof(WithPort))) };
    }

    /// <summary>Makes <paramref name="ports"/> reachable from other services without publishing them (a number is TCP; <c>new ExposedPort(51820, PortProtocol.Udp)</c> for UDP).</summary>
    public Service WithExpose(params IEnumerable<ExposedPort> ports) => this with { Expose = Expose.AddRange(ports) };

    /// <summary>Resolves <paramref name="host"/> inside the container to a fixed address.</summary>
    public Service WithExtraHost(ExtraHost host) => this with { ExtraHosts = ExtraHosts.Add(host ?? throw new ArgumentNullException(nameof(host))) };
}
