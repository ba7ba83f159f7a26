using Microsoft.CodeAnalysis;
using Stack.Engine.Tests.Corpus;
using Stack.Engine.Tests.Infrastructure;
using Stack.Testing;
using static Stack.Engine.Tests.Import.ImportedProgram;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// stack import, round trip: a compose file imported to C#, the C# compiled (with no warning) and
/// run, and the YAML it emits means the same as the input under docker-compose config.
/// </summary>
[Trait("Category", "Engine")]
public sealed class ImportRoundTripTests
{
    /// <summary>
    /// Corpus files the importer translates and that generate as they are: long-syntax and
    /// isolation take risks (a port on every interface, host namespaces) that the import carries
    /// over, each a warning until reviewed (ImportFirstRunTests).
    /// </summary>
    public static TheoryData<string> Importable => ["traefik-authelia", "web-basics", "process-and-kernel", "network-plans", "deploy", "build", "long-syntax", "isolation"];

    [SkippableTheory]
    [MemberData(nameof(Importable))]
    public void Import_then_emit_means_what_the_file_means(string name)
    {
        DockerCompose.RequireInstalled();
        var file = Path.Combine(Repository.Root, "tests", "Stack.Engine.Tests", "Corpus", "Files", name + ".yml");
        var yaml = File.ReadAllText(file);

        var (code, errors) = AgreedImport.Import(file, yaml, "0.1.0", "imported");
        Assert.True(code is not null, string.Join('\n', errors));

        var (exit, stderr, emitted) = Run(code!, name);
        Assert.True(exit == 0, $"the imported program failed:\n{stderr}\n{code}");
        AssertSameMeaning(yaml, emitted, Variables(code!));
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

        var (code, errors) = AgreedImport.Import([.. files], "0.1.0", "environments");
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

        var (code, errors) = AgreedImport.Import([("docker-compose.yml", compose), ("dc.prod.yml", prod)], "0.1.0", "tags");
        Assert.True(code is not null, string.Join('\n', errors));
        Assert.Contains(".MapService(web, service => (service with { Ports = [], Environment = service.Environment.Clear() })", code, StringComparison.Ordinal);

        var (exit, stderr, emitted) = RunForFiles(code!, "tags");
        Assert.True(exit == 0, $"the imported program failed:\n{stderr}\n{code}");
        var merged = DockerCompose.Config([("docker-compose.yml", emitted["docker-compose.yml"]), ("dc.prod.yml", emitted["dc.prod.yml"])], []);
        var all = string.Join("\n---\n", emitted.Select(f => f.Key + "\n" + f.Value)) + "\n---merged---\n" + merged;
        Assert.False(merged.Contains("8080", StringComparison.Ordinal) || merged.Contains("MODE", StringComparison.Ordinal) || merged.Contains("KEEP", StringComparison.Ordinal), all);
        Assert.True(merged.Contains("LOG: warn", StringComparison.Ordinal), all);
    }

    [Fact]
    public void An_override_of_a_key_whose_merge_the_dsl_does_not_mirror_is_refused_at_its_line()
    {
        var (code, errors) = AgreedImport.Import(
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

        var (files, errors) = AgreedImport.ImportProject([(file, yaml)], "0.1.0", "imported");
        Assert.True(files is not null, string.Join('\n', errors));
        Assert.Contains("Program.cs", files.Keys);
        Assert.Contains(files.Keys, path => path.StartsWith("Services/", StringComparison.Ordinal));
        Assert.Contains("<PackageReference Include=\"Stack.Dsl\" Version=\"0.1.0\" />", files[files.Keys.Single(k => k.EndsWith(".csproj", StringComparison.Ordinal))], StringComparison.Ordinal);

        var (exit, stderr, emitted) = RunSources([.. files.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)).Select(f => (f.Key, f.Value))], name);
        Assert.True(exit == 0, $"the imported project failed:\n{stderr}");
        var variables = files.TryGetValue("Common/Variables.cs", out var declared) ? System.Text.RegularExpressions.Regex.Matches(declared, "new\\(\"([A-Za-z_][A-Za-z0-9_]*)\"\\)").Select(m => m.Groups[1].Value) : [];
        AssertSameMeaning(yaml, emitted["docker-compose.yml"], variables);
    }

    /// <summary>
    /// The reference stack (../shared/reference-stack, when present), all its files at once: it
    /// imports (in about 0.1 s), compiles with no warning, carries over the risks the reference
    /// takes (the Docker socket, published ports) as STK0108 warnings, and its program stops only at
    /// bind-mounted files that are not beside this test's stack.cs.
    /// </summary>
    [SkippableFact]
    public void The_reference_stack_imports_as_one_definition()
    {
        var reference = Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "reference-stack"));
        Skip.IfNot(Directory.Exists(reference), "../shared/reference-stack is not beside the repository.");
        var files = Directory.GetFiles(reference, "docker-compose*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var (code, errors) = AgreedImport.Import([.. files.Select(f => (f, File.ReadAllText(f)))], "0.1.0", "reference");
        Assert.True(code is not null, string.Join('\n', errors));

        var (exit, stderr, _) = Run(code!, "reference");
        var refusals = stderr.Split('\n').Where(l => l.Contains(": error STK", StringComparison.Ordinal)).ToList();
        // STK0205: the reference's bind-mounted files are not beside the test's stack.cs (beside
        // the compose files, where a user imports, they are).
        Assert.True(exit == 0 || refusals.Count > 0, stderr);
        Assert.All(refusals, line => Assert.Contains(": error STK0205: ", line, StringComparison.Ordinal));
        Assert.Contains(": warning STK0108: ", stderr, StringComparison.Ordinal);
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
        var (imported, errors) = AgreedImport.Import([.. files.Select(f => (f, File.ReadAllText(f)))], "0.1.0", "reference");
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
            // Both streams read at once and a bound on the wait: reading one to its end first can
            // block forever once the other fills its pipe.
            var compare = Command.Run(Path.Combine(reference, "..", "tools", "compare-with-reference"), [Path.Combine(folder, "generated", "docker-compose.yml")], folder, timeout: TimeSpan.FromMinutes(5));
            Assert.True(compare.Succeeded, compare.Transcript);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static YamlDotNet.RepresentationModel.YamlNode Load(string file)
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        return stream.Documents[0].RootNode;
    }
}
