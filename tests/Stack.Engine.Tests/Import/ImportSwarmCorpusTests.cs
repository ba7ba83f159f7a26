using Stack.Engine.Tests.Infrastructure;
using Stack.Testing;
using YamlDotNet.RepresentationModel;
using static Stack.Engine.Tests.Import.ImportedProgram;

namespace Stack.Engine.Tests.Import;

/// <summary>
/// Swarm stack files as Swarm users write them (SwarmCorpus/, written for these tests, not copied):
/// Traefik's labels under <c>deploy.labels</c>, <c>traefik.swarm.network</c>, <c>name@swarm</c>.
/// Each imports, runs, and its Swarm file means to <c>docker stack config</c> what the original
/// does for Traefik: the same routers, rules and middlewares, read by the swarm provider.
/// </summary>
[Trait("Category", "Engine")]
public sealed class ImportSwarmCorpusTests
{
    private static readonly string Corpus = Path.Combine(Repository.Root, "tests", "Stack.Engine.Tests", "Import", "SwarmCorpus");

    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["DOMAIN"] = "example.com", ["EMAIL"] = "ops@example.com", ["USERNAME"] = "admin", ["HASHED_PASSWORD"] = "hash", ["DATABASE_URL"] = "postgres://db/app",
    };

    public static TheoryData<string> Files() => [.. Directory.GetFiles(Corpus, "0*.yml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>
    /// deploy.labels' Traefik labels are typed routers (none left as deploy labels), the stack targets
    /// Swarm, a middleware the labels define but the import does not type is named <c>@swarm</c>
    /// (STK0507 refuses <c>@docker</c> there), and the Swarm file keeps the original's routers.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Swarm_stack_file_imports_with_typed_routers_and_the_same_Traefik_meaning(string file)
    {
        Skip.IfNot(Command.Run("docker", ["stack", "config", "--help"]).Succeeded, "docker stack config is not installed");
        var yaml = File.ReadAllText(Path.Combine(Corpus, file));
        var (code, errors) = AgreedImport.Import(file, yaml, "0.1.0", Path.GetFileNameWithoutExtension(file));
        Assert.True(code is not null, string.Join('\n', errors));

        var original = TraefikLabels(StackConfig(Corpus, file));
        if (original.Count > 0)
        {
            Assert.DoesNotContain("KeyValuePair.Create(\"traefik.", code, StringComparison.Ordinal);
            Assert.Contains(".WithTargets(DeployTarget.Swarm)", code, StringComparison.Ordinal);
            Assert.DoesNotContain("\"docker\")", code, StringComparison.Ordinal);
        }

        var folder = Directory.CreateTempSubdirectory("stack-swarm-import-").FullName;
        try
        {
            foreach (var beside in new[] { "site.conf", "prometheus.yml" })
            {
                File.Copy(Path.Combine(Corpus, beside), Path.Combine(folder, beside));
            }

            var (exit, stderr, _) = RunForFiles(code!, "swarm-" + Path.GetFileNameWithoutExtension(file), folder, "--target", "swarm");
            Assert.True(exit == 0, $"the imported program failed:\n{stderr}\n{code}");
            var emittedConfig = StackConfig(Path.Combine(folder, "generated", "swarm"), "docker-stack.yml");
            var emitted = TraefikLabels(emittedConfig);
            if (original.Count > 0)
            {
                // A Swarm stack file: a task Swarm restarts (no restart_policy means any) is still restarted.
                var restarts = RestartConditions(emittedConfig);
                foreach (var (service, condition) in RestartConditions(StackConfig(Corpus, file)))
                {
                    Assert.True((condition ?? "any") == (restarts[service] ?? "any"), $"{file}: service '{service}' restarts on '{condition ?? "any"}' in the original, on '{restarts[service]}' on Swarm:\n{code}");
                }
            }

            foreach (var (service, labels) in original)
            {
                foreach (var (key, value) in labels.Where(l => l.Key.StartsWith("traefik.http.routers.", StringComparison.Ordinal) && (l.Key.EndsWith(".rule", StringComparison.Ordinal) || l.Key.EndsWith(".middlewares", StringComparison.Ordinal) || l.Key.EndsWith(".entrypoints", StringComparison.Ordinal))))
                {
                    var now = emitted.GetValueOrDefault(service)?.GetValueOrDefault(key);
                    Assert.True(now is not null, $"{file}: service '{service}' lost '{key}' on Swarm:\n{code}");
                    Assert.Equal(References(key, value), References(key, now));
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A label's value as Traefik's swarm provider resolves it: middleware items qualified (a bare name is the provider's own), order kept.</summary>
    private static string References(string key, string value) => key.EndsWith(".middlewares", StringComparison.Ordinal)
        ? string.Join(',', value.Split(',').Select(i => i.Trim()).Select(i => i.Contains('@', StringComparison.Ordinal) ? i : i + "@swarm"))
        : value;

    private static string StackConfig(string directory, string file)
    {
        var result = Command.Run("docker", ["stack", "config", "-c", file], directory, Values);
        Assert.True(result.Succeeded, $"docker stack config -c {file} failed: {result.Error}");
        return result.Output;
    }

    /// <summary>Each service's <c>deploy.restart_policy.condition</c>, null when unset.</summary>
    private static Dictionary<string, string?> RestartConditions(string config)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(config));
        var services = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("services")];
        return services.Children.ToDictionary(
            e => ((YamlScalarNode)e.Key).Value!,
            e => e.Value is YamlMappingNode service && service.Children.TryGetValue(new YamlScalarNode("deploy"), out var deploy)
                && ((YamlMappingNode)deploy).Children.TryGetValue(new YamlScalarNode("restart_policy"), out var policy)
                && ((YamlMappingNode)policy).Children.TryGetValue(new YamlScalarNode("condition"), out var condition) ? ((YamlScalarNode)condition).Value : null,
            StringComparer.Ordinal);
    }

    /// <summary>Each service's Traefik deploy labels.</summary>
    private static Dictionary<string, Dictionary<string, string>> TraefikLabels(string config)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(config));
        var services = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("services")];
        var found = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (name, node) in services.Children)
        {
            if (node is YamlMappingNode service && service.Children.TryGetValue(new YamlScalarNode("deploy"), out var deploy)
                && ((YamlMappingNode)deploy).Children.TryGetValue(new YamlScalarNode("labels"), out var labels))
            {
                var traefik = ((YamlMappingNode)labels).Children.Where(l => ((YamlScalarNode)l.Key).Value!.StartsWith("traefik.", StringComparison.Ordinal))
                    .ToDictionary(l => ((YamlScalarNode)l.Key).Value!, l => ((YamlScalarNode)l.Value).Value ?? string.Empty, StringComparer.Ordinal);
                if (traefik.Count > 0)
                {
                    found[((YamlScalarNode)name).Value!] = traefik;
                }
            }
        }

        return found;
    }
}
