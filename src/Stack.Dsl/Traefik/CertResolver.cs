namespace Stack.Dsl.Traefik;

/// <summary>A Traefik certificate resolver, as named in Traefik's static config.</summary>
/// <param name="Name">The resolver's name, for example <c>letsencrypt</c>.</param>
public sealed record CertResolver(string Name);
