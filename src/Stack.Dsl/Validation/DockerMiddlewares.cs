using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;

namespace Stack.Dsl.Validation;

/// <summary>
/// The middlewares a stack defines for Traefik's docker provider, by name and type: typed ones
/// (<see cref="Service.WithMiddlewareLabels"/>) and hand-written <c>traefik.http.middlewares.NAME.TYPE.*</c>
/// labels. Traefik reads label keys and names without case, and so does this.
/// </summary>
internal sealed class DockerMiddlewares
{
    private const string Prefix = "traefik.http.middlewares.";

    private readonly Dictionary<string, string> _types = new(StringComparer.OrdinalIgnoreCase);

    private ExternalMiddleware? _declared;

    private DockerMiddlewares()
    {
    }

    public static DockerMiddlewares Of(ComposeStack stack)
    {
        var found = new DockerMiddlewares { _declared = stack.ForwardAuth };

        // A split stack's single sign-on: another project's labels define it, on the same engine.
        if (stack.ForwardAuth is { Provider: "docker" } declared)
        {
            found._types.TryAdd(declared.Name, "forwardauth");
        }

        foreach (var service in stack.Services)
        {
            foreach (var key in service.Labels.Keys.Where(k => k.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)))
            {
                var parts = key[Prefix.Length..].Split('.');
                found._types.TryAdd(parts[0], parts.Length > 1 ? parts[1] : string.Empty);
            }

            foreach (var middleware in service.DefinedMiddlewares)
            {
                found._types.TryAdd(middleware.Name, middleware.Definition(MiddlewareText.Labels)?.Type ?? string.Empty);
            }
        }

        return found;
    }

    /// <summary>Whether a middleware of this name is defined.</summary>
    public bool Defines(string name) => _types.ContainsKey(name);

    /// <summary>Whether the middleware of this name is a forward-auth one.</summary>
    public bool IsForwardAuth(string name) => _types.TryGetValue(name, out var type) && string.Equals(type, "forwardauth", StringComparison.OrdinalIgnoreCase);

    /// <summary>A forward-auth middleware of the file provider (typed) or of the docker provider (typed or defined by labels).</summary>
    public bool IsForwardAuth(Middleware middleware) => middleware switch
    {
        ForwardAuthMiddleware or ExternalMiddleware { IsForwardAuth: true } => true,

        // A chain runs each of its middlewares: one forward-auth in it guards the router.
        ChainMiddleware chain => chain.Middlewares.Any(IsForwardAuth),
        _ when _declared is { } declared && middleware.Provider == declared.Provider && string.Equals(middleware.Name, declared.Name, StringComparison.OrdinalIgnoreCase) => true,
        _ => middleware.Provider == "docker" && IsForwardAuth(middleware.Name),
    };

    /// <summary>Whether any forward-auth middleware is defined.</summary>
    public bool AnyForwardAuth => _types.Values.Any(t => string.Equals(t, "forwardauth", StringComparison.OrdinalIgnoreCase));
}
