using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using static Stack.Dsl.Tests.Validation.Locations.Origins.Valid;

namespace Stack.Dsl.Tests.Validation.Locations.Origins;

/// <summary>Entrypoints and resolvers built on one line and added to the proxy or a router on another.</summary>
internal static class ProxyValueOrigins
{
    public static IEnumerable<OriginCase> Cases() =>
    [
        OriginCase.Of("STK0201", "new", BadEntryPointName) with { Name = "entrypoint" },
        OriginCase.Of("STK0207", "new", BadEntryPointPort) with { Name = "port" },
        OriginCase.Of("STK0215", "new", UnsafeTrustedForwarder) with { Name = "forwarder" },
        OriginCase.Of("STK0402", "new", RedirectToMissingEntryPoint) with { Name = "redirect" },
        OriginCase.Of("STK0201", "new", BadResolverName) with { Name = "resolver" },
        OriginCase.Of("STK0215", "new", UnsafeResolverStorage) with { Name = "storage" },
        OriginCase.Of("STK0201", "new", BadRouterEntryPointName) with { Name = "routed" },
    ];

    private static ComposeStack BadEntryPointName()
    {
        var web = new EntryPoint("we b", 80); // built: STK0201 entrypoint
        return Proxied(p => p.WithEntryPoints(web));
    }

    private static ComposeStack BadEntryPointPort()
    {
        var web = new EntryPoint("web", 0); // built: STK0207 port
        return Proxied(p => p.WithEntryPoints(web));
    }

    private static ComposeStack UnsafeTrustedForwarder()
    {
        var web = new EntryPoint("web", 80).TrustingForwardedHeadersFrom("10.0.0.0/8\n"); // built: STK0215 forwarder
        return Proxied(p => p.WithEntryPoints(web));
    }

    private static ComposeStack RedirectToMissingEntryPoint()
    {
        var secure = new EntryPoint("websecure", 443);
        var web = new EntryPoint("web", 80).RedirectingTo(secure); // built: STK0402 redirect
        return Proxied(p => p.WithEntryPoints(web));
    }

    private static ComposeStack BadResolverName()
    {
        var resolver = new CertResolver("le@x"); // built: STK0201 resolver
        return Proxied(p => p.WithCertResolvers(resolver));
    }

    private static ComposeStack UnsafeResolverStorage()
    {
        var resolver = new CertResolver("le") { Storage = "/letsencrypt/acme.json\n" }; // built: STK0215 storage
        return Proxied(p => p.WithCertResolvers(resolver));
    }

    private static ComposeStack BadRouterEntryPointName()
    {
        var web = new EntryPoint("we b", 80); // built: STK0201 routed
        return new ComposeStack("s").WithServices(App().WithRouter(new Router("r").WithHost("a.example").WithPort(80).WithPublicAccess("test").WithEntryPoints(web)));
    }
}
