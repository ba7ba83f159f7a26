namespace Stack.Dsl.Compose;

/// <summary>
/// What weakens the wall between container and host: privileged mode, the host's namespaces, the
/// engine's API. Each is refused by a security rule (STK0101, STK0103) unless the service accepts
/// the risk with a reason (<see cref="AcceptRisk"/>).
/// </summary>
public sealed partial record Service
{
    /// <summary>Whether the container runs privileged (<c>privileged:</c>): every device and capability (STK0103).</summary>
    public bool? Privileged { get; init; }

    /// <summary>The process namespace (<c>pid:</c>).</summary>
    public NamespaceMode? Pid { get; init; }

    /// <summary>The IPC namespace (<c>ipc:</c>).</summary>
    public NamespaceMode? Ipc { get; init; }

    /// <summary>The UTS namespace: host and domain name (<c>uts:</c>).</summary>
    public NamespaceMode? Uts { get; init; }

    /// <summary>The user namespace (<c>userns_mode:</c>).</summary>
    public NamespaceMode? UsernsMode { get; init; }

    /// <summary>Whether compose hands the container the engine's API and credentials (<c>use_api_socket:</c>; STK0101).</summary>
    public bool? UseApiSocket { get; init; }

    /// <summary>Runs the container privileged (STK0103: accept the risk with a reason).</summary>
    public Service WithPrivileged(bool privileged = true) => this with { Privileged = privileged };

    /// <summary>Chooses the process namespace (<see cref="NamespaceMode.Host"/> is STK0103).</summary>
    public Service WithPid(NamespaceMode mode) => this with { Pid = mode ?? throw new ArgumentNullException(nameof(mode)) };

    /// <summary>Chooses the IPC namespace (<see cref="NamespaceMode.Host"/> is STK0103).</summary>
    public Service WithIpc(NamespaceMode mode) => this with { Ipc = mode ?? throw new ArgumentNullException(nameof(mode)) };

    /// <summary>Chooses the UTS namespace (<see cref="NamespaceMode.Host"/> is STK0103).</summary>
    public Service WithUts(NamespaceMode mode) => this with { Uts = mode ?? throw new ArgumentNullException(nameof(mode)) };

    /// <summary>Chooses the user namespace (<see cref="NamespaceMode.Host"/> is STK0103).</summary>
    public Service WithUsernsMode(NamespaceMode mode) => this with { UsernsMode = mode ?? throw new ArgumentNullException(nameof(mode)) };

    /// <summary>Hands the container the engine's API (STK0101: it is root on the host; accept the risk with a reason).</summary>
    public Service WithApiSocket(bool enabled = true) => this with { UseApiSocket = enabled };
}
