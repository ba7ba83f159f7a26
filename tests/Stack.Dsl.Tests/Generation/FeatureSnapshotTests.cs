using System.Net;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;
using Stack.Testing;

namespace Stack.Dsl.Tests.Generation;

/// <summary>One small stack per feature; each snapshot shows exactly the YAML that feature writes.</summary>
public class FeatureSnapshotTests
{
    private static readonly Variable Host = new("BASE_HOST");

    [Fact]
    public void Healthcheck_forms()
    {
        Snapshot.Match(Emit.Yaml(
            Emit.Minimal("shell").WithHealthcheck(new Healthcheck(HealthcheckTest.Shell("curl -f http://localhost || exit 1"))
            {
                Interval = TimeSpan.FromSeconds(15),
                Timeout = TimeSpan.FromSeconds(5),
                Retries = 3,
                StartPeriod = TimeSpan.FromMinutes(1),
                StartInterval = TimeSpan.FromSeconds(2),
            }),
            Emit.Minimal("exec").WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("/app", "healthcheck", "--port=80"))),
            Emit.Minimal("disabled").WithHealthcheck(Healthcheck.Disabled)));
    }

    [Fact]
    public void Command_and_entrypoint_forms()
    {
        Snapshot.Match(Emit.Yaml(
            Emit.Minimal("exec").WithCommand("--max-age", "7days", "--flag=on").WithEntrypoint("/entry.sh"),
            Emit.Minimal("shell").WithCommand(CommandLine.Shell($"serve --host {Host}")).WithEntrypoint(CommandLine.Shell("sh -c"))));
    }

    [Fact]
    public void Ports_and_expose()
    {
        Snapshot.Match(Emit.Yaml(Emit.Minimal()
            .WithPort(8443, 443)
            .WithPort(53, 53, IPAddress.Loopback, PortProtocol.Udp)
            .WithPort(new PortMapping(PortRange.Between(9000, 9010)) { Published = PortRange.Between(19000, 19010), HostIp = IPAddress.IPv6Loopback })
            .WithPort(new PortMapping(3000))
            .WithExpose(4000, PortRange.Between(5000, 5001))));
    }

    [Fact]
    public void Volumes_and_bind_mounts()
    {
        var data = new Volume("app-data");
        var cache = new Volume("cache") { Driver = "local", DriverOptions = ImmutableSorted(("type", "tmpfs"), ("device", "tmpfs")) };
        var external = new Volume("backups") { External = true, ExternalName = "shared-backups" };
        Snapshot.Match(Emit.Yaml(Emit.Minimal()
            .WithVolume(data, "/var/lib/app")
            .WithVolume(cache, "/cache")
            .WithVolume(external, "/backups", readOnly: true)
            .WithBind(HostPath.InProject("config/app.toml"), "/etc/app.toml", readOnly: true)
            .WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock")
            .WithBind(HostPath.Absolute($"{new Variable("MEDIA_DIR")}/movies"), "/media")
            .WithBind(HostPath.Absolute($"{new Variable("CONF_DIR")}/app"), "/conf", readOnly: true)
            .WithTmpfs("/run")
            .WithTmpfs("/tmp", ByteSize.Megabytes(64))));
    }

    [Fact]
    public void Depends_on_conditions()
    {
        var db = Emit.Minimal("db").WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("probe")));
        var migrate = Emit.Minimal("migrate");
        var cache = Emit.Minimal("cache");
        var app = Emit.Minimal("app")
            .DependsOn(db, DependencyCondition.ServiceHealthy)
            .DependsOn(migrate, DependencyCondition.ServiceCompletedSuccessfully)
            .DependsOn(new Dependency(cache, DependencyCondition.ServiceStarted) { Restart = true, Required = false });
        Snapshot.Match(Emit.Yaml(app, db, migrate, cache));
    }

    [Fact]
    public void Environment_values()
    {
        Snapshot.Match(Emit.Yaml(Emit.Minimal()
            .WithEnvironment("URL", $"https://{Host}/")
            .WithEnvironment("WORKERS", 4)
            .WithEnvironment("ENABLED", "true")
            .WithEnvironment("PRICE", "$5")
            .WithEnvironment("HOME", EnvironmentValue.PassThrough)
            .WithEnvFile(HostPath.InProject("app.env"))));
    }

    [Fact]
    public void Traefik_routers()
    {
        var https = new EntryPoint("websecure", 443);
        var resolver = new CertResolver("letsencrypt");
        var sso = new ForwardAuthMiddleware("sso", "http://authelia:9091/api/verify");
        var limit = new RateLimitMiddleware("limit", 10, 20, TimeSpan.FromSeconds(1));
        var ui = new TraefikService("ui", 8080) { Scheme = "https", PassHostHeader = false }.WithHealthCheck("/healthz", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)).WithStickyCookie("ui_affinity");
        Snapshot.Match(Emit.Yaml(
            Emit.Minimal("single").WithRouter(new Router("single").WithHost($"single.{Host}").WithEntryPoints(https).WithTls(resolver).WithMiddlewares(sso).WithPort(80)),
            Emit.Minimal("multi")
                .WithRouter(new Router("multi-ui").WithHost($"ui.{Host}").WithTls(resolver).WithMiddlewares(sso, limit).WithService(ui))
                .WithRouter(new Router("multi-api").WithRule(RouterRule.Host($"ui.{Host}").And(RouterRule.PathPrefix("/api")).Or(RouterRule.Path("/health"))).WithPort(9000)),
            Emit.Minimal("external").WithRouter(new Router("external").WithHost("x.example.com").WithMiddlewares(new ExternalMiddleware("auth", "docker")).WithPort(1)),
            Emit.Minimal("wildcard")
                .WithRouter(new Router("wildcard").WithHost("a.example.org").WithTls(resolver).WithTlsDomain("example.org", "*.example.org").WithTlsOptions("modern").WithPriority(10).WithPort(80))
                .WithRouter(new Router("stored").WithHost("b.example.org").WithTls().WithService(TraefikService.Noop))));
    }

    [Fact]
    public void Runtime_and_security_options()
    {
        Snapshot.Match(Emit.Yaml(Emit.Minimal()
            .WithContainerName("app")
            .WithHostname("app.internal")
            .WithUser("1000:1000")
            .WithWorkingDir("/srv")
            .WithRestart(RestartPolicy.OnFailureAtMost(5))
            .WithInit()
            .WithReadOnlyRootFilesystem()
            .WithCapDrop("ALL")
            .WithCapAdd("NET_BIND_SERVICE")
            .WithSecurityOpt("no-new-privileges:true")
            .WithStopGracePeriod(TimeSpan.FromSeconds(90))
            .WithPullPolicy(PullPolicy.Always)
            .WithProfiles("debug", "tools")
            .WithExtraHost(new ExtraHost("host.docker.internal", ExtraHost.HostGateway))
            .WithExtraHost(ExtraHost.For("db6", IPAddress.Parse("2001:db8::1")))
            .WithLogging(Logging.JsonFile(ByteSize.Megabytes(10), 3))
            .WithResourceLimits(new ResourceLimits { Cpus = 1.5m, Memory = ByteSize.Gigabytes(1), Pids = 200 })
            .WithResourceReservations(new ResourceLimits { Memory = ByteSize.Megabytes(256) })));
    }

    [Fact]
    public void Networks_and_network_mode()
    {
        var front = new Network("front");
        var back = new Network("back") { Internal = true, Driver = "bridge", Labels = ImmutableSorted(("tier", "back")) };
        var shared = new Network("shared") { External = true, ExternalName = "proxy" };
        var app = Emit.Minimal("app")
            .WithNetworks(front)
            .WithNetwork(new NetworkAttachment(back) { Aliases = ["api", "api.internal"] })

            // A static address needs a subnet; Stack declares none, so it goes on an external network (STK0217).
            .WithNetwork(new NetworkAttachment(shared) { Ipv4Address = IPAddress.Parse("172.20.0.5") });
        var sidecar = Emit.Minimal("sidecar").WithNetworkMode(NetworkMode.OfService(app));
        var host = Emit.Minimal("host").WithNetworkMode(NetworkMode.Host);
        Snapshot.Match(Emit.Yaml(app, sidecar, host));
    }

    [Fact]
    public void Secrets_and_configs()
    {
        var dbPassword = Secret.FromFile("db_password", HostPath.InProject("secrets/db_password.txt"));
        var apiKey = Secret.FromEnvironment("api_key", new Variable("API_KEY"));
        var certs = Secret.FromExternal("certs");
        var nginx = Config.FromFile("nginx", HostPath.InProject("nginx.conf"));
        var motd = Config.FromContent("motd", $"Welcome to {Host}\n");
        var shared = Config.FromExternal("shared");
        var app = Emit.Minimal()
            .WithSecret(dbPassword)
            .WithSecret(apiKey, target: "api-key", uid: "1000", gid: "1000", mode: Convert.ToInt32("440", 8))
            .WithConfig(nginx, "/etc/nginx/nginx.conf")
            .WithConfig(motd)
            .WithConfig(shared, "/etc/shared.conf", mode: Convert.ToInt32("444", 8));
        Snapshot.Match(Emit.Yaml(new ComposeStack("test").WithServices(app).WithSecrets(dbPassword, apiKey, certs).WithConfigs(nginx, motd, shared)));
    }

    [Fact]
    public void Escape_hatch_fields_and_extensions()
    {
        var app = Emit.Minimal()
            .WithField("blkio_config", YamlValue.Mapping(new YamlEntry("weight", 300)))
            .WithField("cpu_rt_runtime", 95000)
            .WithField("x-owner", $"team@{Host}")
            .WithField("pull_refresh_after", "daily");
        Snapshot.Match(Emit.Yaml(new ComposeStack("test").WithServices(app)
            .WithExtension("x-defaults", YamlValue.Sequence("no", "0755", 22))
            .WithNetworks(new Network("unused").WithField("x-purpose", "spare capacity"))
            .WithVolumes(new Volume("spare").WithField("x-purpose", "scratch"))));
    }

    [Fact]
    public void Escape_hatch_refuses_a_modeled_field()
    {
        var error = Assert.Throws<ArgumentException>(() => Emit.Minimal().WithField("restart", "always"));

        Assert.Contains("'restart' is modeled by the DSL", error.Message, StringComparison.Ordinal);
    }

    private static System.Collections.Immutable.ImmutableSortedDictionary<string, ComposeString> ImmutableSorted(params (string Key, string Value)[] entries) =>
        System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, entries.Select(e => new KeyValuePair<string, ComposeString>(e.Key, e.Value)));
}
