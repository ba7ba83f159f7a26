using Stack.Definition;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Generation.Environments;
using Stack.Dsl.Generation.Traefik;
using Stack.Engine.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Stack.Engine.Tests.Reference;

/// <summary>
/// The reference stack's generated files on the real engine, with stand-in images (an override
/// points every service at <c>stack-standin:1</c>, which sleeps whatever its command): what the
/// engine creates and starts is what the C# says.
/// </summary>
[Trait("Category", "Engine")]
public sealed class ReferenceStackOnEngineTests(ITestOutputHelper log)
{
    private const string StandIn = "stack-standin:1";
    private const string SecretValue = "secret-value-not-compared";

    public static TheoryData<string> Environments => [.. ReferenceStack.Build().Environments.Select(e => e.Name)];

    [SkippableTheory]
    [MemberData(nameof(Environments))]
    public void Every_service_starts_and_is_what_the_CSharp_says(string environment)
    {
        DockerEngine.Require(StandIn);
        var definition = ReferenceStack.Build();
        var stack = EnvironmentFiles.Resolve(definition).Single(e => e.Environment.Name == environment).Stack;
        using var files = new GeneratedFolder(definition, GeneratedFolder.Recorded("Stack.DefinitionDirectory"));
        using var compose = StandInProject(definition, stack, files, ["docker-compose.yml", $"dc.{environment}.yml"]);

        compose.Ok("up", "--no-start");

        // One at a time and without dependencies: stand-ins never pass a healthcheck to wait on.
        // Started, because a container is created on one network and joins the others at start.
        var differences = new List<string>();
        foreach (var service in stack.Services)
        {
            var started = compose.Run("up", "-d", "--no-deps", service.Name);
            var state = started.Succeeded ? DockerEngine.Inspect(compose.ContainerOf(service.Name)).GetProperty("State") : default;
            if (!started.Succeeded || !state.GetProperty("Running").GetBoolean())
            {
                differences.Add($"{service.Name} does not run: {(started.Succeeded ? state.ToString() : started.Transcript)}\n{compose.Explain(service.Name)}");
            }
        }

        var context = new ContainerFacts.Context(Values(definition), GeneratedFolder.Recorded("Stack.DefinitionDirectory"), files.Folder);
        var traefikFiles = new TraefikFileNames(
            File.Exists(files.PathOf($"traefik.static.{environment}.yml")) ? $"traefik.static.{environment}.yml" : TraefikWiring.StaticFileName,
            File.Exists(files.PathOf($"traefik.dynamic.{environment}.yml")) ? $"traefik.dynamic.{environment}.yml" : TraefikWiring.DynamicFileName);
        var imageEnvironment = DockerEngine.Inspect(StandIn).GetProperty("Config").GetProperty("Env").EnumerateArray()
            .Select(e => e.GetString()!.Split('=')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var service in stack.Services)
        {
            var emitted = ComposeDocument.AsEmitted(service, stack, traefikFiles);
            var expected = ContainerFacts.Expected(emitted, stack, context);
            var container = DockerEngine.Inspect(compose.ContainerOf(service.Name));
            var actual = ContainerFacts.Actual(container, imageEnvironment, expected.Keys, service.Name, SecretValue);
            foreach (var (field, facts) in expected)
            {
                var missing = facts.Except(actual[field]).ToList();
                var extra = actual[field].Except(facts).ToList();
                if (missing.Count + extra.Count > 0)
                {
                    differences.Add($"{service.Name} {field}: the C# says [{string.Join("; ", missing)}] but the engine holds [{string.Join("; ", extra)}]");
                }
            }

            log.WriteLine($"{service.Name}: runs; {expected.Sum(f => f.Value.Count)} facts in {expected.Count} fields agree");
        }

        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [SkippableFact]
    public void The_base_file_alone_is_created()
    {
        DockerEngine.Require(StandIn);
        var definition = ReferenceStack.Build();
        using var files = new GeneratedFolder(definition, GeneratedFolder.Recorded("Stack.DefinitionDirectory"));
        using var compose = StandInProject(definition, definition, files, ["docker-compose.yml"]);

        compose.Ok("up", "--no-start");

        Assert.Equal(definition.Services.Length, compose.Ok("ps", "-q").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>The compose files plus an override that swaps every image for the stand-in.</summary>
    private static ComposeProject StandInProject(ComposeStack definition, ComposeStack stack, GeneratedFolder files, IReadOnlyList<string> composeFiles)
    {
        files.Write("engine-images.yml", "services:\n" + string.Concat(stack.Services.Select(s => $"  {s.Name}:\n    image: {StandIn}\n")));
        return new ComposeProject(stack.Name, files.Folder, [.. composeFiles, "engine-images.yml"], Values(definition));
    }

    /// <summary>A value for every declared variable: secrets share one marker (their values are not compared).</summary>
    private static Dictionary<string, string> Values(ComposeStack definition) =>
        definition.Variables.ToDictionary(v => v.Name, v => v.IsSecret ? SecretValue : $"value-of-{v.Name.ToLowerInvariant()}", StringComparer.Ordinal);
}
