using System.Collections.Immutable;
using Stack.Dsl.Traefik;

namespace Stack.Dsl.Compose;

/// <summary>Fluent setters for Traefik routing.</summary>
public sealed partial record Service
{
    /// <summary>Routes web traffic to this service through <paramref name="router"/>.</summary>
    public Service WithRouter(Router router) => this with { Routers = Routers.Add(router ?? throw new ArgumentNullException(nameof(router))) };

    /// <summary>Changes every router (for an environment: for example without TLS).</summary>
    public Service MapRouters(Func<Router, Router> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return this with { Routers = [.. Routers.Select(change)] };
    }

    /// <summary>TCP routers; the generator writes their <c>traefik.tcp.*</c> labels.</summary>
    public ImmutableArray<TcpRouter> TcpRouters { get; init; } = [];

    /// <summary>UDP routers; the generator writes their <c>traefik.udp.*</c> labels.</summary>
    public ImmutableArray<UdpRouter> UdpRouters { get; init; } = [];

    /// <summary>Routes raw TCP to this service through <paramref name="router"/>.</summary>
    public Service WithTcpRouter(TcpRouter router) => this with { TcpRouters = TcpRouters.Add(router ?? throw new ArgumentNullException(nameof(router))) };

    /// <summary>Routes UDP to this service through <paramref name="router"/>.</summary>
    public Service WithUdpRouter(UdpRouter router) => this with { UdpRouters = UdpRouters.Add(router ?? throw new ArgumentNullException(nameof(router))) };

    /// <summary>Middlewares this service's labels define for Traefik's docker provider (used as <c>name@docker</c>).</summary>
    public ImmutableArray<Middleware> DefinedMiddlewares { get; init; } = [];

    /// <summary>
    /// Defines typed middlewares with this service's labels (<c>traefik.http.middlewares.NAME.*</c>),
    /// as Authelia's documentation does on its own container; routers anywhere use them as
    /// <c>name@docker</c>. Each is turned into its docker-provider form (<see cref="Middleware.ViaDockerLabels"/>):
    /// use the returned service's <see cref="DefinedMiddlewares"/>, or call ViaDockerLabels yourself, for the routers.
    /// </summary>
    public Service WithMiddlewareLabels(params IEnumerable<Middleware> middlewares) =>
        this with { DefinedMiddlewares = DefinedMiddlewares.AddRange(middlewares.Select(m => (m ?? throw new ArgumentNullException(nameof(middlewares))).Provider == "docker" ? m : m.ViaDockerLabels())) };

    /// <summary>
    /// Names the network Traefik reaches this service on (<c>traefik.docker.network</c>), for a
    /// service on several networks it shares with Traefik; it must be one of the service's networks.
    /// </summary>
    public Service WithTraefikNetwork(Network network) => this with { TraefikNetwork = network ?? throw new ArgumentNullException(nameof(network)) };
}
