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

    /// <summary>
    /// Whether the middleware's address points at <paramref name="service"/> (by service, container
    /// or host name; DNS names ignore case, and a trailing dot is the same name).
    /// </summary>
    private static bool CallsService(ForwardAuthMiddleware middleware, Service service) =>
        HostOf(middleware.Address.ToCompose()) is { } host
        && (SameHost(host, service.Name)
            || (service.ContainerName is { IsLiteral: true } container && SameHost(host, container.ToCompose()))
            || (service.Hostname is { IsLiteral: true } hostname && SameHost(host, hostname.ToCompose())));

    private static bool SameHost(string a, string b) => string.Equals(a.TrimEnd('.'), b.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    /// <summary>The host of <c>scheme://[userinfo@]host[:port]/...</c>, or null when there is none.</summary>
    private static string? HostOf(string address)
    {
        var scheme = address.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return null;
        }

        var start = scheme + 3;
        var authorityEnd = address.IndexOfAny(['/', '?', '#'], start);
        var authority = authorityEnd < 0 ? address[start..] : address[start..authorityEnd];
        authority = authority[(authority.LastIndexOf('@') + 1)..]; // user:password@ is not the host
        var port = authority.LastIndexOf(':');
        var host = port < 0 ? authority : authority[..port];
        return host.Length > 0 && !host.Contains('$', StringComparison.Ordinal) ? host : null;
    }
}
