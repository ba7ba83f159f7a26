using System.Collections.Immutable;

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

    /// <summary>The scheme Traefik speaks to the container (<c>https</c> for a service that only serves TLS); unset is http.</summary>
    public string? Scheme { get; init; }

    /// <summary>Whether the client's Host header is passed on (<c>passHostHeader</c>); unset is Traefik's default, yes.</summary>
    public bool? PassHostHeader { get; init; }

    /// <summary>The path Traefik polls to take the container out of rotation when it fails (<c>healthCheck.path</c>).</summary>
    public string? HealthCheckPath { get; init; }

    /// <summary>How often the health check runs; unset is 30s.</summary>
    public TimeSpan? HealthCheckInterval { get; init; }

    /// <summary>How long a health check may take; unset is 5s.</summary>
    public TimeSpan? HealthCheckTimeout { get; init; }

    /// <summary>The cookie that keeps a client on one container (<c>sticky.cookie.name</c>); unset: no stickiness.</summary>
    public string? StickyCookie { get; init; }

    /// <summary>Keeps each client on one container with a secure, HTTP-only cookie named <paramref name="cookie"/>.</summary>
    public TraefikService WithStickyCookie(string cookie) => this with { StickyCookie = cookie ?? throw new ArgumentNullException(nameof(cookie)) };

    /// <summary>Polls <paramref name="path"/> and takes the container out of rotation while it fails.</summary>
    public TraefikService WithHealthCheck(string path, TimeSpan? interval = null, TimeSpan? timeout = null) =>
        this with { HealthCheckPath = path ?? throw new ArgumentNullException(nameof(path)), HealthCheckInterval = interval, HealthCheckTimeout = timeout };

    /// <summary>The servers of a load balancer defined in Traefik's dynamic file (<see cref="Servers"/>), by URL.</summary>
    public ImmutableArray<string> Urls { get; init; } = [];

    /// <summary>Whether it is a load balancer over several URLs, written into Traefik's dynamic file.</summary>
    public bool IsFileService => Provider == "file" && !Urls.IsDefaultOrEmpty;

    /// <summary>
    /// A load balancer over several servers by URL (<c>http://10.0.0.5:8080</c>), such as a service
    /// outside this stack or replicas on other hosts: written into Traefik's dynamic file (the
    /// stack must declare its TraefikProxy) and routed to as <c>name@file</c>.
    /// </summary>
    public static TraefikService Servers(string name, params IEnumerable<string> urls)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var list = (urls ?? throw new ArgumentNullException(nameof(urls))).ToImmutableArray();
        return list.IsEmpty ? throw new ArgumentException("A load balancer needs at least one server.", nameof(urls)) : new TraefikService(name, 0) { Provider = "file", Urls = list };
    }

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
