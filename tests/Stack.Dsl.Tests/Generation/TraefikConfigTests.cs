using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;
using Stack.Testing;

namespace Stack.Dsl.Tests.Generation;

/// <summary>Traefik's static and dynamic config, written from the same objects the routers use.</summary>
public sealed class TraefikConfigTests
{
    private static readonly Variable Host = new("BASE_HOST");
    private static readonly Network Edge = new("edge");
    private static readonly ForwardAuthMiddleware Sso = new("sso", $"http://authelia:9091/api/verify?rd=https://auth.{Host}") { TrustForwardHeader = true, AuthResponseHeaders = ["Remote-User"] };
    private static readonly CompressMiddleware Gzip = new("gzip");
    private static readonly IpAllowListMiddleware Office = new("office", "10.0.0.0/8", "192.168.1.0/24");
    private static readonly RedirectRegexMiddleware NoWww = new("no-www", @"^https://(?:www\.)?(.+)", "https://${1}", permanent: true);
    private static readonly RateLimitMiddleware Limit = new("limit", average: 10, burst: 20, period: TimeSpan.FromSeconds(30)) { SourceIpDepth = 2 };
    private static readonly EntryPoint Https = new EntryPoint("websecure", 443).AsDefault().WithMiddlewares(Gzip, NoWww).TrustingForwardedHeadersFrom("10.0.0.0/8");
    private static readonly EntryPoint Http = new EntryPoint("web", 80).RedirectingTo(Https);
    private static readonly CertResolver Acme = new("le") { Email = "ops@example.org", CaServer = CertResolver.LetsEncryptStaging, DnsChallengeProvider = "cloudflare", Storage = "/data/acme.json" };

    private static readonly Service Proxy = Emit.Minimal("proxy").WithNetworks(Edge).WithVolume(new Volume("certificates"), "/data");

    private static ComposeStack Stack() => new ComposeStack("demo")
        .WithTraefik(new TraefikProxy(Proxy, Edge).WithEntryPoints(Http, Https).WithCertResolvers(Acme).WithMiddlewares(Office) with { Ping = true, AccessLog = true, LogLevel = "WARN" })
        .WithServices(
            Proxy,
            Emit.Minimal("app").WithNetworks(Edge).WithRouter(new Router("app").WithHost($"app.{Host}").WithEntryPoints(Https).WithTls(Acme).WithMiddlewares(Sso, Limit).WithPort(8080)));

    [Fact]
    public void Static_config()
    {
        Snapshot.Match(Emit.Files(Stack())["traefik.static.yml"]);
    }

    /// <summary>What real stacks configure: a socket proxy, metrics, log files, timeouts, HTTP/3, PROXY protocol, every ACME challenge.</summary>
    private static ComposeStack FullStack()
    {
        var metrics = new EntryPoint("metrics", 8082);
        var https = Https with { Http3 = true, ReadTimeout = TimeSpan.FromMinutes(5), IdleTimeout = TimeSpan.FromMinutes(3), ProxyProtocolTrustedIps = ["10.0.0.5"] };
        var tls = new CertResolver("alpn") { TlsChallenge = true, Storage = "/data/alpn.json" };
        var dns = Acme with { DnsResolvers = ["1.1.1.1:53", "9.9.9.9:53"] };
        var http = new CertResolver("http") { HttpChallengeEntryPoint = Http, Storage = "/data/http.json" };
        var proxy = new TraefikProxy(Proxy, Edge).WithEntryPoints(Http, https, metrics).WithCertResolvers(dns, tls, http) with
        {
            DockerEndpoint = "tcp://socket-proxy:2375",
            PrometheusMetrics = true,
            MetricsEntryPoint = metrics,
            LogFormat = "json",
            LogFilePath = "/var/log/traefik/traefik.log",
            AccessLog = true,
            AccessLogFilePath = "/var/log/traefik/access.log",
            ServersInsecureSkipVerify = true,
            CheckNewVersion = true,
            Dashboard = true,
        };
        return new ComposeStack("demo").WithTraefik(proxy).WithServices(Proxy);
    }

    [Fact]
    public void Static_config_in_full()
    {
        Snapshot.Match(Emit.Files(FullStack())["traefik.static.yml"]);
    }

    [Fact]
    public void Static_config_as_flags_says_what_the_file_says()
    {
        var proxy = new Service("proxy").WithImage("traefik:v3.2.1").WithRestart(RestartPolicy.Always).WithNetworks(Edge).WithVolume(new Volume("certificates"), "/data");
        var full = FullStack();
        var stack = full with { Traefik = full.Traefik! with { Service = proxy } } ;
        stack = stack with { Services = [proxy] };
        var asFlags = stack with { Traefik = stack.Traefik!.WithStaticConfigAsFlags() };

        var files = Emit.Files(asFlags);
        var compose = files["docker-compose.yml"];

        Assert.False(files.ContainsKey("traefik.static.yml"));
        Assert.DoesNotContain(TraefikProxy.DefaultStaticConfigPath, compose, StringComparison.Ordinal);
        var lines = compose.Split('\n');
        var start = Array.IndexOf(lines, "    command:");
        Snapshot.Match(string.Join('\n', lines.Skip(start).TakeWhile((line, i) => i == 0 || line.StartsWith("      - ", StringComparison.Ordinal))) + "\n");

        // Every leaf of the file form is one flag.
        var file = new YamlDotNet.RepresentationModel.YamlStream();
        file.Load(new StringReader(Emit.Files(stack)["traefik.static.yml"]));
        var leaves = Leaves((YamlDotNet.RepresentationModel.YamlMappingNode)file.Documents[0].RootNode, string.Empty).ToList();
        Assert.All(leaves, leaf => Assert.Contains($"--{leaf}", compose, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Leaves(YamlDotNet.RepresentationModel.YamlNode node, string path) => node switch
    {
        YamlDotNet.RepresentationModel.YamlMappingNode { Children.Count: 0 } => [path + "=true"],
        YamlDotNet.RepresentationModel.YamlMappingNode mapping => mapping.Children.SelectMany(c => Leaves(c.Value, path.Length == 0 ? ((YamlDotNet.RepresentationModel.YamlScalarNode)c.Key).Value! : $"{path}.{((YamlDotNet.RepresentationModel.YamlScalarNode)c.Key).Value}")),
        YamlDotNet.RepresentationModel.YamlSequenceNode sequence => [path + "=" + string.Join(',', sequence.Children.Cast<YamlDotNet.RepresentationModel.YamlScalarNode>().Select(s => s.Value))],
        YamlDotNet.RepresentationModel.YamlScalarNode scalar => [path + "=" + scalar.Value],
        _ => [],
    };

    [Fact]
    public void Dynamic_config()
    {
        Snapshot.Match(Emit.Files(Stack())["traefik.dynamic.yml"]);
    }

    [Fact]
    public void The_proxy_mounts_both_files_and_gets_the_variables_its_dynamic_config_reads()
    {
        var compose = Emit.Files(Stack())["docker-compose.yml"];

        Assert.Contains("- ./traefik.static.yml:/etc/traefik/traefik.yml:ro", compose, StringComparison.Ordinal);
        Assert.Contains("- ./traefik.dynamic.yml:/etc/traefik/dynamic.yml:ro", compose, StringComparison.Ordinal);
        Assert.Contains("BASE_HOST: ${BASE_HOST}", compose, StringComparison.Ordinal);
    }

    [Fact]
    public void Literal_braces_in_a_forward_auth_address_are_not_read_as_a_template()
    {
        var odd = new ForwardAuthMiddleware("odd", "http://auth/{{x}}");
        var stack = Stack().WithServices(Emit.Minimal("other").WithNetworks(Edge).WithRouter(new Router("other").WithHost("o.example.org").WithEntryPoints(Https).WithMiddlewares(odd).WithPort(1)));

        Assert.Contains("""address: http://auth/{{ "{{" }}x}}""", Emit.Files(stack)["traefik.dynamic.yml"], StringComparison.Ordinal);
    }

    [Fact]
    public void No_user_text_in_the_dynamic_config_opens_a_template_action()
    {
        var redirect = new RedirectRegexMiddleware("odd-redirect", "^https://{{ .Host }}/(.*)", "https://example.org/{{ env \"HOME\" }}/${1}", permanent: false);
        var allow = new IpAllowListMiddleware("odd-allow", "10.0.0.0/8");
        var glued = new ForwardAuthMiddleware("glued", $"http://auth/{{{new Stack.Dsl.Values.Variable("BASE_HOST")}");
        var stack = Stack().WithServices(Emit.Minimal("other").WithNetworks(Edge).WithRouter(new Router("other").WithHost("o.example.org").WithEntryPoints(Https).WithMiddlewares(redirect, allow, glued).WithPort(1)));

        var dynamic = Emit.Files(stack)["traefik.dynamic.yml"];

        // Every "{{" left in the file opens an action Stack wrote: env lookups or printed braces.
        var actions = System.Text.RegularExpressions.Regex.Matches(dynamic, "{{(.*?)}}").Select(m => m.Groups[1].Value.Trim()).Distinct().Order(StringComparer.Ordinal);
        Assert.All(actions, action => Assert.Matches("^(\"{{\"|\"{\"|env \"BASE_HOST\")$", action));
        Assert.Contains("""address: http://auth/{{ "{" }}{{ env "BASE_HOST" }}""", dynamic, StringComparison.Ordinal);
    }

    [Fact]
    public void A_backtick_in_a_rule_argument_is_refused_where_it_is_written()
    {
        var refused = Assert.Throws<ArgumentException>(() => RouterRule.Host("a.example`) || Host(`evil.example"));

        Assert.Contains("cannot contain a backtick", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_proxy_declaration_only_the_compose_file_and_the_picture_are_written() =>
        Assert.Equal(["STACK.md", "docker-compose.yml"], Emit.Files(new ComposeStack("demo").WithServices(Emit.Minimal())).Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void A_service_on_several_networks_names_the_one_Traefik_uses_in_a_label()
    {
        var back = new Network("back");
        var stack = Stack().WithServices(Emit.Minimal("multi").WithNetworks(back, Edge).WithTraefikNetwork(Edge)
            .WithRouter(new Router("multi").WithHost("m.example.org").WithEntryPoints(Https).WithPort(1)));

        Assert.Contains("traefik.docker.network: demo_edge", Emit.Files(stack)["docker-compose.yml"], StringComparison.Ordinal);
    }
}
