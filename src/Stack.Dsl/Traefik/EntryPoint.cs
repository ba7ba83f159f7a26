namespace Stack.Dsl.Traefik;

/// <summary>
/// A Traefik entrypoint. Declare each one once (for example in a static class) and hand the object
/// to routers, so every router names an entrypoint that exists.
/// </summary>
/// <param name="Name">The entrypoint's name in Traefik's static config.</param>
/// <param name="Port">The port it listens on.</param>
public sealed record EntryPoint(string Name, int Port);
