using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Generation.Traefik;
using Stack.Dsl.Traefik;
using Stack.Dsl.Validation;
using Stack.Dsl.Yaml;
using Stack.Testing;
using YamlDotNet.RepresentationModel;

namespace Stack.Dsl.Tests.Generation;

/// <summary>
/// The proxy service as written (command, environment, mounts) and the static file as written,
/// read together by <see cref="TraefikLoader"/> (Traefik's own choice of static source, from its
/// source): Traefik runs on the generated file, or STK0406/STK0407 refuse the stack.
/// </summary>
public sealed class TraefikReadsItsConfigTests
{
    private static readonly Network Edge = new("edge");
    private static readonly Volume Certificates = new("certificates");
    private static readonly EntryPoint Https = new("https", 443);

    private static Service Proxy() => new Service("traefik").WithImage("traefik:v3.2.1").WithRestart(RestartPolicy.UnlessStopped).WithNetworks(Edge);

    private static ComposeStack Stack(Service proxy, Func<TraefikProxy, TraefikProxy>? configure = null, CertResolver? resolver = null)
    {
        var declared = new TraefikProxy(proxy, Edge).WithEntryPoints(Https).WithCertResolvers(resolver ?? new CertResolver("le") { DnsChallengeProvider = "cloudflare" });
        return new ComposeStack("demo").WithTraefik((configure ?? (p => p))(declared)).WithServices(proxy);
    }

    /// <summary>The compose file and the static file exactly as the generator writes them, whether or not the stack passes validation.</summary>
    private static (YamlMappingNode Service, Dictionary<string, string> Files) Written(ComposeStack stack)
    {
        var compose = YamlWriter.Write(ComposeDocument.Build(stack, Emit.Options), []);
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { ["traefik.dynamic.yml"] = "{}" };
        if (TraefikWiring.Render(stack, [], null)?.Static is { } text)
        {
            files[TraefikWiring.StaticFileName] = text;
        }

        var yaml = new YamlStream();
        yaml.Load(new StringReader(compose));
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("services")];
        return ((YamlMappingNode)services.Children[new YamlScalarNode(stack.Traefik!.Service.Name)], files);
    }

    private static List<string> Problems(ComposeStack stack)
    {
        var (service, files) = Written(stack);
        return TraefikLoader.Problems(service, files, TraefikWiring.StaticFileName);
    }

    private static List<string> Found(ComposeStack stack, string id) =>
        [.. StackValidator.Validate(stack).Where(d => d.Id == id).Select(d => d.Message)];

    [Fact]
    public void A_proxy_with_no_command_reads_the_file_mounted_where_Traefik_looks()
    {
        var stack = Stack(Proxy().WithVolume(Certificates, "/letsencrypt"));
        var (service, files) = Written(stack);

        Assert.Equal(new TraefikLoader.Outcome("file", "/etc/traefik/traefik.yml", TraefikWiring.StaticFileName, [], true), TraefikLoader.Load(service, files) with { Ignored = [] });
        Assert.Empty(TraefikLoader.Problems(service, files, TraefikWiring.StaticFileName));
        Assert.False(service.Children.ContainsKey(new YamlScalarNode("command")));
        Assert.DoesNotContain(StackValidator.Validate(stack), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Mounted_elsewhere_the_generator_passes_configFile_itself()
    {
        var stack = Stack(Proxy().WithVolume(Certificates, "/letsencrypt").WithCommand("traefik"), p => p with { StaticConfigPath = "/config/static.yml" });
        var (service, files) = Written(stack);

        Assert.Equal(["traefik", "--configFile=/config/static.yml"], ((YamlSequenceNode)service.Children[new YamlScalarNode("command")]).Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.Equal("/config/static.yml", TraefikLoader.Load(service, files).FilePath);
        Assert.Empty(TraefikLoader.Problems(service, files, TraefikWiring.StaticFileName));
    }

    /// <summary>
    /// Every combination of where the file goes and what the service adds beside it: the stack
    /// passes STK0406 and STK0407 exactly when Traefik would run on the generated file and keep
    /// its certificates. Shapes the generator was not designed around are the point.
    /// </summary>
    [Fact]
    public void The_rules_pass_exactly_the_stacks_whose_Traefik_runs_on_the_generated_file()
    {
        string[] paths = [TraefikProxy.DefaultStaticConfigPath, "/etc/traefik/traefik.yaml", "/etc/traefik/traefik.toml", "/config/static.yml", "/config/Static.YML", "/config/static.json"];
        Func<Service, string, Service>[] commands =
        [
            (s, _) => s,
            (s, _) => s.WithCommand("traefik"),
            (s, path) => s.WithCommand($"--configFile={path}"),
            (s, path) => s.WithCommand("--configfile", path),
            (s, _) => s.WithCommand("--configFile=/etc/traefik/other.yml"),
            (s, _) => s.WithCommand("--log.level=DEBUG"),
            (s, _) => s.WithCommand("-entrypoints.web.address=:80"),
        ];
        Func<Service, Service>[] extras =
        [
            s => s,
            s => s.WithEnvironment("TRAEFIK_LOG_LEVEL", "DEBUG"),
            s => s.WithEnvironment("traefik_log_level", "DEBUG"), // not read: paerser compares by case
            s => s.WithBind(HostPath.Absolute("/srv/traefik.toml"), "/etc/traefik/traefik.toml", readOnly: true),
            s => s.WithBind(HostPath.Absolute("/srv/traefik.yaml"), "/etc/traefik/traefik.yaml", readOnly: true),
        ];
        (string Name, Func<Service, Service> Mount, string Storage)[] storages =
        [
            ("volume", s => s.WithVolume(Certificates, "/letsencrypt"), "/letsencrypt/acme.json"),
            ("bind of the file", s => s.WithBind(HostPath.Absolute("/srv/acme.json"), "/acme.json"), "/acme.json"),
            ("nothing", s => s, "/letsencrypt/acme.json"),
            ("read-only volume", s => s.WithVolume(Certificates, "/letsencrypt", readOnly: true), "/letsencrypt/acme.json"),
            ("tmpfs under a volume", s => s.WithVolume(Certificates, "/data").WithTmpfs("/data/tmp"), "/data/tmp/acme.json"),
            ("anonymous volume", s => s.WithMount(new AnonymousVolumeMount("/letsencrypt")), "/letsencrypt/acme.json"),
            ("a sibling folder", s => s.WithVolume(Certificates, "/lets"), "/letsencrypt/acme.json"),
        ];
        var disagreements = new List<string>();
        var cases = 0;
        void Check(string path, Service proxy, (string Name, Func<Service, Service> Mount, string Storage) storage)
        {
            var stack = Stack(proxy, p => p with { StaticConfigPath = path }, new CertResolver("le") { DnsChallengeProvider = "cloudflare", Storage = storage.Storage });
            // STK0209: a mount of the service's own where the generated file goes.
            var refused = Found(stack, "STK0406").Concat(Found(stack, "STK0407")).Concat(Found(stack, "STK0209")).ToList();
            var problems = Problems(stack);
            cases++;
            if (refused.Count == 0 != (problems.Count == 0))
            {
                var arguments = proxy.Command is ExecCommandLine exec ? string.Join(' ', exec.Arguments.Select(a => a.ToCompose())) : "-";
                disagreements.Add($"{path} | {arguments} | {string.Join(',', proxy.Environment.Keys)} | {string.Join(',', proxy.Volumes.Select(v => v.Target))} | {storage.Name}: rules [{string.Join("; ", refused)}], Traefik [{string.Join("; ", problems)}]");
            }
        }

        // Where the file goes × what the service adds beside it, certificates on a volume ...
        foreach (var path in paths)
        {
            foreach (var command in commands)
            {
                foreach (var extra in extras)
                {
                    Check(path, extra(storages[0].Mount(command(Proxy(), path))), storages[0]);
                }
            }
        }

        // ... and where the certificates go, with the file read and with it not read.
        foreach (var storage in storages)
        {
            foreach (var command in commands.Take(1).Concat(commands.Skip(4).Take(1)))
            {
                Check(TraefikProxy.DefaultStaticConfigPath, storage.Mount(command(Proxy(), TraefikProxy.DefaultStaticConfigPath)), storage);
            }
        }

        Assert.Equal((paths.Length * commands.Length * extras.Length) + (storages.Length * 2), cases);
        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements));
    }

    [Fact]
    public void As_flags_the_proxy_runs_on_its_flags_unless_a_file_or_configFile_takes_over()
    {
        var proxy = Proxy().WithVolume(Certificates, "/letsencrypt");
        Service[] shapes =
        [
            proxy,
            proxy.WithCommand("--configFile=/etc/traefik/traefik.yml"),
            proxy.WithBind(HostPath.Absolute("/srv/traefik.yml"), "/etc/traefik/traefik.yml", readOnly: true),
            proxy.WithEnvironment("TRAEFIK_PING", "true"),
        ];
        foreach (var shape in shapes)
        {
            var stack = Stack(shape, p => p.WithStaticConfigAsFlags());
            var (service, files) = Written(stack);
            var outcome = TraefikLoader.Load(service, files);
            // A --configFile naming nothing mounted: Traefik reads it if the image holds it.
            var runsOnFlags = outcome.Source == "flags" && outcome.Ignored.Count == 0 && TraefikLoader.ConfigFile(service) is null;
            Assert.Equal(runsOnFlags, Found(stack, "STK0406").Count == 0);
        }
    }

    [Fact]
    public void The_messages_say_what_is_ignored_and_how_to_fix_it()
    {
        var flags = Stack(Proxy().WithVolume(Certificates, "/letsencrypt").WithCommand("--log.level=DEBUG").WithEnvironment("TRAEFIK_PING", "true"));
        Assert.Equal(
            [
                "The Traefik service 'traefik' passes the static option --log.level on its command, which Traefik ignores: it reads its static config from the file at '/etc/traefik/traefik.yml' (a file wins over flags). Set it on the TraefikProxy instead, or write the whole static config as flags with TraefikProxy.WithStaticConfigAsFlags().",
                "The Traefik service 'traefik' sets TRAEFIK_PING, a static option Traefik ignores: it reads its static config from the file at '/etc/traefik/traefik.yml' (a file wins over TRAEFIK_ variables). Set it on the TraefikProxy instead, and remove the variable.",
            ],
            Found(flags, "STK0406"));

        var lost = Stack(Proxy());
        Assert.Equal(
            "Certificate resolver 'le' keeps its ACME account and certificates at '/letsencrypt/acme.json' in the Traefik service 'traefik', which no volume or bind mount of that service holds, so it is lost whenever the container is recreated: Traefik would ask the CA again on every start (Let's Encrypt allows 5 certificates per week for one set of names). Mount a volume at its folder (.WithVolume(new Volume(\"traefik-acme\"), \"/letsencrypt\") on 'traefik'), or set CertResolver.Storage to a file under one of its volumes.",
            Assert.Single(Found(lost, "STK0407")));

        // Both point at the C# line that declares the proxy.
        var location = Assert.Single(StackValidator.Validate(lost), d => d.Id == "STK0407").Location;
        Assert.Contains("var declared = new TraefikProxy(", File.ReadAllLines(location.FilePath)[location.Line - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_committed_reference_stack_runs_on_its_static_file_in_every_environment()
    {
        var folder = Path.Combine(Repository.Root, "generated");
        var files = Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        foreach (var (overrideFile, staticFile) in new[] { ("dc.prod.yml", "traefik.static.yml"), ("dc.dev.yml", "traefik.static.dev.yml"), ("dc.stage.yml", "traefik.static.stage.yml") })
        {
            var service = Merged(files["docker-compose.yml"], files[overrideFile], "traefik");
            Assert.Empty(TraefikLoader.Problems(service, files, staticFile));
        }
    }

    [Fact]
    public void The_traefik_authelia_sample_runs_on_its_static_file()
    {
        var folder = Path.Combine(Repository.Root, "samples", "traefik-authelia", "generated");
        var files = Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        var service = Merged(files["docker-compose.yml"], "services: {}", "traefik");

        Assert.Empty(TraefikLoader.Problems(service, files, TraefikWiring.StaticFileName));
        Assert.Contains("storage: /letsencrypt/acme.json", files[TraefikWiring.StaticFileName], StringComparison.Ordinal);
    }

    /// <summary>A service of a base file with an override applied as compose merges: volumes by target, other keys replaced.</summary>
    private static YamlMappingNode Merged(string baseFile, string overrideFile, string name)
    {
        YamlMappingNode ServiceOf(string text)
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text));
            var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("services")];
            return services.Children.TryGetValue(new YamlScalarNode(name), out var service) ? (YamlMappingNode)service : new YamlMappingNode();
        }

        var merged = ServiceOf(baseFile);
        foreach (var (key, value) in ServiceOf(overrideFile).Children)
        {
            if (((YamlScalarNode)key).Value == "volumes" && merged.Children.TryGetValue(key, out var before))
            {
                static string Target(YamlNode mount) => ((YamlScalarNode)mount).Value!.Split(':')[1];
                var overriding = ((YamlSequenceNode)value).Children.Select(Target).ToHashSet();
                merged.Children[key] = new YamlSequenceNode(((YamlSequenceNode)before).Children.Where(m => !overriding.Contains(Target(m))).Concat(((YamlSequenceNode)value).Children));
            }
            else
            {
                merged.Children[key] = value;
            }
        }

        return merged;
    }
}
