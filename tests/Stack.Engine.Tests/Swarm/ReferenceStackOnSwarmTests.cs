using Stack.Definition;
using Stack.Dsl.Compose;
using Stack.Dsl.Generation;
using Stack.Dsl.Generation.Environments;
using Stack.Dsl.Generation.Traefik;
using Stack.Engine.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Stack.Engine.Tests.Swarm;

/// <summary>
/// The reference stack's Swarm file deployed on a real one-node swarm with stand-in images
/// (<c>stack-standin:1</c> sleeps whatever its command): every service gets its task running,
/// and <c>docker service inspect</c> holds what the C# says; then <c>docker stack rm</c> leaves
/// nothing.
/// </summary>
[Trait("Category", "Engine")]
[Collection(SwarmCollection.Name)]
public sealed class ReferenceStackOnSwarmTests(SwarmNode swarm, ITestOutputHelper log)
{
    private const string StandIn = "stack-standin:1";
    private const string Environment = "prod";

    [SkippableFact]
    public void The_reference_stack_converges_and_the_swarm_holds_what_the_CSharp_says()
    {
        DockerEngine.Require(StandIn);
        swarm.Ensure();
        var directory = GeneratedFolder.Recorded("Stack.DefinitionDirectory");
        // The stand-in has none of the images' tools (wget, curl, redis-cli): a healthcheck keeps its
        // timings but runs `true`, or Swarm would kill every task as unhealthy and never converge.
        var definition = ReferenceStack.Build().MapServices(s => s.WithImage(StandIn) with { Healthcheck = s.Healthcheck is { } h ? h with { Test = HealthcheckTest.Exec("true") } : null });
        var values = SwarmFilesAcceptedTests.Values(definition);
        using var files = new GeneratedFolder(definition.WithTargets(DeployTarget.Swarm), directory);
        var stack = EnvironmentFiles.Resolve(definition).Single(e => e.Environment.Name == Environment).Stack;
        // Under the definition's name, as deploy.sh deploys it: Traefik's static config names the network stack_public.
        using var deployed = new StackOnSwarm(definition.Name, values);

        deployed.DeployOk(files.PathOf($"swarm/stack.{Environment}.yml"));

        // Converged: every service has its task running.
        deployed.WaitUntil("every service has a running task", () => stack.Services.All(s => deployed.TaskStates(s.Name).Any(t => t.StartsWith("Running", StringComparison.Ordinal))));

        var swarmStack = stack with { Traefik = stack.Traefik! with { Swarm = true } };
        var names = new TraefikFileNames($"traefik.static.{Environment}.yml", $"traefik.dynamic.{Environment}.yml");
        var differences = new List<string>();
        foreach (var service in stack.Services)
        {
            var emitted = ComposeDocument.AsEmitted(service, swarmStack, names);
            var expected = SwarmFacts.Expected(emitted, stack, stack.Traefik?.Service.Name == service.Name, directory, values);
            var actual = SwarmFacts.Actual(deployed.Spec(service.Name), expected.Keys);
            foreach (var (field, facts) in expected)
            {
                var missing = facts.Except(actual[field]).ToList();
                var extra = actual[field].Except(facts).ToList();
                if (missing.Count + extra.Count > 0)
                {
                    differences.Add($"{service.Name} {field}: the C# says [{string.Join("; ", missing)}] but the swarm holds [{string.Join("; ", extra)}]");
                }
            }

            log.WriteLine($"{service.Name}: running; {expected.Sum(f => f.Value.Count)} facts in {expected.Count} fields agree");
        }

        Assert.True(differences.Count == 0, string.Join('\n', differences) + "\n" + deployed.Account());
        Assert.Equal(stack.Services.Select(s => s.Name).Order(StringComparer.Ordinal), deployed.Services().Order(StringComparer.Ordinal));

        deployed.Remove();
        Assert.Empty(deployed.Leftovers());
    }
}
