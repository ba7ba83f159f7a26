using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;
using YamlDotNet.RepresentationModel;

namespace Stack.Dsl.Tests.Validation;

/// <summary>
/// Every string field, given what an attacker would type (line breaks, NUL, <c>${</c>, <c>{{</c>,
/// backticks, <c>:</c>, <c>,</c>, <c>..</c>, unpaired surrogates): the definition is either
/// refused with an STK error (a DSL argument error is STK0200), or written with exactly the
/// structure the same field with a harmless value gives: the same YAML keys and list lengths in
/// every YAML file, the same number of lines in every line-based file, and the value readable back.
/// </summary>
public sealed class HostileTextTests
{
    private static readonly Network Net = new("n");
    private static readonly EntryPoint Web = new("web", 80);

    /// <summary>The value every field takes for the baseline; distinctive, so it stands out in keys.</summary>
    internal const string Harmless = "harmless";

    /// <summary>The hostile value at <paramref name="index"/> (the Swarm variant shares them).</summary>
    internal static string HostileValue(int index) => Hostile[index];

    private static readonly string[] Hostile =
    [
        "\n", "\nprivileged: true", "\r\nkey: value", "\0", "\ud800", "\u2028", "${HOME}", "$$", "{{ env \"HOME\" }}", "{",
        "`) || Host(`evil.example", ":ro", ",exec", "/../..", " #comment", "'\"", "- item",
    ];

    /// <summary>Each field, set from a value; the stack around it is valid with a harmless value.</summary>
    internal static readonly Dictionary<string, Func<string, ComposeStack>> Fields = new()
    {
        ["environment value"] = v => Stack(Safe().WithEnvironment("A", v)),
        ["environment key"] = v => Stack(Safe().WithEnvironment("A" + v, "x")),
        ["label value"] = v => Stack(Safe().WithLabel("x.a", v)),
        ["label key"] = v => Stack(Safe().WithLabel("x.a" + v, "1")),
        ["command argument"] = v => Stack(Safe().WithCommand("run", v)),
        ["shell command"] = v => Stack(Safe().WithCommand(CommandLine.Shell("echo " + v))),
        ["entrypoint argument"] = v => Stack(Safe().WithEntrypoint("/bin/run", v)),
        ["healthcheck"] = v => Stack(Safe().WithHealthcheck(new Healthcheck(HealthcheckTest.Shell("true " + v)))),
        ["exec healthcheck"] = v => Stack(Safe().WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("check", v)))),
        ["hostname"] = v => Stack(Safe().WithHostname("h" + v)),
        ["user"] = v => Stack(Safe().WithUser("u" + v)),
        ["working_dir"] = v => Stack(Safe().WithWorkingDir("/w" + v)),
        ["image"] = v => Stack(Safe().WithImage("example/app:1.0" + v)),
        ["container name"] = v => Stack(Safe().WithContainerName("c-" + v)),
        ["bind target"] = v => Stack(Safe().WithBind(HostPath.Absolute("/srv"), "/data" + v)),
        ["bind source"] = v => Stack(Safe().WithBind(HostPath.Absolute("/srv" + v), "/data")),
        ["project file"] = v => Stack(Safe().WithBind(HostPath.InProject("conf" + v), "/conf")),
        ["output file"] = v => Stack(Safe().WithBind(HostPath.InOutput("out" + v), "/out")),
        ["volume target"] = v => Stack(Safe().WithVolume(new Volume("data").WithBackup(VolumeBackup.Files()), "/data" + v)),
        ["tmpfs"] = v => Stack(Safe().WithTmpfs("/tmp" + v)),
        ["tmpfs option"] = v => Stack(Safe().WithTmpfs(new Tmpfs("/tmp") { Options = ["nosuid" + v] })),
        ["capability"] = v => Stack(Safe().WithCapAdd("CHOWN" + v)),
        ["security_opt"] = v => Stack(Safe().WithSecurityOpt("no-new-privileges:true" + v)),
        ["profile"] = v => Stack(Safe().WithProfiles("p" + v)),
        ["extra host name"] = v => Stack(Safe().WithExtraHost(new ExtraHost("h" + v, "10.0.0.1"))),
        ["network alias"] = v => Stack((Safe() with { Networks = [] }).WithNetwork(new NetworkAttachment(Net) { Aliases = ["a" + v] })),
        ["logging option"] = v => Stack(Safe().WithLogging(new Logging("json-file").WithOption("tag", "t" + v))),
        ["escape-hatch value"] = v => Stack(Safe().WithField("x-note", v)),
        ["escape-hatch key"] = v => Stack(Safe().WithField("x-a" + v, "1")),
        ["stack extension"] = v => Stack(Safe()).WithExtension("x-note", v),
        ["variable description"] = v => WithVariable(new Variable("V", "d" + v)),
        ["variable compose default"] = v => WithVariable(new Variable("V", "d"), new Variable("V", "d").OrDefault("d" + v)),
        ["variable required message"] = v => WithVariable(new Variable("V", "d"), new Variable("V", "d").Required("set V" + v)),
        ["variable default"] = v => WithVariable(new Variable("V", "d") { Default = "d" + v }),
        ["router host"] = v => Stack(Safe().WithRouter(Routed().WithHost("a" + v + ".example"))),
        ["router path"] = v => Stack(Safe().WithRouter(Routed().WithRule(RouterRule.PathPrefix("/p" + v)))),
        ["backup prepare command"] = v => Backed(VolumeBackup.Files(prepare: "sync" + v)),
        ["backup dump command"] = v => Backed(VolumeBackup.ThroughDump("dump" + v, "restore", new Volume("dump").WithBackup(VolumeBackup.Files()))),
        ["restore command"] = v => Backed(VolumeBackup.ThroughDump("dump", "restore" + v, new Volume("dump").WithBackup(VolumeBackup.Files()))),
        ["reason for no backup"] = v => Backed(VolumeBackup.Never("r" + v)),
        ["exclude pattern"] = v => Backed(VolumeBackup.Files(), plan => plan.Excluding("*.tmp" + v)),
        ["redirect regex"] = v => Proxied(new RedirectRegexMiddleware("redirect", "^/old" + v, "/new", permanent: false)),
        ["redirect replacement"] = v => Proxied(new RedirectRegexMiddleware("redirect", "^/old", "/new" + v, permanent: false)),
        ["forward-auth address"] = v => Proxied(new ForwardAuthMiddleware("auth", "http://auth:9091/" + v)),
        ["stop signal"] = v => Stack(Safe().WithStopSignal(v == Harmless ? "SIGINT" : "SIGINT" + v)),
        ["sysctl name"] = v => Stack(Safe().WithSysctl("net.core.somaxconn" + v, "1024")),
        ["sysctl value"] = v => Stack(Safe().WithSysctl("net.core.somaxconn", "1024" + v)),
        // A closed set of names (STK0212): the harmless case is one of them, every other text is refused.
        ["ulimit name"] = v => Stack(Safe().WithUlimit(v == Harmless ? "nofile" : "nofile" + v, Ulimit.Of(1024))),
        ["group"] = v => Stack(Safe().WithGroupAdd("audio" + v)),
        ["runtime"] = v => Stack(Safe().WithRuntime("runc" + v)),
        ["platform"] = v => Stack(Safe().WithPlatform("linux/amd64" + v)),
        ["storage option"] = v => Stack(Safe().WithStorageOption("size", "20G" + v)),
        ["device"] = v => Stack(Safe().WithDevice("/dev/dri" + v)),
        ["device permissions"] = v => Stack(Safe().WithDevice(new DeviceMapping("/dev/dri") { Permissions = v == Harmless ? "rw" : "rw" + v })),
        ["device cgroup rule"] = v => Stack(Safe().WithDeviceCgroupRules("c 189:* rmw" + v)),
        ["device request driver"] = v => Stack(Safe().WithDeviceRequest(DeviceRequest.Gpus(1) with { Driver = "nvidia" + v })),
        ["dns search"] = v => Stack(Safe().WithDnsSearch("lan" + v)),
        ["dns option"] = v => Stack(Safe().WithDnsOptions("ndots:2" + v)),
        ["domain name"] = v => Stack(Safe().WithDomainName("example.internal" + v)),
        ["port name"] = v => Stack(Safe().WithPort(new PortMapping(80) { Published = 8080, HostIp = System.Net.IPAddress.Loopback, Name = "web" + v })),
        ["volume subpath"] = v => Stack(Safe().WithMount(new VolumeMount(new Volume("data").WithBackup(VolumeBackup.Files()), "/data") { Subpath = "sub" + v })),
        ["anonymous volume"] = v => Stack(Safe().WithAnonymousVolume("/app/node_modules" + v)),
        ["home path"] = v => Stack(Safe().WithBind(HostPath.InHome("notes" + v), "/notes")),
        ["placement constraint"] = v => Stack(Safe().WithDeployment(new Deployment { Placement = new Placement { Constraints = ["node.role == worker" + v] } })),
        ["deploy label"] = v => Stack(Safe().WithDeployment(new Deployment { Labels = Sorted("team", "web" + v) })),
        ["build arg"] = v => Stack(Safe().WithBuild(new BuildSpec(HostPath.InProject("app")).WithArg("A", "1" + v))),
        ["build inline dockerfile"] = v => Stack(Safe().WithBuild(new BuildSpec(HostPath.InProject("app")) { DockerfileInline = "FROM busybox:1.36\nRUN true" + v })),
        ["build tag"] = v => Stack(Safe().WithBuild(new BuildSpec(HostPath.InProject("app")) { Tags = ["example/app:2" + v] })),
        ["build cache"] = v => Stack(Safe().WithBuild(new BuildSpec(HostPath.InProject("app")) { CacheFrom = ["type=local,src=/cache" + v] })),
        ["network label"] = v => Stack((Safe() with { Networks = [] }).WithNetworks(new Network("n").WithLabel("tier", "b" + v))),
        ["network real name"] = v => Stack((Safe() with { Networks = [] }).WithNetworks(new Network("n").WithRealName("real" + v))),
        ["network ipam option"] = v => Stack((Safe() with { Networks = [] }).WithNetworks(new Network("n").WithIpam(new NetworkIpam { Options = Sorted("o", "v" + v) }))),
        ["volume driver option"] = v => Stack(Safe().WithVolume(new Volume("data").WithBackup(VolumeBackup.Files()).WithDriverOption("o", "bind" + v), "/data")),
        ["volume escape hatch"] = v => Stack(Safe().WithVolume(new Volume("data").WithBackup(VolumeBackup.Files()).WithField("x-note", v), "/data")),
        ["router TLS domain"] = v => Stack(Safe().WithRouter(Routed().WithHost("a.example").WithTlsDomain("example.org", "a" + v + ".example.org"))),
        ["router TLS options"] = v => Stack(Safe().WithRouter(Routed().WithHost("a.example").WithTlsOptions("modern" + v))),
        ["external middleware name"] = v => Stack(Safe().WithRouter(Routed().WithHost("a.example").WithMiddlewares(new ExternalMiddleware("sso" + v, "file").AsForwardAuth()))),
        ["external middleware provider"] = v => Stack(Safe().WithRouter(Routed().WithHost("a.example").WithMiddlewares(new ExternalMiddleware("sso", "file" + v)))),
        ["docker-label redirect-scheme scheme"] = v => ProxiedByLabels(new RedirectSchemeMiddleware("to-https", "https" + v, permanent: null)),
        ["header value"] = v => Proxied(new HeadersMiddleware("h") { ContentSecurityPolicy = "default-src 'self'" + v }),
        ["header name"] = v => Proxied(new HeadersMiddleware("h") { CustomResponseHeaders = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("X-A" + v, "1")]) }),
        ["strip prefix"] = v => Proxied(new StripPrefixMiddleware("strip", "/app" + v)),
        ["basic-auth realm"] = v => Proxied(new BasicAuthMiddleware("basic", Secret.FromFile("users", HostPath.Absolute("/srv/users"))) { Realm = "r" + v }, Secret.FromFile("users", HostPath.Absolute("/srv/users"))),
        ["docker-label forward-auth address"] = v => ProxiedByLabels(new ForwardAuthMiddleware("auth", "http://auth:9091/" + v)),
        ["docker-label header value"] = v => ProxiedByLabels(new HeadersMiddleware("h") { ReferrerPolicy = "no-referrer" + v }),
        ["docker-label allow-list range"] = v => ProxiedByLabels(new IpAllowListMiddleware("allow", v == Harmless ? "10.0.0.0/8" : "10.0.0.0/8" + v)),
        ["allow-list range"] = v => Proxied(new IpAllowListMiddleware("allow", v == Harmless ? "10.0.0.0/8" : "10.0.0.0/8" + v)),
    };

    private static System.Collections.Immutable.ImmutableSortedDictionary<string, ComposeString> Sorted(string key, string value) =>
        System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, ComposeString>(key, value)]);

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var field in Fields.Keys)
        {
            for (var i = 0; i < Hostile.Length; i++)
            {
                cases.Add(field, i);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_refused_or_written_with_the_structure_of_a_harmless_value(string field, int hostile)
    {
        var value = Hostile[hostile];
        var baseline = Generate(Fields[field](Harmless));
        Assert.True(baseline.Result is { Succeeded: true }, $"the harmless '{field}' must pass: {string.Join('\n', baseline.Result?.Diagnostics ?? [])}");

        var attempt = Generate(() => Fields[field](value));
        if (attempt.Refusal is not null || attempt.Result is { Succeeded: false })
        {
            Assert.True(attempt.Refusal is ArgumentException || attempt.Result!.Diagnostics.Any(d => d.Id.StartsWith("STK", StringComparison.Ordinal)), $"refused without an STK error: {attempt.Refusal}");
            AssertRefusedByTheCommandLine(() => Fields[field](value));
            return;
        }

        var files = attempt.Result!.Files;
        Assert.Equal(baseline.Result!.Files.Keys.Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, content) in files)
        {
            if (name.EndsWith(".yml", StringComparison.Ordinal))
            {
                Assert.Equal(Shape(baseline.Result.Files[name], Harmless), Shape(content, value));
            }

            if (name.StartsWith("traefik.dynamic", StringComparison.Ordinal))
            {
                // Traefik reads it as a Go template: the only actions are braces Stack printed itself.
                var actions = System.Text.RegularExpressions.Regex.Matches(content, "{{(.*?)}}").Select(m => m.Groups[1].Value.Trim());
                Assert.All(actions, action => Assert.True(action is "\"{{\"" or "\"{\"", $"a template action from user text: {{{{{action}}}}}"));
            }
            else if (!name.EndsWith(".yml", StringComparison.Ordinal))
            {
                // Line-based files; a YAML file's structure is its Shape above (a multi-line value is one block scalar).
                Assert.True(Lines(baseline.Result.Files[name]) == Lines(content), $"{name} gained or lost lines:\n{content}");
            }
        }
    }

    /// <summary>As a user runs it: exit 1, every error on one line at this file's line, the previous output untouched.</summary>
    private static void AssertRefusedByTheCommandLine(Func<ComposeStack> build)
    {
        var root = Directory.CreateTempSubdirectory("stack-hostile-").FullName;
        try
        {
            var (code, error, before, after) = CommandLineRun.After(() => Stack(Safe()), build, root);

            Assert.Equal(1, code);
            var errors = error.Split('\n').Where(l => l.Contains(": error STK", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(errors);
            Assert.All(errors, line => Assert.Matches(@"^\S*HostileTextTests\.cs\(\d+(,\d+)?\): error STK\d{4}: ", line));
            Assert.Equal(before, after);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static (GenerationResult? Result, Exception? Refusal) Generate(Func<ComposeStack> build)
    {
        try
        {
            return (StackGenerator.Generate(build(), Emit.Options), null);
        }
        catch (ArgumentException refused)
        {
            return (null, refused);
        }
    }

    private static (GenerationResult? Result, Exception? Refusal) Generate(ComposeStack stack) => Generate(() => stack);

    /// <summary>A YAML file's structure: every key path and list length, values left out; the field's value in a key stands as &lt;V&gt;.</summary>
    internal static string Shape(string yaml, string value)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var paths = new List<string>();
        void Walk(YamlNode node, string path)
        {
            switch (node)
            {
                case YamlMappingNode mapping:
                    foreach (var (key, child) in mapping.Children)
                    {
                        Walk(child, $"{path}/{((YamlScalarNode)key).Value!.Replace(value, "<V>", StringComparison.Ordinal)}");
                    }

                    break;
                case YamlSequenceNode sequence:
                    paths.Add($"{path}[{sequence.Children.Count}]");
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        Walk(sequence.Children[i], $"{path}[{i}]");
                    }

                    break;
                case YamlScalarNode scalar when System.Text.RegularExpressions.Regex.IsMatch(path, "/(volumes|tmpfs|ports)\\[\\d+\\]$"):
                    // Short syntax: compose splits at ':' and ',' (source:target:options).
                    paths.Add($"{path} in {scalar.Value!.Split(':', ',').Length} parts");
                    break;
                default:
                    paths.Add(path);
                    break;
            }
        }

        Walk(stream.Documents[0].RootNode, string.Empty);
        return string.Join('\n', paths);
    }

    private static int Lines(string text) => text.Split('\n').Length;

    private static Service Safe() => new Service("app").WithImage("example/app:1.0").WithRestart(RestartPolicy.No).WithNetworks(Net);

    private static Router Routed() => new Router("app").WithEntryPoints(Web).WithPublicAccess("a test").WithPort(80);

    private static ComposeStack Stack(Service service) => new ComposeStack("hostile").WithServices(service);

    private static ComposeStack WithVariable(Variable variable) => WithVariable(variable, variable);

    private static ComposeStack WithVariable(Variable declared, Variable used) => Stack(Safe().WithEnvironment("V", used)).WithVariables(declared);

    private static ComposeStack Backed(VolumeBackup backup, Func<BackupPlan, BackupPlan>? plan = null)
    {
        var data = new Volume("data").WithBackup(backup);
        var dump = backup is DumpBackup { Into: var into } ? into : null;
        var app = Safe().WithVolume(data, "/data");
        app = dump is null ? app : app.WithVolume(dump, "/dump");
        var runner = new Service("backup").WithImage("example/restic:1.0").WithRestart(RestartPolicy.No).WithNetworks(Net)
            .WithBind(HostPath.Absolute("/var/lib/docker/volumes"), "/docker/volumes");
        var backupPlan = new BackupPlan(runner);
        return Stack(app).WithServices(runner).WithBackups(plan is null ? backupPlan : plan(backupPlan));
    }

    private static ComposeStack Proxied(Middleware middleware, Secret? secret = null)
    {
        var traefik = new Service("traefik").WithImage("traefik:v3.2").WithRestart(RestartPolicy.No).WithNetworks(Net);
        var proxy = new TraefikProxy(traefik, Net).WithEntryPoints(Web);
        var stack = Stack(Safe().WithRouter(Routed().WithHost("a.example").WithMiddlewares(middleware))).WithServices(traefik).WithTraefik(proxy);
        return secret is null ? stack : stack.WithSecrets(secret);
    }

    /// <summary>The middleware defined by another service's labels (docker provider) and used as name@docker.</summary>
    private static ComposeStack ProxiedByLabels(Middleware middleware)
    {
        var traefik = new Service("traefik").WithImage("traefik:v3.2").WithRestart(RestartPolicy.No).WithNetworks(Net);
        var definer = new Service("definer").WithImage("example/auth:1.0").WithRestart(RestartPolicy.No).WithNetworks(Net).WithMiddlewareLabels(middleware);
        var proxy = new TraefikProxy(traefik, Net).WithEntryPoints(Web);
        return Stack(Safe().WithRouter(Routed().WithHost("a.example").WithMiddlewares(definer.DefinedMiddlewares))).WithServices(traefik, definer).WithTraefik(proxy);
    }
}
