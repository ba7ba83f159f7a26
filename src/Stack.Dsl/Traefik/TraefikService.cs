namespace Stack.Dsl.Traefik;

/// <summary>
/// What a router forwards to: a load balancer on the container's port (the docker provider's
/// <c>traefik.http.services.NAME.loadbalancer.server.port</c>), or one of Traefik's internal
/// services (<see cref="Api"/>, <see cref="Noop"/>, ...), which have no port.
/// </summary>
/// <param name="Name">The service's name (for an internal one, without <c>@internal</c>).</param>
/// <param name="Port">The container port the load balancer forwards to; 0 for an internal service.</param>
public sealed record TraefikService(string Name, int Port)
{
    /// <summary>The provider that defines it; unset is this container's labels (docker provider).</summary>
    public string? Provider { get; init; }

    /// <summary>Whether it is one of Traefik's own services (<c>name@internal</c>).</summary>
    public bool IsInternal => Provider == "internal";

    /// <summary>How a router names it: <c>name</c>, or <c>name@provider</c>.</summary>
    public string Reference => Provider is null ? Name : $"{Name}@{Provider}";

    /// <summary>Traefik's API and dashboard (<c>api@internal</c>); needs <see cref="TraefikProxy.Dashboard"/> on.</summary>
    public static TraefikService Api { get; } = Internal("api");

    /// <summary>Answers nothing (<c>noop@internal</c>): for a router that only redirects through its middlewares.</summary>
    public static TraefikService Noop { get; } = Internal("noop");

    /// <summary>The ping endpoint (<c>ping@internal</c>); needs <see cref="TraefikProxy.Ping"/> on.</summary>
    public static TraefikService Ping { get; } = Internal("ping");

    /// <summary>Prometheus metrics (<c>prometheus@internal</c>), when Traefik's static config enables them.</summary>
    public static TraefikService Prometheus { get; } = Internal("prometheus");

    private static TraefikService Internal(string name) => new(name, 0) { Provider = "internal" };
}
