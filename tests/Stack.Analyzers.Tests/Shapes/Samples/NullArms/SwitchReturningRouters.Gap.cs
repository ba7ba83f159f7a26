using System;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;

// A router chosen by a switch expression over a constant (unknown names refused): the arm taken does not put the router behind single sign-on.
static class Definition
{
    const string App = "wiki";
    static readonly Network Net = new("web");
    static readonly EntryPoint Https = new("https", 443);
    static readonly ForwardAuthMiddleware Sso = new ForwardAuthMiddleware("sso", "http://authelia:9091/api/verify");
    static readonly TraefikProxy Proxy = new TraefikProxy(Web("traefik", "traefik:v3.1"), Net).WithEntryPoints(Https);

    static Service Web(string name, string image) => new Service(name).WithImage(image).WithRestart(RestartPolicy.Always).WithNetworks(Net);

    static Router AppRouter => App switch
    {
        "wiki" => new Router("wiki").WithHost("wiki.example.org").WithPort(80).WithEntryPoints(Https), // finding: STK0004
        "docs" => new Router("docs").WithHost("docs.example.org").WithPort(80).WithEntryPoints(Https),
        _ => throw new ArgumentOutOfRangeException(nameof(App)),
    };

    public static ComposeStack Build() => new ComposeStack("s").WithTraefik(Proxy).WithServices(
        Proxy.Service.WithRouter(new Router("dashboard").WithHost("traefik.example.org").WithPort(8080).WithEntryPoints(Https).WithMiddlewares(Sso)),
        Web("authelia", "authelia/authelia:4.38"),
        Web(App, "nginx:1.27").WithRouter(AppRouter));
}
