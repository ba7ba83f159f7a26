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

    /// <summary>
    /// Names the network Traefik reaches this service on (<c>traefik.docker.network</c>), for a
    /// service on several networks it shares with Traefik; it must be one of the service's networks.
    /// </summary>
    public Service WithTraefikNetwork(Network network) => this with { TraefikNetwork = network ?? throw new ArgumentNullException(nameof(network)) };
}
