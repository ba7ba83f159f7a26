using Stack.Dsl.Traefik;
using Stack.Dsl.Yaml;
using static Stack.Dsl.Generation.Traefik.TraefikStaticConfig;

namespace Stack.Dsl.Generation.Traefik;

/// <summary>
/// Traefik's dynamic config for the file provider: every file middleware, sorted by name. Traefik
/// reads the file as a Go template, so every scalar is written through <see cref="TraefikText.Literal"/>
/// or <see cref="TraefikText.Templated"/> (keys are middleware names, validated by STK0201).
/// </summary>
internal static class TraefikDynamicConfig
{
    public static YamlMapping Build(IEnumerable<Middleware> middlewares) =>
        Map(E("http", Map(E("middlewares", new YamlMapping([.. middlewares
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new YamlEntry(m.Name, Middleware(m)))])))));

    private static YamlMapping Middleware(Middleware middleware) =>
        middleware.Definition(MiddlewareText.File) is { } definition
            ? Map(E(definition.Type, definition.Options))
            : throw new ArgumentOutOfRangeException(nameof(middleware), middleware, "Not a middleware Stack can write.");

    /// <summary>Whether Stack can write <paramref name="middleware"/> into the dynamic file: a typed one of the file provider.</summary>
    public static bool CanWrite(Middleware middleware) =>
        middleware.Provider == "file" && middleware is not ExternalMiddleware;
}
