using System.Collections.Immutable;
using System.Net;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Dsl.Validation;
using Stack.Dsl.Values;
using Stack.Dsl.Yaml;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// The text inventory (STK0215's one list) is complete by construction: every string-bearing
/// member of every public model type (<see cref="TextMembers"/>, found by reflection) has a row
/// here, and the row proves the member is checked: a field of the hostile-text corpus
/// (<see cref="HostileTextTests.Fields"/>), a kind of the hostile-name corpus
/// (<see cref="HostileNameTests.Kinds"/>), a setter this test runs (a line break or NUL in it is
/// refused, the same place with a harmless value is not), or the reason it is written nowhere.
/// A new text member without a row fails the first test.
/// </summary>
public sealed class TextInventoryCompletenessTests
{
    private abstract record Cover;

    private sealed record InHostileText(string Field) : Cover;

    private sealed record InHostileNames(string Kind) : Cover;

    /// <param name="Build">The stack with the value in the member.</param>
    /// <param name="Multiline">Free text (a block scalar, a file's content): a line break is allowed there, NUL is not.</param>
    private sealed record Set(Func<string, ComposeStack> Build, bool Multiline = false) : Cover;

    /// <summary>A valid value for the harmless baseline; the valid value with the hostile one inside otherwise (for members with a grammar of their own).</summary>
    private static string Or(string valid, string v) => v == "harmless" ? valid : valid + v;

    private sealed record NotWritten(string Why) : Cover;

    private static readonly Network Net = new("n");
    private static readonly EntryPoint Web = new("web", 80);

    private static Service Safe(string name = "app") => new Service(name).WithImage("example/app:1.0").WithRestart(RestartPolicy.No).WithNetworks(Net);

    private static ComposeStack Stack(Service service) => new ComposeStack("texts").WithServices(service);

    private static Router Routed(string name = "app") => new Router(name).WithEntryPoints(Web).WithPublicAccess("a test").WithHost("a.example.org").WithPort(80);

    private static ComposeStack Proxied(Func<TraefikProxy, TraefikProxy> change, Service? app = null)
    {
        var traefik = Safe("traefik").WithImage("traefik:v3.3").WithVolume(new Volume("acme").WithBackup(VolumeBackup.Files()), "/letsencrypt");
        return new ComposeStack("texts").WithServices(traefik, app ?? Safe()).WithTraefik(change(new TraefikProxy(traefik, Net) { EntryPoints = [Web] }));
    }

    private static ComposeStack WithMiddleware(Middleware middleware) => Proxied(p => p, Safe().WithRouter(Routed().WithMiddlewares(middleware)));

    private static ComposeStack Built(Func<BuildSpec, BuildSpec> change) => Stack(Safe().WithBuild(change(new BuildSpec(HostPath.InProject("app")))));

    private static ComposeStack BackedUp(Func<BackupPlan, BackupPlan> change)
    {
        var data = new Volume("data").WithBackup(VolumeBackup.Files());
        var plan = change(new BackupPlan(Safe("backup")));
        var runner = Safe("backup").WithImage("mazzolino/restic:1.7.2").WithBind(HostPath.Absolute("/var/lib/docker/volumes"), plan.VolumesPath, readOnly: true);
        return new ComposeStack("texts").WithServices(runner, Safe().WithVolume(data, "/data")).WithBackups(plan with { Runner = runner });
    }

    private static ComposeStack Resolved(Func<CertResolver, CertResolver> change)
    {
        var resolver = change(new CertResolver("le") { Email = "admin@example.org" });
        return Proxied(p => p with { CertResolvers = [resolver] }, Safe().WithRouter(Routed().WithTls(resolver)));
    }

    private static ImmutableSortedDictionary<string, ComposeString> Map(string key, ComposeString value) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, ComposeString>(key, value)]);

    private static ComposeStack WithVolumeDeclared(Volume volume) => Stack(Safe().WithVolume(volume.WithBackup(VolumeBackup.Files()), "/data"));

    private static readonly Dictionary<string, Cover> Rows = new()
    {
        ["AbsoluteHostPath.Path"] = new InHostileText("bind source"),
        ["AcceptedRisk.Reason"] = new NotWritten("kept in the model for the security rules; no file holds it"),
        ["AcceptedRisk.Subject"] = new NotWritten("kept in the model for the security rules; no file holds it"),
        ["AcceptedSwarmDifference.Reason"] = new NotWritten("kept in the model for the Swarm rules; no file holds it"),
        ["AddPrefixMiddleware.Prefix"] = new Set(v => WithMiddleware(new AddPrefixMiddleware("prefix", "/p" + v))),
        ["BackupCommand.Command"] = new InHostileText("backup prepare command"),
        ["BackupPlan.ExcludePatterns"] = new InHostileText("exclude pattern"),
        ["BackupPlan.ExcludesFile"] = new Set(v => BackedUp(p => p with { ExcludesFile = "/etc/restic/" + v })),
        ["BackupPlan.PreCommandsVariable"] = new Set(v => BackedUp(p => p with { PreCommandsVariable = "PRE_" + v })),
        ["BackupPlan.VolumesPath"] = new Set(v => BackedUp(p => p with { VolumesPath = "/docker/" + v })),
        ["BackupPlan.WaitForTool"] = new Set(v => BackedUp(p => p with { WaitForTool = "wait-" + v })),
        ["BasicAuthMiddleware.HeaderField"] = new Set(v => WithMiddleware(new BasicAuthMiddleware("basic", Secret.FromFile("users", HostPath.Absolute("/srv/users"))) { HeaderField = "X-" + v }).WithSecrets(Secret.FromFile("users", HostPath.Absolute("/srv/users")))),
        ["BasicAuthMiddleware.Realm"] = new InHostileText("basic-auth realm"),
        ["BuildSpec.AdditionalContexts"] = new Set(v => Built(b => b with { AdditionalContexts = Map("base", "docker-image://" + v) })),
        ["BuildSpec.Args"] = new InHostileText("build arg"),
        ["BuildSpec.CacheFrom"] = new InHostileText("build cache"),
        ["BuildSpec.CacheTo"] = new Set(v => Built(b => b with { CacheTo = ["type=local,dest=/" + v] })),
        ["BuildSpec.Dockerfile"] = new Set(v => Built(b => b with { Dockerfile = "Dockerfile." + v })),
        ["BuildSpec.DockerfileInline"] = new InHostileText("build inline dockerfile"),
        ["BuildSpec.ExtraFields"] = new Set(v => Built(b => b with { ExtraFields = b.ExtraFields.SetItem("x-note", YamlValue.Text(v)) }), Multiline: true),
        ["BuildSpec.Labels"] = new Set(v => Built(b => b with { Labels = Map("team", v) })),
        ["BuildSpec.Network"] = new Set(v => Built(b => b with { Network = "net" + v })),
        ["BuildSpec.Platforms"] = new Set(v => Built(b => b with { Platforms = ["linux/" + v] })),
        ["BuildSpec.Ssh"] = new Set(v => Built(b => b with { Ssh = ["default" + v] })),
        ["BuildSpec.Tags"] = new InHostileText("build tag"),
        ["BuildSpec.Target"] = new Set(v => Built(b => b with { Target = "prod" + v })),
        ["CertResolver.CaServer"] = new Set(v => Resolved(r => r with { CaServer = "https://acme.example.org/" + v })),
        ["CertResolver.DnsChallengeProvider"] = new Set(v => Resolved(r => r with { DnsChallengeProvider = "cloudflare" + v })),
        ["CertResolver.DnsResolvers"] = new Set(v => Resolved(r => r with { DnsChallengeProvider = "cloudflare", DnsResolvers = ["1.1.1.1:53" + v] })),
        ["CertResolver.Email"] = new Set(v => Resolved(r => r with { Email = v + "@example.org" })),
        ["CertResolver.Name"] = new InHostileNames("certificate resolver"),
        ["CertResolver.Storage"] = new Set(v => Resolved(r => r with { Storage = "/letsencrypt/" + v + ".json" })),
        ["ComposeResource.Driver"] = new Set(v => WithVolumeDeclared(new Volume("data").WithDriver("local" + v))),
        ["ComposeResource.DriverOptions"] = new InHostileText("volume driver option"),
        ["ComposeResource.ExternalName"] = new InHostileText("network real name"),
        ["ComposeResource.ExtraFields"] = new InHostileText("volume escape hatch"),
        ["ComposeResource.Labels"] = new InHostileText("network label"),
        ["ComposeResource.Name"] = new InHostileNames("network"),
        ["ComposeStack.Extensions"] = new InHostileText("stack extension"),
        ["ComposeStack.Name"] = new InHostileNames("project"),
        ["Config.Content"] = new Set(v => Stack(Safe()).WithConfigs(Config.FromContent("conf", "a: " + v)), Multiline: true),
        ["Config.ExtraFields"] = new Set(v => Stack(Safe()).WithConfigs(Config.FromContent("conf", "a").WithField("x-note", YamlValue.Text(v))), Multiline: true),
        ["Config.Labels"] = new Set(v => Stack(Safe()).WithConfigs(Config.FromContent("conf", "a").WithLabel("team", v))),
        ["Config.Name"] = new InHostileNames("config"),
        ["Config.RealName"] = new Set(v => Stack(Safe()).WithConfigs(Config.FromContent("conf", "a").WithRealName("real" + v))),
        ["Dependency.Reason"] = new NotWritten("why a dependency is not waited on, read by the checklist; no file holds it"),
        ["Deployment.Labels"] = new InHostileText("deploy label"),
        ["DeviceMapping.ContainerPath"] = new Set(v => Stack(Safe().WithDevice(new DeviceMapping("/dev/dri") { ContainerPath = "/dev/" + v }))),
        ["DeviceMapping.HostPath"] = new InHostileText("device"),
        ["DeviceMapping.Permissions"] = new InHostileText("device permissions"),
        ["DeviceRequest.Capabilities"] = new Set(v => Stack(Safe().WithDeviceRequest(new DeviceRequest(["gpu" + v])))),
        ["DeviceRequest.DeviceIds"] = new Set(v => Stack(Safe().WithDeviceRequest(DeviceRequest.Gpus() with { DeviceIds = ["0" + v] }))),
        ["DeviceRequest.Driver"] = new InHostileText("device request driver"),
        ["DeviceRequest.Options"] = new Set(v => Stack(Safe().WithDeviceRequest(DeviceRequest.Gpus(1) with { Options = Map("o", v) }))),
        ["DumpBackup.Restore"] = new InHostileText("restore command"),
        ["EntryPoint.Name"] = new InHostileNames("entrypoint"),
        ["EntryPoint.ProxyProtocolTrustedIps"] = new Set(v => Proxied(p => p with { EntryPoints = [Web with { ProxyProtocolTrustedIps = ["10.0.0.0/8" + v] }] })),
        ["EntryPoint.TrustedForwarders"] = new Set(v => Proxied(p => p with { EntryPoints = [Web.TrustingForwardedHeadersFrom("10.0.0.0/8" + v)] })),
        ["ErrorsMiddleware.Query"] = new Set(v => WithMiddleware(new ErrorsMiddleware("errors", ["500"], new TraefikService("app", 80), "/{status}.html" + v))),
        ["ErrorsMiddleware.Status"] = new Set(v => WithMiddleware(new ErrorsMiddleware("errors", ["500" + v], new TraefikService("app", 80), "/{status}.html"))),
        ["ExecCommandLine.Arguments"] = new InHostileText("command argument"),
        ["ExecHealthcheckTest.Arguments"] = new InHostileText("exec healthcheck"),
        ["ExtraHost.Address"] = new Set(v => Stack(Safe().WithExtraHost(new ExtraHost("h", Or("10.0.0.1", v))))),
        ["ExtraHost.HostName"] = new InHostileText("extra host name"),
        ["FileGrant.Gid"] = new Set(v => Stack(Safe() with { Secrets = [new FileGrant("s") { Gid = "1" + v }] }).WithSecrets(Secret.FromFile("s", HostPath.Absolute("/srv/s")))),
        ["FileGrant.Name"] = new NotWritten("the name of a declared secret or config, checked there (STK0201) and matched to it (STK0203)"),
        ["FileGrant.Target"] = new Set(v => Stack(Safe() with { Secrets = [new FileGrant("s") { Target = "/run/" + v }] }).WithSecrets(Secret.FromFile("s", HostPath.Absolute("/srv/s")))),
        ["FileGrant.Uid"] = new Set(v => Stack(Safe() with { Secrets = [new FileGrant("s") { Uid = "1" + v }] }).WithSecrets(Secret.FromFile("s", HostPath.Absolute("/srv/s")))),
        ["ForwardAuthMiddleware.Address"] = new InHostileText("forward-auth address"),
        ["ForwardAuthMiddleware.AuthRequestHeaders"] = new Set(v => WithMiddleware(new ForwardAuthMiddleware("auth", "http://auth:9091/") { AuthRequestHeaders = ["X-" + v] })),
        ["ForwardAuthMiddleware.AuthResponseHeaders"] = new Set(v => WithMiddleware(new ForwardAuthMiddleware("auth", "http://auth:9091/") { AuthResponseHeaders = ["X-" + v] })),
        ["HeadersMiddleware.AccessControlAllowHeaders"] = new Set(v => WithMiddleware(new HeadersMiddleware("h") { AccessControlAllowHeaders = ["X-" + v] })),
        ["HeadersMiddleware.AccessControlAllowMethods"] = new Set(v => WithMiddleware(new HeadersMiddleware("h") { AccessControlAllowMethods = ["GET" + v] })),
        ["HeadersMiddleware.AccessControlAllowOriginList"] = new Set(v => WithMiddleware(new HeadersMiddleware("h") { AccessControlAllowOriginList = ["https://a.example.org/" + v] })),
        ["HeadersMiddleware.ContentSecurityPolicy"] = new InHostileText("header value"),
        ["HeadersMiddleware.CustomFrameOptionsValue"] = new Set(v => WithMiddleware(new HeadersMiddleware("h") { CustomFrameOptionsValue = "SAMEORIGIN" + v })),
        ["HeadersMiddleware.CustomRequestHeaders"] = new Set(v => WithMiddleware(new HeadersMiddleware("h") { CustomRequestHeaders = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("X-A", v)]) })),
        ["HeadersMiddleware.CustomResponseHeaders"] = new InHostileText("header name"),
        ["HeadersMiddleware.PermissionsPolicy"] = new Set(v => WithMiddleware(new HeadersMiddleware("h") { PermissionsPolicy = "camera=()" + v })),
        ["HeadersMiddleware.ReferrerPolicy"] = new InHostileText("docker-label header value"),
        ["HomeHostPath.RelativePath"] = new InHostileText("home path"),
        ["IpAllowListMiddleware.SourceRanges"] = new InHostileText("allow-list range"),
        ["IpamPool.AuxAddresses"] = new Set(v => Stack((Safe() with { Networks = [] }).WithNetworks(new Network("n").WithIpam(new NetworkIpam { Pools = [new IpamPool(IPNetwork.Parse("10.9.0.0/24")) { AuxAddresses = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("host" + v, IPAddress.Parse("10.9.0.5"))]) }] })))),
        ["Logging.Driver"] = new Set(v => Stack(Safe().WithLogging(new Logging("json-" + v)))),
        ["Logging.Options"] = new InHostileText("logging option"),
        ["Middleware.Name"] = new InHostileNames("extra middleware"),
        ["Middleware.Provider"] = new InHostileText("external middleware provider"),
        ["Middleware.Reference"] = new NotWritten("computed: Name@Provider, both checked"),
        ["Mount.Target"] = new InHostileText("bind target"),
        ["Mount.TargetText"] = new InHostileText("bind target"), // Target as written, or a Variable's reference (its name is checked as a variable's)
        ["NamedNetworkMode.Value"] = new Set(v => Stack((Safe() with { Networks = [] }).WithNetworkMode(new NamedNetworkMode("bridge" + v)))),
        ["NamespaceMode.Value"] = new NotWritten("built only by NamespaceMode's own factories: a fixed word or service:NAME of a checked service"),
        ["NetworkAttachment.Aliases"] = new InHostileText("network alias"),
        ["NetworkIpam.Driver"] = new Set(v => Stack((Safe() with { Networks = [] }).WithNetworks(new Network("n").WithIpam(new NetworkIpam { Driver = "default" + v })))),
        ["NetworkIpam.Options"] = new InHostileText("network ipam option"),
        ["NetworkMode.Value"] = new Set(v => Stack((Safe() with { Networks = [] }).WithNetworkMode(NetworkMode.OfContainer("other" + v)))),
        ["NoBackup.Reason"] = new InHostileText("reason for no backup"),
        ["OutputHostPath.FileName"] = new InHostileText("output file"),
        ["Placement.Constraints"] = new InHostileText("placement constraint"),
        ["Placement.SpreadOver"] = new Set(v => Stack(Safe().WithDeployment(new Deployment { Placement = new Placement { SpreadOver = ["node.labels.zone" + v] } }))),
        ["PortMapping.AppProtocol"] = new Set(v => Stack(Safe().WithPort(new PortMapping(80) { Published = 8080, HostIp = IPAddress.Loopback, AppProtocol = "http" + v }))),
        ["PortMapping.Name"] = new InHostileText("port name"),
        ["ProjectHostPath.RelativePath"] = new InHostileText("project file"),
        ["RedirectRegexMiddleware.Regex"] = new InHostileText("redirect regex"),
        ["RedirectRegexMiddleware.Replacement"] = new InHostileText("redirect replacement"),
        ["RedirectSchemeMiddleware.Scheme"] = new InHostileText("docker-label redirect-scheme scheme"),
        ["RestartPolicy.Value"] = new NotWritten("built only by RestartPolicy's own fixed values"),
        ["RestartPolicy.Compose"] = new NotWritten("Value (fixed values) or a Variable's reference, whose name the variable rules check"),
        ["Router.DefaultEntryPointsReason"] = new NotWritten("why a router listens on every entrypoint, read by STK0404; no file holds it"),
        ["Router.Name"] = new InHostileNames("router"),
        ["Router.PublicAccessReason"] = new Set(v => Stack(Safe().WithRouter(new Router("app").WithEntryPoints(Web).WithHost("a.example.org").WithPort(80).WithPublicAccess("public " + v))), Multiline: true),
        ["Router.TlsOptions"] = new InHostileText("router TLS options"),
        ["RouterRule.Expression"] = new InHostileText("router host"),
        ["Secret.ExtraFields"] = new Set(v => Stack(Safe()).WithSecrets(Secret.FromFile("s", HostPath.Absolute("/srv/s")).WithField("x-note", YamlValue.Text(v))), Multiline: true),
        ["Secret.Labels"] = new Set(v => Stack(Safe()).WithSecrets(Secret.FromFile("s", HostPath.Absolute("/srv/s")).WithLabel("team", v))),
        ["Secret.Name"] = new InHostileNames("secret"),
        ["Secret.RealName"] = new Set(v => Stack(Safe()).WithSecrets(Secret.FromFile("s", HostPath.Absolute("/srv/s")).WithRealName("real" + v))),
        ["Service.Annotations"] = new Set(v => Stack(Safe() with { Annotations = Map("team", v) })),
        ["Service.CapAdd"] = new InHostileText("capability"),
        ["Service.CapDrop"] = new Set(v => Stack(Safe().WithCapDrop("NET_RAW" + v))),
        ["Service.CgroupParent"] = new Set(v => Stack(Safe().WithCgroupParent("parent" + v))),
        ["Service.ContainerName"] = new InHostileText("container name"),
        ["Service.Cpuset"] = new Set(v => Stack(Safe().WithCpuset("0-1" + v))),
        ["Service.DeviceCgroupRules"] = new InHostileText("device cgroup rule"),
        ["Service.DnsOptions"] = new InHostileText("dns option"),
        ["Service.DnsSearch"] = new InHostileText("dns search"),
        ["Service.DomainName"] = new InHostileText("domain name"),
        ["Service.Environment"] = new InHostileText("environment value"),
        ["Service.ExtraFields"] = new InHostileText("escape-hatch value"),
        ["Service.GroupAdd"] = new InHostileText("group"),
        ["Service.Hostname"] = new InHostileText("hostname"),
        ["Service.Image"] = new InHostileText("image"),
        ["Service.Labels"] = new InHostileText("label value"),
        ["Service.MacAddress"] = new Set(v => Stack(Safe().WithMacAddress(Or("02:42:ac:11:00:02", v)))),
        ["Service.Name"] = new InHostileNames("service"),
        ["Service.Platform"] = new InHostileText("platform"),
        ["Service.Profiles"] = new InHostileText("profile"),
        ["Service.Runtime"] = new InHostileText("runtime"),
        ["Service.SecurityOpt"] = new InHostileText("security_opt"),
        ["Service.StopSignal"] = new InHostileText("stop signal"),
        ["Service.StorageOptions"] = new InHostileText("storage option"),
        ["Service.Sysctls"] = new InHostileText("sysctl value"),
        ["Service.Ulimits"] = new InHostileText("ulimit name"),
        ["Service.User"] = new InHostileText("user"),
        ["Service.WorkingDir"] = new InHostileText("working_dir"),
        ["ServiceNetworkMode.Value"] = new NotWritten("computed: service:NAME of a service whose name is checked"),
        ["ShellCommandLine.Command"] = new InHostileText("shell command"),
        ["ShellHealthcheckTest.Command"] = new InHostileText("healthcheck"),
        ["SourceLocation.FilePath"] = new NotWritten("where the C# line is, for messages; no file holds it"),
        ["StackEnvironment.Name"] = new InHostileNames("environment"),
        ["StackEnvironment.OverrideFileName"] = new NotWritten("computed: dc.NAME.yml of a checked name"),
        ["StripPrefixMiddleware.Prefixes"] = new InHostileText("strip prefix"),
        ["TcpRouter.HostSni"] = new Set(v => Stack(Safe().WithTcpRouter(new TcpRouter("db", 5432).ForHost("db.example.org" + v).WithTlsPassthrough()))),
        ["TcpRouter.Name"] = new Set(v => Stack(Safe().WithTcpRouter(new TcpRouter("db" + v, 5432)))),
        ["TcpRouter.Rule"] = new NotWritten("computed: HostSNI(`HostSni`), HostSni checked"),
        ["TextEnvironmentValue.Value"] = new InHostileText("environment value"),
        ["TlsDomain.Main"] = new Set(v => Stack(Safe().WithRouter(Routed().WithTlsDomain("example.org" + v, "a.example.org")))),
        ["TlsDomain.Sans"] = new InHostileText("router TLS domain"),
        ["Tmpfs.Target"] = new InHostileText("tmpfs"),
        ["Tmpfs.Options"] = new InHostileText("tmpfs option"),
        ["TraefikProxy.AccessLogFilePath"] = new Set(v => Proxied(p => p with { AccessLogFilePath = "/var/log/" + v })),
        ["TraefikProxy.DockerEndpoint"] = new Set(v => Proxied(p => p with { DockerEndpoint = "tcp://socket-proxy:2375/" + v })),
        ["TraefikProxy.DynamicConfigPath"] = new Set(v => Proxied(p => p with { DynamicConfigPath = "/etc/traefik/" + v + ".yml" })),
        ["TraefikProxy.LogFilePath"] = new Set(v => Proxied(p => p with { LogFilePath = "/var/log/" + v })),
        ["TraefikProxy.LogFormat"] = new Set(v => Proxied(p => p with { LogFormat = "common" + v })),
        ["TraefikProxy.LogLevel"] = new Set(v => Proxied(p => p with { LogLevel = "INFO" + v })),
        ["TraefikProxy.StaticConfigPath"] = new Set(v => Proxied(p => p with { StaticConfigPath = "/etc/traefik/" + v + ".yml" })),
        ["TraefikService.HealthCheckPath"] = new Set(v => Stack(Safe().WithRouter(Routed().WithService(new TraefikService("app", 80).WithHealthCheck("/health" + v))))),
        ["TraefikService.Name"] = new Set(v => Stack(Safe().WithRouter(Routed().WithService(new TraefikService("svc" + v, 80))))),
        ["TraefikService.Provider"] = new NotWritten("set only by TraefikService's own factories (file, internal)"),
        ["TraefikService.Reference"] = new NotWritten("computed: Name@Provider, both checked"),
        ["TraefikService.Scheme"] = new Set(v => Stack(Safe().WithRouter(Routed().WithService(new TraefikService("app", 80) { Scheme = "http" + v })))),
        ["TraefikService.StickyCookie"] = new Set(v => Stack(Safe().WithRouter(Routed().WithService(new TraefikService("app", 80).WithStickyCookie("c" + v))))),
        ["TraefikService.Urls"] = new Set(v => Proxied(p => p, Safe().WithRouter(Routed().WithService(TraefikService.Servers("lb", "http://10.0.0.2:80/" + v))))),
        ["UdpRouter.Name"] = new Set(v => Stack(Safe().WithUdpRouter(new UdpRouter("dns" + v, 53)))),
        ["VariableHostPath.RelativePath"] = new Set(v => Stack(Safe().WithBind(HostPath.FromVariable(new Variable("DATA", "d"), "sub" + v), "/data")).WithVariables(new Variable("DATA", "d"))),
        ["VolumeMount.Subpath"] = new InHostileText("volume subpath"),
    };

    [Fact]
    public void Every_text_member_of_the_model_has_a_row()
    {
        var members = TextMembers.All().ToList();
        Assert.Empty(members.Except(Rows.Keys, StringComparer.Ordinal).Select(m => $"{m} has no row: add it to TextInventory and a row here"));
        Assert.Empty(Rows.Keys.Except(members, StringComparer.Ordinal).Select(m => $"{m} is no text member of the model: remove its row"));
    }

    [Fact]
    public void Every_row_names_a_case_of_a_hostile_corpus()
    {
        Assert.All(Rows.Values.OfType<InHostileText>(), row => Assert.True(HostileTextTests.Fields.ContainsKey(row.Field), $"no hostile-text field '{row.Field}'"));
        Assert.All(Rows.Values.OfType<InHostileNames>(), row => Assert.True(HostileNameTests.Kinds.ContainsKey(row.Kind), $"no hostile-name kind '{row.Kind}'"));
    }

    public static TheoryData<string> Setters() => [.. Rows.Where(r => r.Value is Set).Select(r => r.Key)];

    [Theory]
    [MemberData(nameof(Setters))]
    public void A_line_break_or_NUL_in_the_member_is_refused_and_a_harmless_value_is_not(string member)
    {
        var build = ((Set)Rows[member]).Build;
        var baseline = StackValidator.Validate(build("harmless")).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(baseline.Count == 0, $"{member} with a harmless value: {string.Join(" | ", baseline.Select(d => d.Id + " " + d.Message))}");

        foreach (var hostile in ((Set)Rows[member]).Multiline ? new[] { "harm\0less" } : ["harm\nless", "harm\0less"])
        {
            IReadOnlyList<StackDiagnostic> found;
            try
            {
                found = StackValidator.Validate(build(hostile));
            }
            catch (ArgumentException)
            {
                continue;
            }

            Assert.True(found.Any(d => d.Severity == DiagnosticSeverity.Error), $"{member} holding {TextRulesVisible(hostile)} was taken");
        }
    }

    private static string TextRulesVisible(string value) => value.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
}
