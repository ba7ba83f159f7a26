namespace Stack.Analyzers.Tests.Samples;

/// <summary>STK0003 (entrypoint) and STK0004 (forward-auth middleware) in every code shape a definition uses.</summary>
internal static class RouterSamples
{
    // A service that passes STK0001/2, so only router findings show; a Traefik declared without a
    // default entrypoint and a forward-auth middleware, so STK0003 and STK0004 apply (Stack()).
    private const string Common = """
        static readonly Network Net = new("n");
        static readonly EntryPoint Https = new("https", 443);
        static readonly TraefikProxy Proxy = new TraefikProxy(Web("traefik"), Net).WithEntryPoints(Https);
        static ComposeStack Stack() => new ComposeStack("s").WithTraefik(Proxy).WithServices(Proxy.Service.WithRouter(new Router("dashboard").WithHost("traefik.example.org").WithPort(8080).WithEntryPoints(Https).WithMiddlewares(Sso)));
        static readonly ForwardAuthMiddleware Sso = new("sso", "http://authelia:9091/api/verify");
        static readonly Middleware SsoAsBase = new ForwardAuthMiddleware("sso2", "http://authelia:9091/api/verify");
        static readonly Middleware RateLimit = new RateLimitMiddleware("limit", 5, 5, System.TimeSpan.FromSeconds(1));
        static Service Web(string name) => new Service(name).WithImage("nginx:1").WithRestart(RestartPolicy.Always).WithNetworks(Net);
        """;

    public static IEnumerable<Sample> All =>
    [
        new("inline routers", [$$"""
            static class Definition
            {
                {{Common}}
                public static ComposeStack Build() => Stack().WithServices(
                    Web("a").WithRouter({|STK0003:new Router("a")|}.WithHost("a.example.org").WithPort(80).WithMiddlewares(Sso)),
                    Web("b").WithRouter({|STK0004:new Router("b")|}.WithHost("b.example.org").WithPort(80).WithEntryPoints(Https)),
                    Web("c").WithRouter({|STK0004:new Router("c")|}.WithHost("c.example.org").WithPort(80).WithEntryPoints(Https).WithMiddlewares(RateLimit)),
                    Web("d").WithRouter(new Router("d").WithHost("d.example.org").WithPort(80).WithEntryPoints(Https).WithMiddlewares(RateLimit, SsoAsBase)));
            }
            """], ["STK0003", "STK0004", "STK0004"]),

        new("explicit choices: default entrypoints and public access with reasons", [$$"""
            static class Definition
            {
                {{Common}}
                public static ComposeStack Build() => Stack().WithServices(
                    Web("portal").WithRouter(new Router("portal").WithHost("auth.example.org").WithPort(80)
                        .OnDefaultEntryPoints("the static config marks websecure asDefault")
                        .WithPublicAccess("the login portal itself")));
            }
            """], []),

        new("routers in fields, properties and another file", [$$"""
            public static class Routers
            {
                static readonly EntryPoint Https = new("https", 443);
                public static readonly Router Open = {|STK0004:new Router("open")|}.WithHost("open.example.org").WithPort(80).WithEntryPoints(Https);
                public static Router Closed => new Router("closed").WithHost("closed.example.org").WithPort(80).WithEntryPoints(Https)
                    .WithMiddlewares(new ForwardAuthMiddleware("sso", "http://authelia:9091/api/verify"));
            }
            """, $$"""
            static class Definition
            {
                {{Common}}
                public static ComposeStack Build() => Stack().WithServices(
                    Web("a").WithRouter(Routers.Open),
                    Web("b").WithRouter(Routers.Closed));
            }
            """], ["STK0004"]),

        new("a router helper with parameters, like WebRouters.ForSubdomain", [$$"""
            static class Definition
            {
                {{Common}}
                static Router ForSubdomain(string name, string subdomain) =>
                    new Router(name).WithHost(subdomain + ".example.org").WithPort(80);

                static Router Protected(this Router router) => router.WithEntryPoints(Https).WithMiddlewares(Sso);

                public static ComposeStack Build() => Stack().WithServices(
                    Web("a").WithRouter({|STK0003:ForSubdomain("a", "apps")|}.WithMiddlewares(Sso)),
                    Web("b").WithRouter(ForSubdomain("b", "blog").Protected()));
            }
            """], ["STK0003"]),

        new("locals, with expressions and conditionals", [$$"""
            static class Definition
            {
                {{Common}}
                static Router Named(string name) => new Router(name).WithHost(name + ".example.org").WithPort(80).WithEntryPoints(Https);

                public static ComposeStack Build(bool tls = true)
                {
                    var router = Named("a").WithMiddlewares(Sso);
                    var opened = {|STK0004:Named("b")|}.WithMiddlewares(Sso) with { Middlewares = [] };
                    var either = tls ? Named("c").WithMiddlewares(Sso) : Named("c").WithMiddlewares(RateLimit, Sso);
                    var neither = tls ? Named("d").WithMiddlewares(Sso) : Named("d");
                    return Stack().WithServices(
                        Web("a").WithRouter(router),
                        Web("b").WithRouter(opened),
                        Web("c").WithRouter(either),
                        Web("d").WithRouter(neither));
                }
            }
            """], ["STK0004"]),

        new("forward-auth defined with the docker provider, as Authelia's documentation does", [$$"""
            static class Definition
            {
                {{Common}}
                static readonly Middleware Authelia = new ExternalMiddleware("authelia", "docker");
                public static ComposeStack Build() => Stack().WithServices(
                    Web("authelia").WithLabel("traefik.http.middlewares.authelia.forwardauth.address", "http://authelia:9091/api/authz/forward-auth")
                        .WithRouter(new Router("authelia").WithHost("auth.example.org").WithPort(9091).WithEntryPoints(Https).WithPublicAccess("the login portal")),
                    Web("app").WithRouter(new Router("app").WithHost("app.example.org").WithPort(80).WithEntryPoints(Https).WithMiddlewares(Authelia)));
            }
            """], []),

        new("routers attached in a loop", [$$"""
            static class Definition
            {
                {{Common}}
                public static ComposeStack Build()
                {
                    var service = Web("a");
                    foreach (var host in new[] { "a", "b" })
                    {
                        service = service.WithRouter({|STK0004:new Router(host)|}.WithHost(host + ".example.org").WithPort(80).WithEntryPoints(Https));
                    }

                    return Stack().WithServices(service);
                }
            }
            """], ["STK0004", "STK0004"]),
    ];
}
