using Stack.Dsl.Traefik;

namespace Stack.Dsl.Compose;

/// <summary>Fluent setters for Traefik routing.</summary>
public sealed partial record Service
{
    /// <summary>Routes web traffic to this service through <paramref name="router"/>.</summary>
    public Service WithRouter(Router router) => this with { Routers = Routers.Add(router ?? throw new ArgumentNullException(nameof(router))) };
}
