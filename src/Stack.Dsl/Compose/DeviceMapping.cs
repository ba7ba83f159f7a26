namespace Stack.Dsl.Compose;

/// <summary>A host device mapped into the container (<c>devices:</c>, <c>host[:container[:permissions]]</c>).</summary>
/// <param name="HostPath">The device on the host, such as <c>/dev/ttyUSB0</c>.</param>
public sealed record DeviceMapping(string HostPath)
{
    /// <summary>Where it appears in the container; unset is the host path.</summary>
    public string? ContainerPath { get; init; }

    /// <summary>Cgroup permissions, some of <c>r</c>, <c>w</c> and <c>m</c>; unset is <c>rwm</c>.</summary>
    public string? Permissions { get; init; }

    /// <summary>The short syntax compose reads.</summary>
    public override string ToString() =>
        Permissions is { } permissions ? $"{HostPath}:{ContainerPath ?? HostPath}:{permissions}"
        : ContainerPath is { } container ? $"{HostPath}:{container}"
        : HostPath;
}
