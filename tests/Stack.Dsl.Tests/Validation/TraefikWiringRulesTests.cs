using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Dsl.Validation;
using Stack.Testing;

namespace Stack.Dsl.Tests.Validation;

/// <summary>STK0401-0405: routers checked against the stack's Traefik declaration.</summary>
public sealed class TraefikWiringRulesTests
{
    private static readonly Network Edge = new("edge");
    private static readonly Network Back = new("back");
    private static readonly EntryPoint Https = new("https", 443);
    private static readonly CertResolver Acme = new("le");
    private static readonly Service Proxy = Emit.Minimal("traefik").WithNetworks(Edge, Back).WithVolume(new Volume("certificates"), "/letsencrypt");

    private static ComposeStack With(params Service[] services) => new ComposeStack("s")
        .WithTraefik(new TraefikProxy(Proxy, Edge).WithEntryPoints(Https).WithCertResolvers(Acme))
        .WithServices([Proxy, .. services]);

    private static Router Route(string name = "app") => new Router(name).WithHost("a.example.org").WithEntryPoints(Https).WithPort(80);

    private static List<StackDiagnostic> Found(string id, ComposeStack stack) =>
        [.. StackValidator.Validate(stack).Where(d => d.Id == id)];

    [Fact]
    public void A_well_wired_stack_has_no_findings() =>
        Assert.DoesNotContain(
            StackValidator.Validate(With(Emit.Minimal("app").WithNetworks(Edge).WithRouter(Route().WithTls(Acme).WithMiddlewares(new CompressMiddleware("gzip"))))),
            d => d.Id.StartsWith("STK04", StringComparison.Ordinal));

    [Fact]
    public void Tcp_and_udp_routers_are_written_and_checked_against_their_entrypoints()
    {
        var dns = new EntryPoint("dns", 53) { Udp = true };
        var postgres = new EntryPoint("postgres", 5432);
        var db = Emit.Minimal("db").WithNetworks(Edge)
            .WithTcpRouter(new TcpRouter("db", 5432).ForHost("db.example.org").WithTlsPassthrough().WithEntryPoints(postgres))
            .WithUdpRouter(new UdpRouter("dns", 53).WithEntryPoints(dns));
        ComposeStack Stack(params EntryPoint[] entryPoints) => new ComposeStack("s")
            .WithTraefik(new TraefikProxy(Proxy, Edge).WithEntryPoints(Https).WithEntryPoints(entryPoints).WithCertResolvers(Acme)).WithServices(Proxy, db);

        var labels = Emit.Yaml(Stack(dns, postgres));

        Assert.Contains("traefik.tcp.routers.db.rule: HostSNI(`db.example.org`)", labels, StringComparison.Ordinal);
        Assert.Contains("traefik.tcp.routers.db.tls.passthrough: 'true'", labels, StringComparison.Ordinal);
        Assert.Contains("traefik.tcp.services.db.loadbalancer.server.port: '5432'", labels, StringComparison.Ordinal);
        Assert.Contains("traefik.udp.routers.dns.entrypoints: dns", labels, StringComparison.Ordinal);
        Assert.Contains("address: :53/udp", Emit.Files(Stack(dns, postgres))["traefik.static.yml"], StringComparison.Ordinal);
        Assert.Contains("which is TCP", Assert.Single(Found("STK0402", Stack(dns with { Udp = false }, postgres))).Message, StringComparison.Ordinal);
        Assert.Contains("which the stack's Traefik does not have", Assert.Single(Found("STK0402", Stack(dns))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tcp_router_for_a_server_name_needs_tls()
    {
        var db = Emit.Minimal("db").WithNetworks(Edge).WithTcpRouter(new TcpRouter("db", 5432).ForHost("db.example.org").WithEntryPoints(Https));

        Assert.Contains("without TLS", Assert.Single(Found("STK0212", With(db))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_load_balancer_over_urls_is_written_into_the_dynamic_file()
    {
        var nas = TraefikService.Servers("nas", "http://10.0.0.5:5000", "http://10.0.0.6:5000").WithHealthCheck("/health").WithStickyCookie("nas_affinity");
        var router = new Router("nas").WithHost("nas.example.org").WithEntryPoints(Https).WithService(nas);
        var files = Emit.Files(With(Proxy.WithRouter(router)) with { Services = [Proxy.WithRouter(router)] });

        Assert.Contains("traefik.http.routers.nas.service: nas@file", files["docker-compose.yml"], StringComparison.Ordinal);
        Assert.DoesNotContain("traefik.http.services.nas", files["docker-compose.yml"], StringComparison.Ordinal);
        Snapshot.Match(files["traefik.dynamic.yml"]);
    }

    [Fact]
    public void A_load_balancer_over_urls_needs_a_declared_traefik_and_real_urls()
    {
        var router = new Router("nas").WithHost("nas.example.org").WithService(TraefikService.Servers("nas", "10.0.0.5:5000")); var line = ThisLine();
        var stack = new ComposeStack("s").WithServices(Emit.Minimal("app").WithRouter(router));

        Assert.Contains("declares no Traefik to write it", Assert.Single(Found("STK0203", stack)).Message, StringComparison.Ordinal);
        Assert.Contains("not an absolute http, https or h2c URL", Assert.Single(Found("STK0212", stack)).Message, StringComparison.Ordinal);
        Assert.Equal(line, Assert.Single(Found("STK0203", stack)).Location.Line);
    }

    [Fact]
    public void A_router_to_the_api_needs_the_api_on()
    {
        var dashboard = new Router("dashboard").WithHost("t.example.org").WithEntryPoints(Https).WithService(TraefikService.Api); var line = ThisLine();
        var proxy = Proxy.WithRouter(dashboard);
        ComposeStack Stack(bool api) => new ComposeStack("s").WithTraefik(new TraefikProxy(proxy, Edge).WithEntryPoints(Https).WithCertResolvers(Acme) with { Dashboard = api }).WithServices(proxy);

        var finding = Assert.Single(Found("STK0203", Stack(api: false)));

        Assert.Contains("forwards to api@internal, which the declared Traefik does not serve", finding.Message, StringComparison.Ordinal);
        Assert.Equal(line, finding.Location.Line);
        Assert.Empty(Found("STK0203", Stack(api: true)));
    }

    [Fact]
    public void An_internal_service_is_named_by_the_router_and_has_no_load_balancer()
    {
        var labels = Emit.Yaml(new ComposeStack("s").WithServices(
            Emit.Minimal("app").WithRouter(new Router("to-https").WithHost("a.example.org").WithEntryPoints(Https).WithService(TraefikService.Noop))));

        Assert.Contains("traefik.http.routers.to-https.service: noop@internal", labels, StringComparison.Ordinal);
        Assert.DoesNotContain("loadbalancer", labels, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_middleware_nothing_defines_is_STK0401_at_the_router()
    {
        var router = new Router("app").WithHost("a.example.org").WithEntryPoints(Https).WithPort(80).WithMiddlewares(new ExternalMiddleware("by-hand", "file")); var line = ThisLine();

        var finding = Assert.Single(Found("STK0401", With(Emit.Minimal("app").WithNetworks(Edge).WithRouter(router))));

        Assert.Contains("uses middleware 'by-hand@file', which nothing defines", finding.Message, StringComparison.Ordinal);
        Assert.Equal(line, finding.Location.Line);
    }

    [Fact]
    public void A_docker_middleware_is_defined_by_a_services_labels()
    {
        var user = Emit.Minimal("app").WithNetworks(Edge).WithRouter(Route().WithMiddlewares(new ExternalMiddleware("auth", "docker")));

        Assert.Single(Found("STK0401", With(user)));
        Assert.Empty(Found("STK0401", With(user.WithLabel("traefik.http.middlewares.auth.basicauth.users", "u:p"))));
    }

    [Fact]
    public void Middleware_names_differing_only_in_case_are_one_name_to_Traefik()
    {
        var app = Emit.Minimal("app").WithNetworks(Edge).WithRouter(Route().WithMiddlewares(new RateLimitMiddleware("limit", 1, 1, TimeSpan.FromSeconds(1))));
        var other = Emit.Minimal("other").WithNetworks(Edge).WithRouter(Route("other").WithMiddlewares(new RateLimitMiddleware("Limit", 1, 1, TimeSpan.FromSeconds(1))));

        Assert.Contains("named 'limit' and 'Limit', one name to Traefik", Assert.Single(Found("STK0401", With(app, other))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_different_middlewares_with_one_name_are_STK0401()
    {
        var app = Emit.Minimal("app").WithNetworks(Edge).WithRouter(Route().WithMiddlewares(new RateLimitMiddleware("limit", 1, 1, TimeSpan.FromSeconds(1))));
        var other = Emit.Minimal("other").WithNetworks(Edge).WithRouter(Route("other").WithMiddlewares(new RateLimitMiddleware("limit", 9, 9, TimeSpan.FromSeconds(1))));

        Assert.Contains("Two different middlewares are named 'limit'", Assert.Single(Found("STK0401", With(app, other))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entrypoint_the_proxy_lacks_is_STK0402()
    {
        var app = Emit.Minimal("app").WithNetworks(Edge).WithRouter(new Router("app").WithHost("a.example.org").WithEntryPoints(new EntryPoint("websecure", 8443)).WithPort(80));

        Assert.Contains("listens on entrypoint 'websecure', which the stack's Traefik does not have (it has: https)", Assert.Single(Found("STK0402", With(app))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_redirect_to_a_missing_entrypoint_is_STK0402()
    {
        var stack = With() with { Traefik = new TraefikProxy(Proxy, Edge).WithEntryPoints(new EntryPoint("http", 80).RedirectingTo(new EntryPoint("tls", 443))) };

        Assert.Contains("entrypoint 'tls'", Assert.Single(Found("STK0402", stack)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_routed_service_sharing_no_network_with_Traefik_is_STK0403()
    {
        var finding = Assert.Single(Found("STK0403", With(Emit.Minimal("app").WithNetworks(new Network("island")).WithRouter(Route()))));

        Assert.Contains("shares no network with Traefik ('traefik' is on 'back', 'edge'; 'app' is on 'island')", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proxy_off_its_own_watched_network_is_STK0403()
    {
        var stack = With() with { Traefik = new TraefikProxy(Proxy, new Network("elsewhere")) };

        Assert.Contains("does not join it", Assert.Single(Found("STK0403", stack)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_routed_service_off_the_default_network_must_name_its_network_STK0404()
    {
        var app = Emit.Minimal("app").WithNetworks(Back).WithRouter(Route());

        Assert.Contains("not on Traefik's default network 'edge'", Assert.Single(Found("STK0404", With(app))).Message, StringComparison.Ordinal);
        Assert.Empty(Found("STK0404", With(app.WithTraefikNetwork(Back))));
        Assert.Contains("which it does not share with Traefik", Assert.Single(Found("STK0404", With(app.WithTraefikNetwork(new Network("other"))))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undeclared_cert_resolver_is_STK0405() =>
        Assert.Contains("resolver 'staging', which the stack's Traefik does not declare",
            Assert.Single(Found("STK0405", With(Emit.Minimal("app").WithNetworks(Edge).WithRouter(Route().WithTls(new CertResolver("staging")))))).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("/etc/traefik/traefik.yml")]
    [InlineData("/etc/traefik/traefik.yml/")]
    public void A_dynamic_config_path_on_the_static_one_is_STK0209(string dynamic)
    {
        var stack = new ComposeStack("s").WithTraefik(new TraefikProxy(Proxy, Edge) { DynamicConfigPath = dynamic }).WithServices(Proxy);

        Assert.Contains("StaticConfigPath and DynamicConfigPath are both", Assert.Single(Found("STK0209", stack)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_mount_at_a_config_path_spelled_with_a_trailing_slash_is_STK0209()
    {
        var handWired = Proxy.WithBind(HostPath.InProject("dynamic.yml"), TraefikProxy.DefaultDynamicConfigPath + "/", readOnly: true);
        var stack = new ComposeStack("s").WithTraefik(new TraefikProxy(handWired, Edge)).WithServices(handWired);

        Assert.Contains("where the generator mounts the config", Assert.Single(Found("STK0209", stack)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/etc/traefik/")]
    [InlineData("/etc/traefik/dynamic.toml")]
    [InlineData("/etc/traefik/dynamic")]
    public void A_dynamic_config_path_Traefik_would_not_read_as_YAML_is_STK0406(string dynamic)
    {
        var stack = new ComposeStack("s").WithTraefik(new TraefikProxy(Proxy, Edge) { DynamicConfigPath = dynamic }).WithServices(Proxy);

        Assert.Contains($"DynamicConfigPath '{dynamic}' does not end in .yml or .yaml", Assert.Single(Found("STK0406", stack)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proxy_that_mounts_its_config_paths_itself_is_STK0209()
    {
        var handWired = Proxy.WithBind(HostPath.InProject("static.yml"), TraefikProxy.DefaultStaticConfigPath, readOnly: true);
        var stack = new ComposeStack("s").WithTraefik(new TraefikProxy(handWired, Edge)).WithServices(handWired);

        Assert.Contains("mounts something at '/etc/traefik/traefik.yml', where the generator mounts the config", Assert.Single(Found("STK0209", stack)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proxy_service_missing_from_the_stack_is_STK0203()
    {
        var stack = new ComposeStack("s").WithTraefik(new TraefikProxy(Proxy, Edge)).WithServices(Emit.Minimal("app"));

        Assert.Contains("The stack's Traefik is service 'traefik', which the stack does not contain", Assert.Single(Found("STK0203", stack)).Message, StringComparison.Ordinal);
    }

    private static int ThisLine([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;
}
