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
    public static YamlMapping Build(IEnumerable<Middleware> middlewares, IReadOnlyList<TraefikService> services)
    {
        var http = new List<YamlEntry>
        {
            E("middlewares", new YamlMapping([.. middlewares.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => new YamlEntry(m.Name, Middleware(m)))])),
        };
        if (services.Count > 0)
        {
            http.Add(E("services", new YamlMapping([.. services.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new YamlEntry(s.Name, Map(E("loadBalancer", LoadBalancer(s)))))])));
        }

        return Map(E("http", new YamlMapping([.. http])));
    }

    /// <summary>A file-provider load balancer: its servers, then the same options the docker labels carry.</summary>
    private static YamlMapping LoadBalancer(TraefikService service)
    {
        var text = MiddlewareText.File;
        var options = new MiddlewareOptions(text)
            .Add("servers", new YamlSequence([.. service.Urls.Select(url => (YamlValue)Map(E("url", text.Literal(url))))]))
            .Add("passHostHeader", service.PassHostHeader);
        if (service.HealthCheckPath is { } path)
        {
            options.Add("healthCheck", new MiddlewareOptions(text)
                .Add("path", path)
                .Add("interval", service.HealthCheckInterval is { } interval ? DurationFormat.Format(interval) : null)
                .Add("timeout", service.HealthCheckTimeout is { } timeout ? DurationFormat.Format(timeout) : null)
                .Build());
        }

        if (service.StickyCookie is { } cookie)
        {
            options.Add("sticky", Map(E("cookie", new MiddlewareOptions(text).Add("name", cookie).Add("secure", true).Add("httpOnly", true).Build())));
        }

        return options.Build();
    }

    private static YamlMapping Middleware(Middleware middleware) =>
        middleware.Definition(MiddlewareText.File) is { } definition
            ? Map(E(definition.Type, definition.Options))
            : throw new ArgumentOutOfRangeException(nameof(middleware), middleware, "Not a middleware Stack can write.");

    /// <summary>Whether Stack can write <paramref name="middleware"/> into the dynamic file: a typed one of the file provider.</summary>
    public static bool CanWrite(Middleware middleware) =>
        middleware.Provider == "file" && middleware is not ExternalMiddleware;
}
