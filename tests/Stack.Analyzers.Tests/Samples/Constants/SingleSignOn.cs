namespace Stack.Analyzers.Tests.Samples.Constants;

/// <summary>
/// STK0004 needs the stack to have single sign-on: decided from symbols (a ForwardAuthMiddleware
/// made with a target-typed <c>new(...)</c>, <c>.AsForwardAuth()</c>), and middlewares given as a field holding an array.
/// </summary>
internal static class SingleSignOn
{
    private const string Traefik = """
        static readonly Network Net = new("n");
        static readonly EntryPoint Https = new("https", 443);
        static readonly TraefikProxy Proxy = new TraefikProxy(Web("traefik"), Net).WithEntryPoints(Https);
        static Service Web(string name) => new Service(name).WithImage("nginx:1").WithRestart(RestartPolicy.Always).WithNetworks(Net);
        """;

    public static IEnumerable<Sample> All =>
    [
        new("single sign-on made with a target-typed new, a router without it", [$$"""
            static class Definition
            {
                {{Traefik}}
                static readonly ForwardAuthMiddleware Sso = new("sso", "http://authelia:9091/api/verify");
                static readonly Middleware[] Secured = [Sso];
                static readonly Middleware[] Open = [new RateLimitMiddleware("limit", 5, 5, System.TimeSpan.FromSeconds(1))];

                public static ComposeStack Build() => new ComposeStack("s").WithTraefik(Proxy).WithServices(
                    Proxy.Service,
                    Web("a").WithRouter({|STK0004:new Router("a")|}.WithHost("a.example.org").WithPort(80).WithEntryPoints(Https)),
                    Web("b").WithRouter({|STK0004:new Router("b")|}.WithHost("b.example.org").WithPort(80).WithEntryPoints(Https).WithMiddlewares(Open)),
                    Web("c").WithRouter(new Router("c").WithHost("c.example.org").WithPort(80).WithEntryPoints(Https).WithMiddlewares(Secured)));
            }
            """], ["STK0004", "STK0004"]),

        new("single sign-on from another provider said with AsForwardAuth, a router without it", [$$"""
            static class Definition
            {
                {{Traefik}}
                static readonly ExternalMiddleware Authelia = new ExternalMiddleware("authelia", "file").AsForwardAuth();

                public static ComposeStack Build() => new ComposeStack("s").WithTraefik(Proxy).WithServices(
                    Proxy.Service,
                    Web("a").WithRouter({|STK0004:new Router("a")|}.WithHost("a.example.org").WithPort(80).WithEntryPoints(Https)),
                    Web("b").WithRouter(new Router("b").WithHost("b.example.org").WithPort(80).WithEntryPoints(Https).WithMiddlewares(Authelia)));
            }
            """], ["STK0004"]),

        new("no single sign-on anywhere: a router without it is not a gap", [$$"""
            static class Definition
            {
                {{Traefik}}
                static readonly Middleware[] Open = [new RateLimitMiddleware("limit", 5, 5, System.TimeSpan.FromSeconds(1))];

                public static ComposeStack Build() => new ComposeStack("s").WithTraefik(Proxy).WithServices(
                    Proxy.Service,
                    Web("a").WithRouter(new Router("a").WithHost("a.example.org").WithPort(80).WithEntryPoints(Https).WithMiddlewares(Open)));
            }
            """], []),
    ];
}
