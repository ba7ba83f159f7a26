using Stack.Dsl.Compose;
using Stack.Dsl.Generation.Swarm;
using Stack.Dsl.Traefik;

namespace Stack.Dsl.Tests.Generation.Swarm;

/// <summary>
/// <c>name@docker</c> becomes <c>name@swarm</c> where Traefik reads a reference (a router's
/// middlewares and service, a chain's members, an errors page's service), as a whole item; the
/// user's text elsewhere (a header's value such as <c>ops@docker.example.com</c>) is kept as written.
/// </summary>
public sealed class SwarmProviderSuffixTests
{
    [Theory]
    [InlineData("auth@docker", "auth@swarm")]
    [InlineData("secure-headers_2@docker", "secure-headers_2@swarm")]
    [InlineData("@docker", "@docker")]
    [InlineData("auth@dockers", "auth@dockers")]
    [InlineData("auth@docker.", "auth@docker.")]
    [InlineData("ops@docker.example.com", "ops@docker.example.com")]
    [InlineData("a@docker@docker", "a@docker@docker")]
    [InlineData("é@docker", "é@swarm")] // a name Stack refuses to write (NameRules), but one word
    [InlineData(" auth@docker ", " auth@swarm ")] // a list item as Traefik reads it: trimmed
    [InlineData("a b@docker", "a b@docker")]
    [InlineData("auth@file", "auth@file")]
    public void A_reference_is_a_whole_item(string text, string expected) => Assert.Equal(expected, SwarmLabels.OnSwarm(text));

    [Fact]
    public void A_header_value_naming_docker_is_kept_in_labels_and_in_the_dynamic_file_and_references_become_swarm()
    {
        var edge = new Network("edge");
        var web = new EntryPoint("web", 80);
        var proxy = Emit.Minimal("traefik").WithImage("traefik:v3.2.1").WithNetworks(edge);
        var viaLabels = new HeadersMiddleware("contact-labels").WithResponseHeader("X-Contact", "ops@docker.example.com").ViaDockerLabels();
        var inFile = new HeadersMiddleware("contact-file").WithResponseHeader("X-Contact", "ops@docker.example.com");
        var chain = new ChainMiddleware("both", viaLabels, inFile);
        var app = Emit.Minimal().WithNetworks(edge).WithMiddlewareLabels(viaLabels)
            .WithRouter(new Router("app").WithHost("app.example.com").WithEntryPoints(web).WithPort(8080).WithMiddlewares(viaLabels, chain));
        var stack = new ComposeStack("demo").WithTraefik(new TraefikProxy(proxy, edge).WithEntryPoints(web)).WithServices(proxy, app);

        var files = SwarmEmit.Files(stack);
        var labels = SwarmEmit.Parse(files[SwarmEmit.FileName]).At("services", "app", "deploy", "labels")!;
        var dynamic = SwarmEmit.Parse(files["swarm/traefik.dynamic.yml"]).At("http", "middlewares")!;

        Assert.Equal("ops@docker.example.com", labels.Text("traefik.http.middlewares.contact-labels.headers.customResponseHeaders.X-Contact"));
        Assert.Equal("ops@docker.example.com", dynamic.Text("contact-file", "headers", "customResponseHeaders", "X-Contact"));
        Assert.Equal("contact-labels@swarm,both@file", labels.Text("traefik.http.routers.app.middlewares"));
        Assert.Equal("contact-labels@swarm", dynamic.Text("both", "chain", "middlewares", "0"));
    }

    [Fact]
    public void A_router_service_named_with_the_docker_provider_is_Stacks_own_reference_and_named_for_each_target()
    {
        // What STK0507 advises for a hand-written traefik.http.routers.NAME.service=api@docker.
        var app = Emit.Minimal().WithRouter(new Router("app").WithHost("app.example.com").WithService(new TraefikService("api", 0) { Provider = "docker" }));
        var stack = new ComposeStack("demo").WithServices(app);

        var files = SwarmEmit.Files(stack);

        Assert.Equal("api@swarm", SwarmEmit.Parse(files[SwarmEmit.FileName]).Text("services", "app", "deploy", "labels", "traefik.http.routers.app.service"));
        Assert.Equal("api@docker", SwarmEmit.Parse(files[Stack.Dsl.Generation.StackGenerator.ComposeFileName]).Text("services", "app", "labels", "traefik.http.routers.app.service"));
    }

    [Fact]
    public void An_entrypoint_middleware_defined_by_labels_is_named_with_the_swarm_provider_in_the_static_file()
    {
        var edge = new Network("edge");
        var viaLabels = new HeadersMiddleware("frame-deny").WithResponseHeader("X-Frame-Options", "DENY").ViaDockerLabels();
        var web = new EntryPoint("web", 80) { Middlewares = [viaLabels] };
        var proxy = Emit.Minimal("traefik").WithImage("traefik:v3.2.1").WithNetworks(edge);
        var app = Emit.Minimal().WithNetworks(edge).WithMiddlewareLabels(viaLabels)
            .WithRouter(new Router("app").WithHost("app.example.com").WithEntryPoints(web).WithPort(8080));
        var stack = new ComposeStack("demo").WithTraefik(new TraefikProxy(proxy, edge).WithEntryPoints(web)).WithServices(proxy, app);

        var files = SwarmEmit.Files(stack);

        Assert.Equal("frame-deny@swarm", SwarmEmit.Parse(files["swarm/traefik.static.yml"]).Text("entryPoints", "web", "http", "middlewares", "0"));
        Assert.Equal("frame-deny@docker", SwarmEmit.Parse(files["traefik.static.yml"]).Text("entryPoints", "web", "http", "middlewares", "0")); // Compose keeps its provider
    }
}
