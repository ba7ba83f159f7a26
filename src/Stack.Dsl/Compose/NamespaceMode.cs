namespace Stack.Dsl.Compose;

/// <summary>
/// Which process, IPC, UTS or user namespace a container uses (<c>pid:</c>, <c>ipc:</c>,
/// <c>uts:</c>, <c>userns_mode:</c>). <see cref="Host"/> removes isolation from the host (STK0103).
/// </summary>
public sealed record NamespaceMode
{
    private NamespaceMode(string value, Service? service)
    {
        Value = value;
        Service = service;
    }

    /// <summary>The host's namespace: the container sees (and can signal) what the host has (STK0103).</summary>
    public static NamespaceMode Host { get; } = new("host", null);

    /// <summary>Its own namespace, shared with no one (<c>ipc</c> only).</summary>
    public static NamespaceMode Private { get; } = new("private", null);

    /// <summary>Its own namespace, which other containers may join (<c>ipc</c> only).</summary>
    public static NamespaceMode Shareable { get; } = new("shareable", null);

    /// <summary>The namespace of another service's container (<c>service:name</c>; <c>pid</c> and <c>ipc</c>).</summary>
    public static NamespaceMode OfService(Service service) =>
        new("service:" + (service ?? throw new ArgumentNullException(nameof(service))).Name, service);

    /// <summary>The compose value.</summary>
    public string Value { get; }

    /// <summary>The service whose namespace is shared, when it is one.</summary>
    public Service? Service { get; }

    /// <summary>The compose value.</summary>
    public override string ToString() => Value;
}
