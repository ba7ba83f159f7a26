using Microsoft.CodeAnalysis;
using Stack.Testing;
using static Stack.Engine.Tests.Import.ImportedProgram;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// stack import and Traefik: labels become typed routers and middlewares when the library writes
/// them back exactly, and the static config file becomes the stack's TraefikProxy.
/// </summary>
[Trait("Category", "Engine")]
public sealed class ImportTraefikTests
{
    /// <summary>
    /// Traefik labels become typed routers when the routers write back exactly those labels (keys
    /// compared without case, as Traefik reads them): the imported stack means what the file means,
    /// and the checklist sees routers, not text.
    /// </summary>
    [SkippableFact]
    public void Traefik_labels_become_typed_routers_that_mean_the_same()
    {
        DockerCompose.RequireInstalled();
        const string yaml = """
            services:
              web:
                image: nginx:1.27.3
                restart: unless-stopped
                labels:
                  traefik.enable: "true"
                  traefik.http.routers.web.rule: Host(`www.${BASE_HOST}`) || Host(`${BASE_HOST}`)
                  traefik.http.routers.web.tls.certResolver: letsencrypt
                  traefik.http.routers.web.middlewares: sso@file,limit@docker
                  traefik.http.middlewares.limit.ratelimit.average: "100"
                  traefik.http.middlewares.limit.ratelimit.burst: "50"
                  traefik.http.middlewares.limit.ratelimit.period: 1m30s
                  traefik.http.routers.web-api.rule: Host(`www.${BASE_HOST}`) && PathPrefix(`/api`)
                  traefik.http.routers.web-api.priority: "10"
                  traefik.http.routers.web-api.tls: "true"
                  traefik.http.routers.web-api.service: web
                  traefik.http.services.web.loadBalancer.server.port: "8080"
                  com.example.team: ops
            """;

        var (code, errors) = AgreedImport.Import("dc.yml", yaml, "0.1.0", "routers");
        Assert.True(code is not null, string.Join('\n', errors));

        Assert.Contains("new Router(\"web\")", code, StringComparison.Ordinal);
        Assert.Contains(".WithRule(RouterRule.Host($\"www.{baseHost}\").And(RouterRule.PathPrefix(\"/api\")))", code, StringComparison.Ordinal);
        Assert.Contains(".WithService(new TraefikService(\"web\", 8080))", code, StringComparison.Ordinal);
        Assert.Contains("new RateLimitMiddleware(\"limit\", 100, 50, TimeSpan.FromSeconds(90)).ViaDockerLabels()", code, StringComparison.Ordinal);
        Assert.Contains(".WithMiddlewares(new ExternalMiddleware(\"sso\", \"file\").AsForwardAuth(), limitMiddleware)", code, StringComparison.Ordinal);
        Assert.DoesNotContain("WithLabel(\"traefik.", code, StringComparison.Ordinal);
        Assert.Contains("WithLabel(\"com.example.team\", \"ops\")", code, StringComparison.Ordinal);
        var (exit, stderr, emitted) = Run(code!, "routers");
        Assert.True(exit == 0, $"the imported program failed:\n{stderr}\n{code}");
        AssertSameMeaning(yaml, emitted, Variables(code!));
    }

    /// <summary>
    /// Authelia's own wiring, middlewares defined by labels on its container and used by another
    /// service's router as name@docker, imports as typed middlewares shared by both services,
    /// entrypoints declared once, TCP and UDP routers typed too: not one Traefik label is left raw
    /// (the corpus file's round trip above proves the meaning).
    /// </summary>
    [Fact]
    public void Middlewares_defined_by_labels_become_typed_middlewares_the_routers_share()
    {
        var file = Path.Combine(Repository.Root, "tests", "Stack.Engine.Tests", "Corpus", "Files", "traefik-authelia.yml");

        var (code, errors) = AgreedImport.Import(file, File.ReadAllText(file), "0.1.0", "imported");

        Assert.True(code is not null, string.Join('\n', errors));
        Assert.Contains("var autheliaMiddleware = new ForwardAuthMiddleware(\"authelia\", \"http://authelia:9091/api/authz/forward-auth\") { TrustForwardHeader = true, AuthResponseHeaders = [\"Remote-User\", \"Remote-Groups\", \"Remote-Email\", \"Remote-Name\"] }.ViaDockerLabels();", code, StringComparison.Ordinal);
        Assert.Contains("new HeadersMiddleware(\"secure\") { StsSeconds = 31536000", code, StringComparison.Ordinal);
        Assert.Contains(".WithMiddlewareLabels(autheliaMiddleware, secureMiddleware)", code, StringComparison.Ordinal);
        Assert.Contains(".WithMiddlewares(autheliaMiddleware, secureMiddleware)", code, StringComparison.Ordinal);
        Assert.Contains(".OnlyOnEntryPoints(websecureEntryPoint)", code, StringComparison.Ordinal);
        Assert.Contains(".WithTcpRouter(new TcpRouter(\"db\", 5432)", code, StringComparison.Ordinal);
        Assert.Contains(".WithUdpRouter(new UdpRouter(\"dns\", 53)", code, StringComparison.Ordinal);
        Assert.DoesNotContain("WithLabel(\"traefik.", code, StringComparison.Ordinal);
    }

    /// <summary>
    /// A label the model cannot hold stays a label under a TODO that names it and its one reason;
    /// the rest of the service's routers are still typed when their meaning does not depend on it.
    /// </summary>
    [Theory]
    [InlineData("traefik.http.services.web.loadbalancer.sticky.cookie.name: lb", "traefik.http.services.web.loadbalancer.sticky.cookie.name", "the DSL's typed service has no 'loadbalancer.sticky.cookie.name'", false)]
    [InlineData("traefik.http.middlewares.auth.basicauth.users: admin:$$apr1$$hash", "traefik.http.middlewares.auth.basicauth.users", "the DSL has no typed middleware with exactly middleware 'auth''s options", true)]
    [InlineData("traefik.http.services.other.loadbalancer.server.port: \"81\"", "traefik.http.routers.web.rule", "router 'web' names no service, and the container defines 2", false)]
    [InlineData("traefik.http.routers.web.service: other", "traefik.http.routers.web.rule", "router 'web' names service 'other', which this container does not define", false)]
    [InlineData("traefik.http.routers.web.entrypoints: ${ENTRY}", "traefik.http.routers.web.entrypoints", "its entrypoints holds a variable", false)]
    [InlineData("traefik.http.routers.web.rule2: x", "traefik.http.routers.web.rule2", "the DSL has no typed form of a router's 'rule2'", false)]
    [InlineData("traefik.docker.network: elsewhere", "traefik.docker.network", "no network this file declares is named 'elsewhere' for Docker", true)]
    public void A_label_the_model_cannot_hold_stays_under_a_todo_naming_it_and_why(string extra, string key, string why, bool routerTyped)
    {
        var yaml = $"services:\n  web:\n    image: nginx:1.27.3\n    labels:\n      traefik.http.routers.web.rule: Host(`a.example`)\n      traefik.http.services.web.loadbalancer.server.port: \"80\"\n      {extra}\n";

        var (code, errors) = AgreedImport.Import("dc.yml", yaml, "0.1.0", "labels");

        Assert.True(code is not null, string.Join('\n', errors));
        Assert.Contains($"// TODO(import): '{key}' stays a label: {why}", code, StringComparison.Ordinal);
        Assert.Contains($"WithLabel(\"{key}\"", code, StringComparison.Ordinal);
        Assert.Equal(routerTyped, code!.Contains("new Router(\"web\")", StringComparison.Ordinal));
    }

    /// <summary>
    /// A '$' the label proof cannot read as a variable (a cut reference, a nested default) keeps the
    /// service's labels as labels under a TODO naming it, or is refused: never an exception (found by
    /// ImportFuzzTests, through the middleware pass that types another service's middlewares).
    /// </summary>
    [Theory]
    [InlineData("traefik.http.routers.web.tls.certresolver", "${~")]
    [InlineData("traefik.http.middlewares.m.headers.customrequestheaders.X-A", "${A:-${B}}")]
    public void A_label_with_an_unreadable_variable_stays_a_label_or_is_refused(string key, string value)
    {
        var yaml = $"services:\n  web:\n    image: nginx:1.27.3\n    labels:\n      traefik.http.routers.web.rule: Host(`a.example`)\n      traefik.http.services.web.loadbalancer.server.port: \"80\"\n      {key}: '{value}'\n";

        var (code, errors) = AgreedImport.Import("dc.yml", yaml, "0.1.0", "labels");

        if (code is null)
        {
            Assert.NotEmpty(errors);
            return;
        }

        Assert.Contains($"// TODO(import): '{key}' stays a label: ", code, StringComparison.Ordinal);
        Assert.DoesNotContain("new Router(\"web\")", code, StringComparison.Ordinal);
    }

    /// <summary>
    /// The issue's homelab shape: a redirect router with a middleware named without provider, a
    /// secure router with a resolver, and traefik.docker.network; every label typed, and the
    /// redirect keeps its options as given (no permanent option added).
    /// </summary>
    [Fact]
    public void The_redirect_and_secure_router_pair_is_typed_whole()
    {
        const string yaml = """
            services:
              app:
                image: nginx:1.27.3
                networks: [proxy]
                labels:
                  - traefik.enable=true
                  - traefik.http.routers.app.entrypoints=http
                  - traefik.http.routers.app.rule=Host(`app.example.com`)
                  - traefik.http.middlewares.app-https-redirect.redirectscheme.scheme=https
                  - traefik.http.routers.app.middlewares=app-https-redirect
                  - traefik.http.routers.app-secure.entrypoints=https
                  - traefik.http.routers.app-secure.rule=Host(`app.example.com`)
                  - traefik.http.routers.app-secure.tls=true
                  - traefik.http.routers.app-secure.tls.certresolver=cloudflare
                  - traefik.http.routers.app-secure.service=app
                  - traefik.http.services.app.loadbalancer.server.port=80
                  - traefik.docker.network=proxy
            networks:
              proxy:
                external: true
            """;

        var (code, errors) = AgreedImport.Import("dc.yml", yaml, "0.1.0", "pair");

        Assert.True(code is not null, string.Join('\n', errors));
        Assert.DoesNotContain("WithLabel(\"traefik.", code, StringComparison.Ordinal);
        Assert.Contains("new RedirectSchemeMiddleware(\"app-https-redirect\", \"https\", permanent: null).ViaDockerLabels()", code, StringComparison.Ordinal);
        Assert.Contains(".WithTraefikNetwork(proxyNetwork)", code, StringComparison.Ordinal);
        Assert.Contains(".WithMiddlewares(appHttpsRedirectMiddleware)", code, StringComparison.Ordinal);
        Assert.Contains(".WithService(new TraefikService(\"app\", 80))", code, StringComparison.Ordinal);
    }

    private const string ProxiedCompose = """
        name: home
        services:
          traefik:
            image: traefik:v3.2.1
            restart: unless-stopped
            command: ["--configFile=/etc/traefik/traefik.yml"]
            ports: ["80:80", "443:443"]
            networks: [proxy]
            volumes:
              - ./traefik.yml:/etc/traefik/traefik.yml:ro
              - /var/run/docker.sock:/var/run/docker.sock:ro
              - acme:/letsencrypt
          whoami:
            image: traefik/whoami:v1.10.3
            restart: unless-stopped
            networks: [proxy]
            labels:
              traefik.enable: "true"
              traefik.http.routers.whoami.rule: Host(`whoami.example.org`)
              traefik.http.routers.whoami.entrypoints: websecure
              traefik.http.routers.whoami.tls.certresolver: le
        networks:
          proxy: {}
        volumes:
          acme: {}
        """;

    /// <summary>
    /// Traefik's static config, given with -f beside the compose file that mounts it, becomes the
    /// stack's TraefikProxy (Traefik's defaults kept where the file is silent), its entrypoints
    /// declared with their real ports, and Stack writes the static file in its place.
    /// </summary>
    [Fact]
    public void A_traefik_static_config_becomes_the_stacks_typed_proxy()
    {
        const string staticConfig = """
            api:
              dashboard: true
            log:
              level: INFO
            entryPoints:
              web:
                address: ":80"
                http:
                  redirections:
                    entryPoint:
                      to: websecure
                      scheme: https
              websecure:
                address: ":443"
                asDefault: true
            certificatesResolvers:
              le:
                acme:
                  email: admin@example.org
                  storage: /letsencrypt/acme.json
                  httpChallenge:
                    entryPoint: web
            providers:
              docker:
                exposedByDefault: false
                network: home_proxy
            """;

        var (code, errors) = AgreedImport.Import([("dc.yml", ProxiedCompose), ("traefik.yml", staticConfig)], "0.1.0", "home");
        Assert.True(code is not null, string.Join('\n', errors));

        Assert.Contains("var webEntryPoint = new EntryPoint(\"web\", 80).RedirectingTo(websecureEntryPoint);", code, StringComparison.Ordinal);
        Assert.Contains(".WithTraefik(new TraefikProxy(traefik, proxyNetwork) { CheckNewVersion = true, Dashboard = true, Ping = false }", code, StringComparison.Ordinal);
        Assert.False(code.Contains("// TODO(import):", StringComparison.Ordinal), code);
        Assert.DoesNotContain("HostPath.InProject(\"traefik.yml\")", code, StringComparison.Ordinal);

        var (_, risks, _) = RunForFiles(code!, "proxied");
        var accepted = Accepting(code!, risks);
        var (exit, stderr, files) = RunForFiles(accepted, "proxied-accepted");
        Assert.True(exit == 0, $"the imported program failed:\n{stderr}\n{accepted}");
        var written = Normalized(files["traefik.static.yml"]);
        Assert.Equal(Normalized("""
            global: { checkNewVersion: true, sendAnonymousUsage: false }
            log: { level: INFO, format: common }
            api: { dashboard: true, insecure: false }
            entryPoints:
              websecure: { address: ":443", asDefault: true }
              web: { address: ":80", http: { redirections: { entryPoint: { to: websecure, scheme: https, permanent: true } } } }
            certificatesResolvers:
              le: { acme: { email: admin@example.org, storage: /letsencrypt/acme.json, httpChallenge: { entryPoint: web } } }
            providers:
              docker: { watch: true, exposedByDefault: false, network: home_proxy }
              file: { watch: true, filename: /etc/traefik/dynamic.yml }
            """), written);
        Assert.Contains("traefik.static.yml:/etc/traefik/traefik.yml:ro", files["docker-compose.yml"], StringComparison.Ordinal);

        // As a project too: the proxy is declared in Definition.cs, the entrypoints in Common/EntryPoints.cs.
        var (project, projectErrors) = AgreedImport.ImportProject([("dc.yml", ProxiedCompose), ("traefik.yml", staticConfig)], "0.1.0", "home");
        Assert.True(project is not null, string.Join('\n', projectErrors));
        Assert.Contains("RedirectingTo(EntryPoints.Websecure)", project["Common/EntryPoints.cs"], StringComparison.Ordinal);
        var (_, projectRisks, _) = RunSources([.. project.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)).Select(f => (f.Key, f.Value))], "proxied-project");
        Assert.Equal(RuleIds(risks), RuleIds(projectRisks));
    }

    /// <summary>A static config saying what Stack does not type stays the file the service mounts, under a TODO that says why.</summary>
    [Fact]
    public void A_traefik_static_config_stack_does_not_type_stays_a_mounted_file_with_a_todo()
    {
        const string staticConfig = """
            entryPoints:
              web: { address: ":80" }
            providers:
              docker: { network: home_proxy }
              file: { directory: /etc/traefik/dynamic }
            """;

        var (code, errors) = AgreedImport.Import([("dc.yml", ProxiedCompose), ("traefik.yml", staticConfig)], "0.1.0", "home");
        Assert.True(code is not null, string.Join('\n', errors));

        Assert.Contains("// TODO(import): traefik.yml stays a file this service mounts, not a typed TraefikProxy: providers.file: Stack writes the file provider's config itself", code, StringComparison.Ordinal);
        Assert.Contains(".WithBind(HostPath.InProject(\"traefik.yml\"), \"/etc/traefik/traefik.yml\", readOnly: true)", code, StringComparison.Ordinal);
        Assert.DoesNotContain("WithTraefik", code, StringComparison.Ordinal);
    }

    /// <summary>Where the file is silent, Traefik's defaults hold (checkNewVersion on, level ERROR, no ping, every container exposed), not the DSL's.</summary>
    [Fact]
    public void A_silent_traefik_static_config_keeps_traefiks_defaults()
    {
        var (code, errors) = AgreedImport.Import([("dc.yml", ProxiedCompose), ("traefik.yml", "providers:\n  docker:\n    network: home_proxy\n")], "0.1.0", "home");
        Assert.True(code is not null, string.Join('\n', errors));

        Assert.Contains("new TraefikProxy(traefik, proxyNetwork) { CheckNewVersion = true, LogLevel = \"ERROR\", Ping = false, ExposedByDefault = true }", code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("providers:\n  docker: {}\n", "providers.docker.network is not set")]
    [InlineData("providers:\n  docker:\n    network: elsewhere\n", "providers.docker.network 'elsewhere' is none of the stack's networks")]
    [InlineData("providers:\n  docker:\n    network: home_proxy\nexperimental:\n  plugins: {}\n", "experimental is not read by the importer")]
    [InlineData("providers:\n  docker:\n    network: home_proxy\n    constraints: Label(`a`,`b`)\n", "providers.docker.constraints is not read by the importer")]
    [InlineData("entryPoints:\n  web:\n    address: 127.0.0.1:80\nproviders:\n  docker:\n    network: home_proxy\n", "entryPoints.web.address '127.0.0.1:80' is not :PORT[/udp]")]
    [InlineData("entryPoints:\n  web:\n    address: :80\n    http:\n      middlewares: [auth@file]\nproviders:\n  docker:\n    network: home_proxy\n", "the entrypoint middleware 'auth@file' is not from the docker provider")]
    [InlineData("log:\n  format: json\naccessLog: {}\nproviders:\n  docker:\n    network: home_proxy\n", "accessLog.format differs from log.format")]
    public void A_traefik_static_config_key_stack_does_not_type_is_named_in_the_todo(string staticConfig, string why)
    {
        var (code, errors) = AgreedImport.Import([("dc.yml", ProxiedCompose), ("traefik.yml", staticConfig)], "0.1.0", "home");
        Assert.True(code is not null, string.Join('\n', errors));

        Assert.Contains($"// TODO(import): traefik.yml stays a file this service mounts, not a typed TraefikProxy: {why}", code, StringComparison.Ordinal);
        Assert.DoesNotContain("WithTraefik", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_traefik_static_config_no_service_mounts_is_refused()
    {
        var (code, errors) = AgreedImport.Import([("dc.yml", ProxiedCompose), ("other/traefik.yml", "providers:\n  docker: {}\n")], "0.1.0", "home");

        Assert.Null(code);
        Assert.Contains("this Traefik static config is mounted by no service", Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }
}
