using Stack.Engine.Tests.Infrastructure;
using Stack.Testing;
using YamlDotNet.RepresentationModel;

namespace Stack.Engine.Tests.Samples;

/// <summary>
/// samples/traefik-authelia's committed generated/ (the package check proves it is what stack.cs
/// emits) on the real engine, every image swapped for the stand-in: each service starts, the
/// Traefik container holds the static file at the path Traefik reads, and what it writes to its
/// ACME storage outlives a recreated container. (There is no Traefik image here: which path
/// Traefik reads comes from its source, modelled by <see cref="TraefikLoader"/>.)
/// </summary>
[Trait("Category", "Engine")]
public sealed class TraefikAutheliaOnEngineTests
{
    private const string StandIn = "stack-standin:1";

    private static readonly string Generated = Path.Combine(Repository.Root, "samples", "traefik-authelia", "generated");

    [SkippableFact]
    public void Every_service_starts_Traefik_finds_its_file_and_keeps_its_certificates()
    {
        DockerEngine.Require(StandIn);
        var compose = new YamlStream();
        compose.Load(new StringReader(File.ReadAllText(Path.Combine(Generated, "docker-compose.yml"))));
        var services = (YamlMappingNode)((YamlMappingNode)compose.Documents[0].RootNode).Children[new YamlScalarNode("services")];
        var names = services.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!).ToList();
        using var overrides = new TemporaryFolder();
        var images = Path.Combine(overrides.Path, "engine-images.yml");
        File.WriteAllText(images, "services:\n" + string.Concat(names.Select(n => $"  {n}:\n    image: {StandIn}\n")));
        using var project = new ComposeProject("traefik-authelia", Generated, ["docker-compose.yml", images], Variables());

        project.Ok("up", "--no-start");
        var notRunning = new List<string>();
        foreach (var name in names)
        {
            // One at a time, without dependencies: a stand-in never passes a healthcheck to wait on.
            var started = project.Run("up", "-d", "--no-deps", name);
            if (!started.Succeeded || !DockerEngine.Inspect(project.ContainerOf(name)).GetProperty("State").GetProperty("Running").GetBoolean())
            {
                notRunning.Add($"{name}: {started.Transcript}\n{project.Explain(name)}");
            }
        }

        Assert.True(notRunning.Count == 0, string.Join('\n', notRunning));

        // The path Traefik reads, decided from the service as written (no --configFile: its default place).
        var traefik = (YamlMappingNode)services.Children[new YamlScalarNode("traefik")];
        var files = Directory.GetFiles(Generated).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        var read = TraefikLoader.Load(traefik, files);
        Assert.Equal("/etc/traefik/traefik.yml", read.FilePath);
        var container = project.ContainerOf("traefik");
        Assert.Equal(files["traefik.static.yml"], DockerEngine.DockerOk("exec", container, "cat", read.FilePath!));

        // The ACME storage the static file names survives a new container.
        var storage = Storage(files["traefik.static.yml"]);
        DockerEngine.DockerOk("exec", container, "sh", "-c", $"echo kept > {storage}");
        project.Ok("up", "-d", "--no-deps", "--force-recreate", "traefik");
        var recreated = project.ContainerOf("traefik");
        Assert.NotEqual(container, recreated);
        Assert.Equal("kept\n", DockerEngine.DockerOk("exec", recreated, "cat", storage));
    }

    private static string Storage(string staticFile)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(staticFile));
        var resolvers = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("certificatesResolvers")];
        var acme = (YamlMappingNode)((YamlMappingNode)resolvers.Children.Single().Value).Children[new YamlScalarNode("acme")];
        return ((YamlScalarNode)acme.Children[new YamlScalarNode("storage")]).Value!;
    }

    /// <summary>A value for every variable .env.example lists (as the server's .env would hold).</summary>
    private static Dictionary<string, string> Variables() =>
        File.ReadAllLines(Path.Combine(Generated, ".env.example"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line[..line.IndexOf('=', StringComparison.Ordinal)])
            .ToDictionary(name => name, name => $"value-of-{name.ToLowerInvariant()}", StringComparer.Ordinal);
}
