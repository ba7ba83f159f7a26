using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Rules;

namespace Stack.Dsl.Validation;

/// <summary>
/// Traefik and Authelia wiring (STK04nn). STK0400: the service a forward-auth middleware calls
/// must not sit behind that middleware itself, or its login page asks itself for a login.
/// </summary>
internal static class TraefikRules
{
    public static IEnumerable<StackDiagnostic> Check(ComposeStack stack)
    {
        foreach (var service in stack.Services)
        {
            foreach (var router in service.Routers)
            {
                foreach (var middleware in router.Middlewares)
                {
                    if (middleware is ForwardAuthMiddleware forwardAuth && CallsService(forwardAuth, service))
                    {
                        yield return new StackDiagnostic(
                            RuleIds.ForwardAuthLoop,
                            $"Router '{router.Name}' of service '{service.Name}' uses the forward-auth middleware '{forwardAuth.Name}', which calls '{service.Name}' itself " +
                            $"({forwardAuth.Address.ToCompose()}): the login portal would ask itself for a login. Remove the middleware from this router and declare it .WithPublicAccess(\"the login portal\").",
                            router.Location);
                    }
                }
            }
        }
    }

    /// <summary>Whether the middleware's address points at <paramref name="service"/> (by service, container or host name).</summary>
    private static bool CallsService(ForwardAuthMiddleware middleware, Service service) =>
        HostOf(middleware.Address.ToCompose()) is { } host
        && (host == service.Name
            || (service.ContainerName is { IsLiteral: true } container && host == container.ToCompose())
            || (service.Hostname is { IsLiteral: true } hostname && host == hostname.ToCompose()));

    /// <summary>The host of <c>scheme://host[:port]/...</c>, or null when there is none.</summary>
    private static string? HostOf(string address)
    {
        var scheme = address.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return null;
        }

        var start = scheme + 3;
        var end = address.IndexOfAny([':', '/', '?'], start);
        var host = end < 0 ? address[start..] : address[start..end];
        return host.Length > 0 && !host.Contains('$', StringComparison.Ordinal) ? host : null;
    }
}
