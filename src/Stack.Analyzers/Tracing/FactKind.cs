namespace Stack.Analyzers.Tracing;

/// <summary>The properties of a DSL value that the checklist rules read.</summary>
internal enum FactKind
{
    /// <summary>A service has a restart policy.</summary>
    Restart,

    /// <summary>A service joins at least one network.</summary>
    Networks,

    /// <summary>A service has a network mode.</summary>
    NetworkMode,

    /// <summary>A service has a healthcheck that is not disabled.</summary>
    Healthcheck,

    /// <summary>A service is declared AsOneShot().</summary>
    OneShot,

    /// <summary>A router names at least one entrypoint.</summary>
    EntryPoints,

    /// <summary>A router relies on the default entrypoints with a reason.</summary>
    DefaultEntryPoints,

    /// <summary>A router uses a forward-auth middleware; for a middleware, it is one.</summary>
    ForwardAuth,

    /// <summary>A router is declared public with a reason.</summary>
    PublicAccess,

    /// <summary>A healthcheck is the disabled one (test NONE).</summary>
    DisabledHealthcheck,

    /// <summary>The image has no tag or a moving one (STK0107).</summary>
    UnpinnedImage,

    /// <summary>The image is a database's (STK0105).</summary>
    DatabaseImage,

    /// <summary>A port is published on the host (STK0105).</summary>
    PublishedPort,

    /// <summary>A port is published on every interface (STK0106).</summary>
    PortOnAllInterfaces,

    /// <summary>A published port is bound to one host address (loopback, say), which Swarm drops (STK0500); the detail lists them.</summary>
    PortOnHostAddress,

    /// <summary>The Docker socket is mounted writable (STK0101).</summary>
    WritableDockerSocket,

    /// <summary>A daemon socket is mounted otherwise (STK0102).</summary>
    DaemonSocket,

    /// <summary>network_mode is host (STK0103).</summary>
    HostNetwork,

    /// <summary>privileged is true (STK0103).</summary>
    Privileged,

    /// <summary>The host's pid, ipc, uts or user namespace is used (STK0103); the detail names which.</summary>
    HostNamespace,

    /// <summary>A security option switches isolation off (STK0103: seccomp=unconfined, ...); the detail names which.</summary>
    IsolationOff,

    /// <summary>A dangerous capability is added (STK0104).</summary>
    DangerousCapability,

    /// <summary>The service builds its image (STK0107: an image it builds is not pulled).</summary>
    BuiltImage,

    /// <summary>A volume has a backup decision (STK0300).</summary>
    BackupDecision,

    // One per SecurityRisk, by the same name after "Accepted": AcceptRisk(...) was called with it.
    AcceptedLiteralSecret,
    AcceptedWritableDockerSocket,
    AcceptedDaemonSocket,
    AcceptedHostPrivilege,
    AcceptedDangerousCapability,
    AcceptedDatabasePortPublished,
    AcceptedPortOnAllInterfaces,
    AcceptedUnpinnedImage,
}
