namespace Stack.Dsl.Compose;

/// <summary>
/// A risk the security rules (STK01nn) refuse unless a service accepts it with a reason, through
/// <see cref="Service.AcceptRisk"/>. Each value is one rule.
/// </summary>
public enum SecurityRisk
{
    /// <summary>STK0100: a secret-looking environment variable holds a literal value.</summary>
    LiteralSecret,

    /// <summary>STK0101: the Docker socket is mounted writable (root on the host).</summary>
    WritableDockerSocket,

    /// <summary>STK0102: a container-daemon socket is mounted (read-only included).</summary>
    DaemonSocket,

    /// <summary>STK0103: privileged, the host's network, pid or ipc namespace, or isolation switched off by a security option (seccomp=unconfined, ...).</summary>
    HostPrivilege,

    /// <summary>STK0104: a capability that amounts to root on the host (ALL, SYS_ADMIN, ...).</summary>
    DangerousCapability,

    /// <summary>STK0105: a database publishes a port on the host.</summary>
    DatabasePortPublished,

    /// <summary>STK0106: a published port listens on every host interface.</summary>
    PortOnAllInterfaces,

    /// <summary>STK0107: the image has no tag, or a moving tag such as latest.</summary>
    UnpinnedImage,
}
