namespace Stack.Dsl.Traefik;

/// <summary>A Traefik load-balancer service: where routers forward requests to, on the container.</summary>
/// <param name="Name">The service's name in Traefik.</param>
/// <param name="Port">The container port Traefik forwards to.</param>
public sealed record TraefikService(string Name, int Port);
