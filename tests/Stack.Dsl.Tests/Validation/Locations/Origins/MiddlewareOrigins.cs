using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using static Stack.Dsl.Tests.Validation.Locations.Origins.Valid;

namespace Stack.Dsl.Tests.Validation.Locations.Origins;

/// <summary>Middlewares built on one line and added to a router, an entrypoint or the proxy on another.</summary>
internal static class MiddlewareOrigins
{
    public static IEnumerable<OriginCase> Cases() =>
    [
        OriginCase.Of("STK0201", "new", BadNameOnRouter) with { Name = "router" },
        OriginCase.Of("STK0201", "new", BadNameOnEntryPoint) with { Name = "entrypoint" },
        OriginCase.Of("STK0201", "new", BadExternalName) with { Name = "external" },
        OriginCase.Of("STK0100", "new", SecretInForwardAuthAddress) with { Name = "address" },
        OriginCase.Of("STK0100", "new", SecretInRedirectReplacement) with { Name = "replacement" },
        OriginCase.Of("STK0215", "new", UnsafeTextInOption) with { Name = "option" },
        OriginCase.Of("STK0216", "new", BadAllowedRange) with { Name = "range" },
        OriginCase.Of("STK0401", "new", TwoMiddlewaresOneName) with { Name = "duplicate" },
        OriginCase.Of("STK0201", "new", BadNameOnLabels) with { Name = "labels" },
    ];

    private static ComposeStack BadNameOnRouter()
    {
        var compress = new CompressMiddleware("gz,evil"); // built: STK0201 router
        var router = Route();
        return Proxied(p => p, App().WithRouter(router.WithMiddlewares(compress)));
    }

    private static ComposeStack BadNameOnEntryPoint()
    {
        var compress = new CompressMiddleware("gz{{.}}"); // built: STK0201 entrypoint
        var web = new EntryPoint("web", 80);
        return Proxied(p => p with { EntryPoints = [web.WithMiddlewares(compress)] });
    }

    private static ComposeStack BadExternalName()
    {
        var external = new ExternalMiddleware("gz@docker", "file"); // built: STK0201 external
        return Proxied(p => p, App().WithRouter(Route().WithMiddlewares(external)));
    }

    private static ComposeStack SecretInForwardAuthAddress()
    {
        var auth = new ForwardAuthMiddleware("auth", "http://admin:hunter2hunter2@authelia:9091/api/verify"); // built: STK0100 address
        return Proxied(p => p, App().WithRouter(Route().WithMiddlewares(auth)));
    }

    private static ComposeStack SecretInRedirectReplacement()
    {
        var redirect = new RedirectRegexMiddleware("r", "^http://old/(.*)", "https://new.example.org/${1}?token=9f8e7d6c5b4a3f2e1d0c", true); // built: STK0100 replacement
        return Proxied(p => p, App().WithRouter(Route().WithMiddlewares(redirect)));
    }

    private static ComposeStack UnsafeTextInOption()
    {
        var prefix = new AddPrefixMiddleware("p", "/a\nb"); // built: STK0215 option
        return Proxied(p => p, App().WithRouter(Route().WithMiddlewares(prefix)));
    }

    private static ComposeStack BadAllowedRange()
    {
        var allow = new IpAllowListMiddleware("lan", "10.0.0.0/8", "not-a-range"); // built: STK0216 range
        return Proxied(p => p, App().WithRouter(Route().WithMiddlewares(allow)));
    }

    private static ComposeStack TwoMiddlewaresOneName()
    {
        var first = new RetryMiddleware("retry", 3);
        var second = new RetryMiddleware("retry", 5); // built: STK0401 duplicate
        return Proxied(p => p, App().WithRouter(Route("a").WithMiddlewares(first)).WithRouter(Route("b").WithMiddlewares(second)));
    }

    private static ComposeStack BadNameOnLabels()
    {
        var headers = new HeadersMiddleware("h,x"); // built: STK0201 labels
        return Proxied(p => p, App().WithMiddlewareLabels(headers));
    }
}
