using System.Diagnostics;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Stack.Engine.Tests.Corpus;
using Stack.Testing;
using Stack.Tool.Import;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// stack import, round trip: a compose file imported to C#, the C# compiled (with no warning) and
/// run, and the YAML it emits means the same as the input under docker-compose config.
/// </summary>
[Trait("Category", "Engine")]
public sealed class ImportRoundTripTests
{
    /// <summary>
    /// Corpus files the importer translates and that generate as they are. long-syntax and
    /// isolation import, but take risks (a port on every interface, host namespaces) that need
    /// reasons only a person can give: see the test below.
    /// </summary>
    public static TheoryData<string> Importable => ["traefik-authelia", "web-basics", "process-and-kernel", "network-plans", "deploy", "build"];

    [SkippableTheory]
    [MemberData(nameof(Importable))]
    public void Import_then_emit_means_what_the_file_means(string name)
    {
        DockerCompose.RequireInstalled();
        var file = Path.Combine(Repository.Root, "tests", "Stack.Engine.Tests", "Corpus", "Files", name + ".yml");
        var yaml = File.ReadAllText(file);

        var (code, errors) = ComposeImporter.Import(file, yaml, "0.1.0", "imported");
        Assert.True(code is not null, string.Join('\n', errors));

        var (exit, stderr, emitted) = Run(code!, name);
        Assert.True(exit == 0, $"the imported program failed:\n{stderr}\n{code}");
        AssertSameMeaning(yaml, emitted, Variables(code!));
    }

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

        var (code, errors) = ComposeImporter.Import("dc.yml", yaml, "0.1.0", "routers");
        Assert.True(code is not null, string.Join('\n', errors));

        Assert.Contains("new Router(\"web\")", code, StringComparison.Ordinal);
        Assert.Contains(".WithRule(RouterRule.Host($\"www.{baseHost}\").And(RouterRule.PathPrefix(\"/api\")))", code, StringComparison.Ordinal);
        Assert.Contains(".WithService(new TraefikService(\"web\", 8080))", code, StringComparison.Ordinal);
        Assert.Contains("new RateLimitMiddleware(\"limit\", 100, 50, TimeSpan.FromSeconds(90)).ViaDockerLabels()", code, StringComparison.Ordinal);
        Assert.Contains(".WithMiddlewares(new ExternalMiddleware(\"sso\", \"file\"), limitMiddleware)", code, StringComparison.Ordinal);
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

        var (code, errors) = ComposeImporter.Import(file, File.ReadAllText(file), "0.1.0", "imported");

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

    [Theory]
    [InlineData("traefik.http.services.web.loadbalancer.sticky.cookie.name: lb", "'traefik.http.services.web.loadbalancer.sticky.cookie.name' is not translated")]
    [InlineData("traefik.http.middlewares.auth.basicauth.users: admin:$$apr1$$hash", "middleware 'auth' is of a kind or shape the importer does not type")]
    [InlineData("traefik.http.routers.web.middlewares: auth", "middleware 'auth' names no provider")]
    [InlineData("traefik.http.services.other.loadbalancer.server.port: \"81\"", "router 'web' names no service, and the container defines 2")]
    [InlineData("traefik.http.routers.web.service: other", "router 'web' names service 'other', which this container does not define")]
    public void Traefik_labels_the_routers_cannot_say_stay_labels_with_a_todo_saying_why(string extra, string why)
    {
        var yaml = $"services:\n  web:\n    image: nginx:1.27.3\n    labels:\n      traefik.http.routers.web.rule: Host(`a.example`)\n      traefik.http.services.web.loadbalancer.server.port: \"80\"\n      {extra}\n";

        var (code, errors) = ComposeImporter.Import("dc.yml", yaml, "0.1.0", "labels");

        Assert.True(code is not null, string.Join('\n', errors));
        Assert.Contains($"// TODO(import): the Traefik labels stay labels ({why}", code, StringComparison.Ordinal);
        Assert.DoesNotContain("new Router(", code, StringComparison.Ordinal);
        Assert.Contains("WithLabel(\"traefik.http.routers.web.rule\"", code, StringComparison.Ordinal);
    }

    /// <summary>
    /// Override files become environments holding exactly their differences: base + dc.ENV.yml
    /// imported, emitted, and each environment (base + its emitted override) means what base +
    /// the input override means. (The emitted base alone is what every environment shares, not
    /// the input base: an override cannot remove, so what one environment drops stays out of it.)
    /// </summary>
    [SkippableFact]
    public void Override_files_become_environments_that_mean_the_same()
    {
        DockerCompose.RequireInstalled();
        var files = new (string Name, string Yaml)[]
        {
            ("docker-compose.yml", """
                services:
                  web:
                    image: nginx:1.27.3
                    restart: unless-stopped
                    environment:
                      LOG_LEVEL: info
                      WORKERS: 2
                    ports:
                      - 127.0.0.1:8080:80
                    labels:
                      com.example.team: ops
                  worker:
                    image: example/worker:1.0
                    restart: unless-stopped
                    command: ["work", "--queue", "default"]
                """),
            ("dc.prod.yml", """
                services:
                  web:
                    image: nginx:1.27.4
                    environment:
                      LOG_LEVEL: warn
                    ports:
                      - 127.0.0.1:8443:443
                """),
            ("dc.dev.yml", """
                services:
                  worker:
                    restart: "no"
                    command: ["work", "--queue", "dev", "--verbose"]
                    labels:
                      com.example.debug: "true"
                  mailpit:
                    image: axllent/mailpit:v1.21
                    restart: unless-stopped
                """),
        };

        var (code, errors) = ComposeImporter.Import([.. files], "0.1.0", "environments");
        Assert.True(code is not null, string.Join('\n', errors));
        Assert.Contains("new StackEnvironment(\"prod\", stack => stack", code, StringComparison.Ordinal);
        Assert.Contains(".MapService(worker, service => service", code, StringComparison.Ordinal);
        Assert.Contains(".WithServices(mailpit)", code, StringComparison.Ordinal);

        var (exit, stderr, emitted) = RunForFiles(code!, "environments");
        Assert.True(exit == 0, $"the imported program failed:\n{stderr}\n{code}");
        string Meaning(params (string Name, string Content)[] compose) => CorpusRoundTripTests.Meaning(DockerCompose.Config(compose, Variables(code!)));
        foreach (var (name, yaml) in files.Skip(1))
        {
            Assert.Equal(Meaning(files[0], (name, yaml)), Meaning(("docker-compose.yml", emitted["docker-compose.yml"]), (name, emitted[name])));
        }
    }

    /// <summary>
    /// Compose 2.24's merge tags in an override file: <c>!reset</c> drops what the base set and
    /// <c>!override</c> replaces it instead of merging. The environment does the same, so the
    /// files Stack writes (which docker-compose 1.29 reads; the tags it cannot) mean it.
    /// </summary>
    [SkippableFact]
    public void Reset_and_override_tags_in_an_override_file_become_an_environment_that_drops_and_replaces()
    {
        DockerCompose.RequireInstalled();
        const string compose = """
            services:
              web:
                image: nginx:1.27.3
                restart: unless-stopped
                ports: ["127.0.0.1:8080:80"]
                environment:
                  MODE: base
                  KEEP: "no"
            """;
        const string prod = """
            services:
              web:
                ports: !reset []
                environment: !override
                  LOG: warn
            """;

        var (code, errors) = ComposeImporter.Import([("docker-compose.yml", compose), ("dc.prod.yml", prod)], "0.1.0", "tags");
        Assert.True(code is not null, string.Join('\n', errors));
        Assert.Contains(".MapService(web, service => (service with { Ports = [], Environment = service.Environment.Clear() })", code, StringComparison.Ordinal);

        var (exit, stderr, emitted) = RunForFiles(code!, "tags");
        Assert.True(exit == 0, $"the imported program failed:\n{stderr}\n{code}");
        var merged = DockerCompose.Config([("docker-compose.yml", emitted["docker-compose.yml"]), ("dc.prod.yml", emitted["dc.prod.yml"])], []);
        var all = string.Join("\n---\n", emitted.Select(f => f.Key + "\n" + f.Value)) + "\n---merged---\n" + merged;
        Assert.False(merged.Contains("8080", StringComparison.Ordinal) || merged.Contains("MODE", StringComparison.Ordinal) || merged.Contains("KEEP", StringComparison.Ordinal), all);
        Assert.True(merged.Contains("LOG: warn", StringComparison.Ordinal), all);
    }

    [Theory]
    [InlineData("services:\n  web:\n    image: nginx:1.27.3\n    ports: !reset []\n", "!reset changes how an override file applies; in the file that defines service 'web' it means nothing")]
    [InlineData("services:\n  web:\n    image: nginx:1.27.3\n    labels:\n      a: !reset b\n", "the !reset tag is read only on a service's own keys")]
    public void A_merge_tag_where_it_means_nothing_is_refused_at_its_line(string yaml, string message)
    {
        var (code, errors) = ComposeImporter.Import("dc.yml", yaml, "0.1.0", "s");

        Assert.Null(code);
        Assert.Contains(": error STK0218: " + message, Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_of_a_key_whose_merge_the_dsl_does_not_mirror_is_refused_at_its_line()
    {
        var (code, errors) = ComposeImporter.Import(
            [("docker-compose.yml", "services:\n  web:\n    image: nginx:1.27.3\n"), ("dc.prod.yml", "services:\n  web:\n    volumes:\n      - ./data:/data\n")], "0.1.0", "s");

        Assert.Null(code);
        Assert.StartsWith("dc.prod.yml(3,5): error STK0218: an environment that overrides 'volumes' of service 'web' is not translated by the importer yet", Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The same corpus files imported as a project (one file per service, shared declarations in
    /// Common/): it compiles with no warning, runs, and means what the file means.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Importable))]
    public void Imported_as_a_project_it_means_what_the_file_means(string name)
    {
        DockerCompose.RequireInstalled();
        var file = Path.Combine(Repository.Root, "tests", "Stack.Engine.Tests", "Corpus", "Files", name + ".yml");
        var yaml = File.ReadAllText(file);

        var (files, errors) = ComposeImporter.ImportProject([(file, yaml)], "0.1.0", "imported");
        Assert.True(files is not null, string.Join('\n', errors));
        Assert.Contains("Program.cs", files.Keys);
        Assert.Contains(files.Keys, path => path.StartsWith("Services/", StringComparison.Ordinal));
        Assert.Contains("<PackageReference Include=\"Stack.Dsl\" Version=\"0.1.0\" />", files[files.Keys.Single(k => k.EndsWith(".csproj", StringComparison.Ordinal))], StringComparison.Ordinal);

        var (exit, stderr, emitted) = RunSources([.. files.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)).Select(f => (f.Key, f.Value))], name);
        Assert.True(exit == 0, $"the imported project failed:\n{stderr}");
        var variables = files.TryGetValue("Common/Variables.cs", out var declared) ? System.Text.RegularExpressions.Regex.Matches(declared, "new\\(\"([A-Za-z_][A-Za-z0-9_]*)\"\\)").Select(m => m.Groups[1].Value) : [];
        AssertSameMeaning(yaml, emitted["docker-compose.yml"], variables);
    }

    /// <summary>A stack whose compose file takes risks imports and compiles, and then waits for a person to accept each risk with a reason.</summary>
    [Theory]
    [InlineData("long-syntax", "STK0106")]
    [InlineData("isolation", "STK0103")]
    public void Risks_in_the_file_are_refused_until_someone_accepts_them(string name, string rule)
    {
        var file = Path.Combine(Repository.Root, "tests", "Stack.Engine.Tests", "Corpus", "Files", name + ".yml");
        var (code, errors) = ComposeImporter.Import(file, File.ReadAllText(file), "0.1.0", "imported");
        Assert.True(code is not null, string.Join('\n', errors));

        var (exit, stderr, _) = Run(code!, name);

        Assert.Equal(1, exit);
        Assert.Contains($"error {rule}:", stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// The reference stack (../shared/reference-stack, when present), all its files at once: it
    /// imports (in about 0.1 s), compiles with no warning, and its program stops only at the risks
    /// the reference takes (STK01nn: the Docker socket, published ports), which need a person's
    /// reasons, and at bind-mounted files that are not beside this test's stack.cs.
    /// </summary>
    [SkippableFact]
    public void The_reference_stack_imports_as_one_definition()
    {
        var reference = Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "reference-stack"));
        Skip.IfNot(Directory.Exists(reference), "../shared/reference-stack is not beside the repository.");
        var files = Directory.GetFiles(reference, "docker-compose*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var (code, errors) = ComposeImporter.Import([.. files.Select(f => (f, File.ReadAllText(f)))], "0.1.0", "reference");
        Assert.True(code is not null, string.Join('\n', errors));

        var (exit, stderr, _) = Run(code!, "reference");
        var refusals = stderr.Split('\n').Where(l => l.Contains(": error STK", StringComparison.Ordinal)).ToList();
        Assert.Equal(1, exit);
        Assert.NotEmpty(refusals);
        // STK0205: the reference's bind-mounted files are not beside the test's stack.cs (beside
        // the compose files, where a user imports, they are).
        Assert.All(refusals, line => Assert.Matches(": error (STK01[0-9]{2}|STK0205): ", line));
        Assert.Contains(refusals, line => line.Contains(": error STK01", StringComparison.Ordinal));
        var services = files.Sum(f => ((YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlMappingNode)Load(f))["services"]).Children.Count);
        Assert.Equal(services, System.Text.RegularExpressions.Regex.Count(code!, "= new Service\\("));
    }

    /// <summary>
    /// The reference stack's meaning survives import: every file imported at once, each risk the
    /// program refuses accepted the way its message says (as a person would, with a reason), the
    /// files it bind-mounts present (the reference's rendered templates are git-ignored, so empty
    /// stand-ins), and what it emits compared with the reference by ../shared's own tool.
    /// </summary>
    [SkippableFact]
    public void The_reference_stack_imported_and_emitted_means_the_reference()
    {
        var reference = Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "reference-stack"));
        Skip.IfNot(Directory.Exists(reference), "../shared/reference-stack is not beside the repository.");
        DockerCompose.RequireInstalled();
        var files = Directory.GetFiles(reference, "docker-compose*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var (imported, errors) = ComposeImporter.Import([.. files.Select(f => (f, File.ReadAllText(f)))], "0.1.0", "reference");
        Assert.True(imported is not null, string.Join('\n', errors));
        var folder = Directory.CreateTempSubdirectory("stack-import-reference-").FullName;
        try
        {
            foreach (var bound in System.Text.RegularExpressions.Regex.Matches(imported!, "HostPath\\.InProject\\(\"([^\"]+)\"\\)").Select(m => Path.Combine(folder, m.Groups[1].Value)))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(bound)!);
                File.WriteAllText(bound, string.Empty);
            }

            var code = imported!;
            var (exit, stderr, _) = Run(code, "reference", folder);
            for (var round = 0; exit != 0 && round < 5; round++)
            {
                code = Accepting(code, stderr);
                (exit, stderr, _) = Run(code, "reference", folder);
            }

            Assert.True(exit == 0, $"the imported reference still fails after accepting its risks:\n{stderr}");
            var compare = Process.Start(new ProcessStartInfo(Path.Combine(reference, "..", "tools", "compare-with-reference"), [Path.Combine(folder, "generated", "docker-compose.yml")])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var said = compare.StandardOutput.ReadToEnd() + compare.StandardError.ReadToEnd();
            compare.WaitForExit();
            Assert.True(compare.ExitCode == 0, said);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static readonly Dictionary<string, string> RisksByRule = new(StringComparer.Ordinal)
    {
        ["STK0101"] = "WritableDockerSocket", ["STK0102"] = "DaemonSocket", ["STK0103"] = "HostPrivilege", ["STK0104"] = "DangerousCapability",
        ["STK0105"] = "DatabasePortPublished", ["STK0106"] = "PortOnAllInterfaces", ["STK0107"] = "UnpinnedImage",
    };

    /// <summary>The code with each security refusal in <paramref name="stderr"/> accepted on its service, as the message says to.</summary>
    private static string Accepting(string code, string stderr)
    {
        foreach (System.Text.RegularExpressions.Match refusal in System.Text.RegularExpressions.Regex.Matches(stderr, ": error (STK01[0-9]{2}): Service '([^']+)' (sets (.+?) to a literal value)?"))
        {
            var (rule, service) = (refusal.Groups[1].Value, refusal.Groups[2].Value);
            var acceptance = rule == "STK0100"
                ? $".AcceptLiteralSecret(\"{SecretSubject(refusal.Groups[4].Value)}\", \"import round trip\")"
                : $".AcceptRisk(SecurityRisk.{RisksByRule[rule]}, \"import round trip\")";
            var made = $"new Service(\"{service}\")";
            Assert.Contains(made, code, StringComparison.Ordinal);
            code = code.Replace(made, made + acceptance, StringComparison.Ordinal);
        }

        return code;
    }

    /// <summary>What STK0100's message names, as AcceptLiteralSecret takes it: a key, a variable or a flag.</summary>
    private static string SecretSubject(string what) => what switch
    {
        _ when what.StartsWith("the default of ${", StringComparison.Ordinal) => what["the default of ${".Length..].Split(':', '-', '?', '}')[0],
        _ when what.StartsWith("the argument ", StringComparison.Ordinal) => what["the argument ".Length..].Split('=', ' ')[0],
        _ => what.Split(' ')[^1],
    };

    private static YamlDotNet.RepresentationModel.YamlNode Load(string file)
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        return stream.Documents[0].RootNode;
    }

    /// <summary>
    /// Settings shared through an x- anchor and merge keys (how many real files avoid repeating
    /// themselves) become each service's own typed settings, the service's keys winning as compose
    /// reads them; a bind's SELinux label and propagation modes are typed too.
    /// </summary>
    [SkippableFact]
    public void Merge_keys_and_bind_modes_import_as_typed_settings_that_mean_the_same()
    {
        DockerCompose.RequireInstalled();
        const string yaml = """
            x-common: &common
              restart: unless-stopped
              environment:
                TZ: Europe/Paris
              logging:
                driver: json-file
                options:
                  max-size: 10m
            x-labels: &labels
              com.example.team: web
            services:
              web:
                <<: *common
                image: nginx:1.27.3
                labels:
                  <<: *labels
                  com.example.role: front
                volumes:
                  - /srv/web/conf:/etc/nginx/conf.d:ro,z
                  - /srv/web/mounts:/mnt:rslave
              api:
                <<: [*common]
                image: example/api:1.0
                restart: always
                environment:
                  MODE: api
            """;

        var (code, errors) = ComposeImporter.Import("dc.yml", yaml, "0.1.0", "merges");
        Assert.True(code is not null, string.Join('\n', errors));

        Assert.DoesNotContain("\"<<\"", code, StringComparison.Ordinal);
        Assert.Contains(".WithRestart(RestartPolicy.Always)", code, StringComparison.Ordinal);
        Assert.Contains(".WithEnvironment(\"TZ\", \"Europe/Paris\")", code, StringComparison.Ordinal);
        Assert.Contains("new BindMount(HostPath.Absolute(\"/srv/web/conf\"), \"/etc/nginx/conf.d\") { ReadOnly = true, SeLinux = SeLinuxRelabel.Shared }", code, StringComparison.Ordinal);
        Assert.Contains("{ Propagation = BindPropagation.RSlave }", code, StringComparison.Ordinal);
        var (exit, stderr, emitted) = Run(code!, "merges");
        Assert.True(exit == 0, $"the imported program failed:\n{stderr}\n{code}");
        AssertSameMeaning(yaml, emitted, Variables(code!));
    }

    /// <summary>
    /// Secrets and configs from files and the services' grants in both syntaxes: imported and
    /// emitted, they mean what the file means.
    /// </summary>
    [SkippableFact]
    public void Secrets_configs_env_files_and_dependency_settings_import_as_typed_settings_that_mean_the_same()
    {
        DockerCompose.RequireInstalled();
        const string yaml = """
            services:
              db:
                image: postgres:16.4
                restart: unless-stopped
                secrets: [db_password]
                environment:
                  POSTGRES_PASSWORD_FILE: /run/secrets/db_password
              app:
                image: example/app:2.3.1
                restart: unless-stopped
                depends_on:
                  db:
                    condition: service_started
                secrets:
                  - source: api_key
                    target: key.txt
                    uid: "1000"
                    gid: "1000"
                    mode: 0440
                configs:
                  - app_config
                  - source: motd
                    target: /etc/motd
                    mode: 292
            secrets:
              db_password:
                file: /srv/secrets/db_password.txt
              api_key:
                file: /srv/secrets/api_key.txt
            configs:
              app_config:
                file: /srv/config/app.toml
              motd:
                file: /srv/config/motd
            """;

        var (code, errors) = ComposeImporter.Import("dc.yml", yaml, "0.1.0", "grants");
        Assert.True(code is not null, string.Join('\n', errors));

        Assert.Contains(".WithSecret(apiKeySecret, target: \"key.txt\", uid: \"1000\", gid: \"1000\", mode: Convert.ToInt32(\"440\", 8))", code, StringComparison.Ordinal);
        Assert.Contains(".WithConfig(motdConfig, target: \"/etc/motd\", mode: 292)", code, StringComparison.Ordinal);
        var (exit, stderr, emitted) = Run(code!, "grants");
        Assert.True(exit == 0, $"the imported program failed:\n{stderr}\n{code}");
        AssertSameMeaning(yaml, emitted, Variables(code!));
    }

    /// <summary>
    /// The Compose v2 forms docker-compose 1.29 cannot read (so no meaning comparison): a secret
    /// from a variable, a config's inline content, env_file's long syntax, depends_on's restart and
    /// required; and env files (which compose reads while comparing, so they are checked as code).
    /// </summary>
    [Fact]
    public void Compose_v2_secret_config_env_file_and_dependency_forms_import_as_typed_settings()
    {
        const string yaml = """
            services:
              app:
                image: example/app:2.3.1
                restart: unless-stopped
                env_file:
                  - /srv/app/common.env
                  - path: /srv/app/app.env
                    required: true
                depends_on:
                  cache:
                    condition: service_started
                    restart: true
                    required: false
                secrets: [api_key]
                configs: [motd]
              cache:
                image: redis:7.4.1
                restart: unless-stopped
            secrets:
              api_key:
                environment: API_KEY
            configs:
              motd:
                content: Welcome to ${HOST_NAME}
            """;

        var (code, errors) = ComposeImporter.Import("dc.yml", yaml, "0.1.0", "v2");
        Assert.True(code is not null, string.Join('\n', errors));

        Assert.Contains("Secret.FromEnvironment(\"api_key\", apiKey)", code, StringComparison.Ordinal);
        Assert.Contains("Config.FromContent(\"motd\", $\"Welcome to {hostName}\")", code, StringComparison.Ordinal);
        Assert.Contains(".WithEnvFile(HostPath.Absolute(\"/srv/app/common.env\"))\n        .WithEnvFile(HostPath.Absolute(\"/srv/app/app.env\"))", code, StringComparison.Ordinal);
        Assert.Contains(".DependsOn(new Dependency(cache, DependencyCondition.ServiceStarted) { Restart = true, Required = false })", code, StringComparison.Ordinal);
        var (exit, stderr, _) = Run(code!, "v2");
        Assert.True(exit == 0, $"the imported program failed:\n{stderr}\n{code}");
    }

    [Fact]
    public void An_env_file_that_may_be_missing_is_refused_with_why()
    {
        var (code, errors) = ComposeImporter.Import("dc.yml", "services:\n  web:\n    image: nginx:1.27\n    env_file:\n      - path: ./a.env\n        required: false\n", "0.1.0", "s");

        Assert.Null(code);
        Assert.Equal("dc.yml(5,9): error STK0218: env_file's required: false is not typed by Stack; a Stack env file must exist (keep it in the project, or move its variables into the definition).", Assert.Single(errors).ToString());
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

        var (code, errors) = ComposeImporter.Import([("dc.yml", ProxiedCompose), ("traefik.yml", staticConfig)], "0.1.0", "home");
        Assert.True(code is not null, string.Join('\n', errors));

        Assert.Contains("var webEntryPoint = new EntryPoint(\"web\", 80).RedirectingTo(websecureEntryPoint);", code, StringComparison.Ordinal);
        Assert.Contains(".WithTraefik(new TraefikProxy(traefik, proxyNetwork) { CheckNewVersion = true, Dashboard = true, Ping = false, StaticConfigPath = \"/etc/traefik/traefik.yml\" }", code, StringComparison.Ordinal);
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
        var (project, projectErrors) = ComposeImporter.ImportProject([("dc.yml", ProxiedCompose), ("traefik.yml", staticConfig)], "0.1.0", "home");
        Assert.True(project is not null, string.Join('\n', projectErrors));
        Assert.Contains("RedirectingTo(EntryPoints.Websecure)", project["Common/EntryPoints.cs"], StringComparison.Ordinal);
        var (_, projectRisks, _) = RunSources([.. project.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)).Select(f => (f.Key, f.Value))], "proxied-project");
        Assert.Equal(RuleIds(risks), RuleIds(projectRisks));
    }

    /// <summary>The rule IDs an error output reports, in order (a project's files and lines differ from a single file's).</summary>
    private static List<string> RuleIds(string errors) =>
        [.. System.Text.RegularExpressions.Regex.Matches(errors, @"(?:error|warning) (STK\d{4})").Select(m => m.Groups[1].Value)];

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

        var (code, errors) = ComposeImporter.Import([("dc.yml", ProxiedCompose), ("traefik.yml", staticConfig)], "0.1.0", "home");
        Assert.True(code is not null, string.Join('\n', errors));

        Assert.Contains("// TODO(import): traefik.yml stays a file this service mounts, not a typed TraefikProxy: providers.file: Stack writes the file provider's config itself", code, StringComparison.Ordinal);
        Assert.Contains(".WithBind(HostPath.InProject(\"traefik.yml\"), \"/etc/traefik/traefik.yml\", readOnly: true)", code, StringComparison.Ordinal);
        Assert.DoesNotContain("WithTraefik", code, StringComparison.Ordinal);
    }

    /// <summary>Where the file is silent, Traefik's defaults hold (checkNewVersion on, level ERROR, no ping, every container exposed), not the DSL's.</summary>
    [Fact]
    public void A_silent_traefik_static_config_keeps_traefiks_defaults()
    {
        var (code, errors) = ComposeImporter.Import([("dc.yml", ProxiedCompose), ("traefik.yml", "providers:\n  docker:\n    network: home_proxy\n")], "0.1.0", "home");
        Assert.True(code is not null, string.Join('\n', errors));

        Assert.Contains("new TraefikProxy(traefik, proxyNetwork) { CheckNewVersion = true, LogLevel = \"ERROR\", Ping = false, ExposedByDefault = true, StaticConfigPath = \"/etc/traefik/traefik.yml\" }", code, StringComparison.Ordinal);
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
        var (code, errors) = ComposeImporter.Import([("dc.yml", ProxiedCompose), ("traefik.yml", staticConfig)], "0.1.0", "home");
        Assert.True(code is not null, string.Join('\n', errors));

        Assert.Contains($"// TODO(import): traefik.yml stays a file this service mounts, not a typed TraefikProxy: {why}", code, StringComparison.Ordinal);
        Assert.DoesNotContain("WithTraefik", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_traefik_static_config_no_service_mounts_is_refused()
    {
        var (code, errors) = ComposeImporter.Import([("dc.yml", ProxiedCompose), ("other/traefik.yml", "providers:\n  docker: {}\n")], "0.1.0", "home");

        Assert.Null(code);
        Assert.Contains("this Traefik static config is mounted by no service", Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }

    /// <summary>A YAML tree with its mappings' keys sorted, so two files compare by meaning, not order or style.</summary>
    private static string Normalized(string yaml)
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(yaml));
        static object? Plain(YamlDotNet.RepresentationModel.YamlNode node) => node switch
        {
            YamlDotNet.RepresentationModel.YamlMappingNode m => new SortedDictionary<string, object?>(m.Children.ToDictionary(e => ((YamlDotNet.RepresentationModel.YamlScalarNode)e.Key).Value!, e => Plain(e.Value)), StringComparer.Ordinal),
            YamlDotNet.RepresentationModel.YamlSequenceNode s => s.Children.Select(Plain).ToList(),
            YamlDotNet.RepresentationModel.YamlScalarNode sc => sc.Value,
            _ => null,
        };
        static string Write(object? value) => value switch
        {
            SortedDictionary<string, object?> m => "{" + string.Join(",", m.Select(e => e.Key + ":" + Write(e.Value))) + "}",
            List<object?> l => "[" + string.Join(",", l.Select(Write)) + "]",
            _ => value?.ToString() ?? "null",
        };
        return Write(Plain(stream.Documents[0].RootNode));
    }

    [Fact]
    public void A_merge_key_that_is_not_a_mapping_is_refused_at_its_line()
    {
        var (code, errors) = ComposeImporter.Import("dc.yml", "services:\n  web:\n    <<: nginx\n    image: nginx:1.27\n", "0.1.0", "s");

        Assert.Null(code);
        Assert.StartsWith("dc.yml(3,9): error STK0218: a merge key (<<) takes a mapping", Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_typed_key_the_importer_does_not_translate_is_refused_at_its_line()
    {
        var yaml = "services:\n  db:\n    image: postgres:17.2\n    volumes_from:\n      - x\n";

        var (code, errors) = ComposeImporter.Import("dc.yml", yaml, "0.1.0", "s");

        Assert.Null(code);
        Assert.Equal("dc.yml(4,5): error STK0218: Service 'db' uses 'volumes_from', which Stack types (see docs/compose.md) but the importer does not translate yet. Remove it from a copy, import, and add it with its C# API.", Assert.Single(errors).ToString());
    }

    [Theory]
    [InlineData("services: [", "the YAML does not parse")]
    [InlineData("web:\n  image: nginx:1.27\n", "this is not a compose file")]
    [InlineData("services:\n  web:\n    image: nginx:1.27\nsecretz: {}\n", "the top-level key 'secretz'")]
    [InlineData("services:\n  web:\n    image: nginx:1.27\n    working_dir: ${DIR}\n", "working_dir holds a variable")]
    [InlineData("services:\n  web:\n    image: !custom nginx:1.27\n", "the tag !custom means nothing to compose")]
    [InlineData("services:\n  ? [a, b]\n  : image: nginx:1.27\n", "this mapping key is a list or a mapping")]
    [InlineData("services: []\n", "services must be a mapping")]
    [InlineData("services:\n  web:\n    image: nginx:1.27\nnetworks: [a]\n", "networks must be a mapping")]
    public void Bad_input_is_refused_with_its_position_and_nothing_written(string yaml, string message)
    {
        var (code, errors) = ComposeImporter.Import("dc.yml", yaml, "0.1.0", "s");

        Assert.Null(code);
        Assert.Contains(errors, e => e.ToString().StartsWith("dc.yml(", StringComparison.Ordinal) && e.ToString().Contains(": error STK0218: " + message, StringComparison.Ordinal));
    }

    /// <summary>Input built to exhaust the importer: an alias bomb, and nesting deep enough to overflow a recursive parser.</summary>
    public static TheoryData<string, string> Exhausting()
    {
        var bomb = new StringBuilder("x-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            bomb.Append($"x-a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        bomb.Append("services:\n  web:\n    image: nginx:1.27.3\n    x-boom: *a9\n");
        const string service = "services:\n  web:\n    image: nginx:1.27.3\n";
        return new()
        {
            { bomb.ToString(), "its aliases expand 37 written values to 8335593974; that is an alias bomb" },
            { service + "    x-deep: " + new string('[', 300) + new string(']', 300) + "\n", "values nest more than 64 levels deep here" },
            { service + "    x-deep: " + new string('[', 300_000) + new string(']', 300_000) + "\n", "values nest more than 1000 levels deep here" },
            { service + string.Concat(Enumerable.Range(0, 3000).Select(i => new string(' ', 4 + (2 * i)) + $"k{i}:\n")), "values nest more than 1000 levels deep here" },
        };
    }

    [Theory]
    [MemberData(nameof(Exhausting))]
    public void Input_built_to_exhaust_the_importer_is_refused_with_its_position(string yaml, string message)
    {
        var (code, errors) = ComposeImporter.Import("dc.yml", yaml, "0.1.0", "s");

        Assert.Null(code);
        Assert.Contains(": error STK0218: " + message, Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_stack_does_not_type_goes_through_the_escape_hatch_with_a_todo()
    {
        var (code, _) = ComposeImporter.Import("dc.yml", "services:\n  web:\n    image: nginx:1.27\n    blkio_config:\n      weight: 300\n", "0.1.0", "s");

        Assert.Contains("// TODO(import): 'blkio_config' is not typed by Stack", code, StringComparison.Ordinal);
        Assert.Contains(".WithField(\"blkio_config\", YamlValue.Mapping(new YamlEntry(\"weight\", YamlValue.Number(300))))", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_compose_reads_as_a_typed_one_is_kept_with_a_todo_naming_that_api()
    {
        var (code, _) = ComposeImporter.Import("dc.yml", "services:\n  web:\n    image: nginx:1.27\n    mem_limit: 1g\n", "0.1.0", "s");

        Assert.Contains("// TODO(import): 'mem_limit' is kept as written; Stack types the same setting as deploy.resources.limits.memory (Service.WithResourceLimits)", code, StringComparison.Ordinal);
        Assert.Contains(".WithField(\"mem_limit\", YamlValue.Text(\"1g\"))", code, StringComparison.Ordinal);
    }

    /// <summary>The input and the emitted compose file mean the same under docker-compose config, with every variable set to the same token on both sides.</summary>
    private static void AssertSameMeaning(string input, string emitted, IEnumerable<string> variables) => Assert.Equal(
        CorpusRoundTripTests.Meaning(DockerCompose.Config([("docker-compose.yml", input)], variables)),
        CorpusRoundTripTests.Meaning(DockerCompose.Config([("docker-compose.yml", emitted)], variables)));

    /// <summary>Every variable the C# declares, so compose substitutes the same token on both sides.</summary>
    private static IEnumerable<string> Variables(string code) =>
        System.Text.RegularExpressions.Regex.Matches(code, "new Variable\\(\"([A-Za-z_][A-Za-z0-9_]*)\"\\)").Select(m => m.Groups[1].Value);

    /// <summary>Compiles the imported file (warnings are failures) and runs it into a temporary folder: its exit code, errors and compose file.</summary>
    /// <param name="code">The C#.</param>
    /// <param name="name">Names the compiled assembly.</param>
    /// <param name="definitionDirectory">Where the program finds its bind-mounted files (its generated/ is kept there); without, a temporary folder, deleted.</param>
    private static (int Exit, string Errors, string Compose) Run(string code, string name, string? definitionDirectory = null) =>
        RunForFiles(code, name, definitionDirectory) is var (exit, errors, files) ? (exit, errors, files.GetValueOrDefault("docker-compose.yml", string.Empty)) : default;

    /// <summary>As <see cref="Run"/>, with every file the program wrote.</summary>
    private static (int Exit, string Errors, IReadOnlyDictionary<string, string> Files) RunForFiles(string code, string name, string? definitionDirectory = null) =>
        RunSources([("stack.cs", string.Join('\n', code.Split('\n').Where(l => !l.StartsWith("#:", StringComparison.Ordinal))))], name, definitionDirectory);

    /// <summary>Compiles C# files as one program (warnings are failures) and runs it into a folder: its exit code, errors and every file it wrote.</summary>
    private static (int Exit, string Errors, IReadOnlyDictionary<string, string> Files) RunSources(IReadOnlyList<(string Path, string Text)> sources, string name, string? definitionDirectory = null)
    {
        var code = string.Join("\n", sources.Select(s => s.Text));
        var (image, problems) = ImportedCompilation.Compile(sources, name, definitionDirectory);
        Assert.True(image is not null, "the imported C# does not compile cleanly:\n" + string.Join('\n', problems) + "\n" + code);

        var assembly = Assembly.Load(image);
        var output = definitionDirectory is null ? Directory.CreateTempSubdirectory("stack-import-").FullName : Path.Combine(definitionDirectory, "generated");
        var errors = new StringWriter();
        var console = Console.Error;
        try
        {
            Console.SetError(errors);
            var exit = (int)assembly.EntryPoint!.Invoke(null, [new[] { "--out", output }])!;
            var files = Directory.Exists(output) ? Directory.GetFiles(output).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal) : [];
            return (exit, errors.ToString(), files);
        }
        finally
        {
            Console.SetError(console);
            if (definitionDirectory is null)
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
