using System.Globalization;

namespace Stack.Dsl.Compose;

/// <summary>
/// An <c>expose</c> entry: a port (or range) other services reach without it being published, and
/// its protocol. An <see cref="int"/> or a <see cref="PortRange"/> converts to a TCP one.
/// </summary>
/// <param name="Ports">The port or range.</param>
/// <param name="Protocol">The protocol; TCP (compose's default) is not written out.</param>
public readonly record struct ExposedPort(PortRange Ports, PortProtocol Protocol = PortProtocol.Tcp)
{
    /// <summary>A TCP port.</summary>
    public static implicit operator ExposedPort(int port) => new(port);

    /// <summary>A TCP range.</summary>
    public static implicit operator ExposedPort(PortRange ports) => new(ports);

    /// <summary>The compose form: <c>80</c>, <c>8000-8010</c>, <c>51820/udp</c>.</summary>
    public override string ToString() => Protocol == PortProtocol.Tcp
        ? Ports.ToString()
        : string.Create(CultureInfo.InvariantCulture, $"{Ports}/{Protocol.Word()}");
}
