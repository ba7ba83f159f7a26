namespace Stack.Dsl.Compose;

/// <summary>A port's transport protocol.</summary>
public enum PortProtocol
{
    /// <summary>TCP, compose's default (not written out).</summary>
    Tcp,

    /// <summary>UDP.</summary>
    Udp,

    /// <summary>SCTP.</summary>
    Sctp,
}
