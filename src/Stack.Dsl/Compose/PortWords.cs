namespace Stack.Dsl.Compose;

/// <summary>
/// A port's protocol and mode as compose and docker stack deploy write them. By name, not
/// <c>Enum.ToString()</c>, whose first call for an enum reads its names by reflection: start-up
/// time in a process that runs once.
/// </summary>
internal static class PortWords
{
    public static string Word(this PortProtocol protocol) => protocol switch
    {
        PortProtocol.Tcp => "tcp",
        PortProtocol.Udp => "udp",
        PortProtocol.Sctp => "sctp",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, null),
    };

    public static string Word(this PortMode mode) => mode switch
    {
        PortMode.Ingress => "ingress",
        PortMode.Host => "host",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
