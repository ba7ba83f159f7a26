using Stack.Engine.Tests.Infrastructure;
using Stack.Engine.Tests.Swarm;

namespace Stack.Engine.Tests.Leftovers;

/// <summary>
/// A run killed midway (no Dispose) leaves its project or stack on the engine; the next run under
/// the same name starts from nothing. CI met both: a machine snapshotted during an engine run
/// gave the next run the reference project's restarted containers, and a compose network
/// <c>stack_public</c> that <c>docker stack deploy</c> could not create beside.
/// </summary>
[Trait("Category", "Engine")]
[Collection(SwarmCollection.Name)]
public sealed class KilledRunTests(SwarmNode swarm)
{
    private const string StandIn = "stack-standin:1";

    [SkippableFact]
    public void A_compose_project_left_running_is_not_reused_by_the_next_run()
    {
        DockerEngine.Require(StandIn);
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "docker-compose.yml"), $"""
            services:
              app:
                image: {StandIn}
                container_name: leftover-compose-app
                restart: unless-stopped
                networks: [public]
                volumes: [data:/data]
            networks:
              public: {"{}"}
            volumes:
              data: {"{}"}
            """);
        var killed = new ComposeProject("leftover-compose", folder.Path, ["docker-compose.yml"], new Dictionary<string, string>());
        killed.Ok("up", "-d");
        var left = killed.ContainerOf("app");
        // A restore step's `docker run -v leftover-compose_data2:/x` makes a volume without a label;
        // one labelled for another project only shares the prefix, and stays.
        DockerEngine.DockerOk("volume", "create", "leftover-compose_data2");
        DockerEngine.DockerOk("volume", "create", "--label", "com.docker.compose.project=someone-else", "leftover-compose_theirs");

        using var next = new ComposeProject("leftover-compose", folder.Path, ["docker-compose.yml"], new Dictionary<string, string>());
        next.Ok("up", "-d");

        Assert.NotEqual(left, next.ContainerOf("app"));
        Assert.False(DockerEngine.Docker(["inspect", left]).Succeeded, $"the killed run's container {left} is still there");
        Assert.Equal(["leftover-compose_public"], DockerEngine.ProjectObjects("network", "leftover-compose"));
        Assert.False(DockerEngine.Docker(["volume", "inspect", "leftover-compose_data2"]).Succeeded, "the unlabelled volume of the killed run is still there");
        Assert.True(DockerEngine.Docker(["volume", "rm", "leftover-compose_theirs"]).Succeeded, "another project's volume was removed");
    }

    [SkippableFact]
    public void A_swarm_stack_deploys_over_what_a_killed_run_of_its_name_left()
    {
        DockerEngine.Require(StandIn);
        swarm.Ensure();
        using var folder = new TemporaryFolder();
        var file = Path.Combine(folder.Path, "stack.yml");
        File.WriteAllText(file, $"""
            version: "3.9"
            services:
              app:
                image: {StandIn}
                networks: [public]
            networks:
              public: {"{}"}
            """);
        EngineLeftovers.Clear("leftover-swarm"); // this test's own leftovers, when an earlier run of it failed
        // Left by killed runs: the compose project's network of the same name, and the stack itself;
        // beside them a stack of another name, which must survive.
        DockerEngine.DockerOk("network", "create", "--label", "com.docker.compose.project=leftover-swarm", "leftover-swarm_public");
        DockerEngine.DockerOk("service", "create", "--detach", "--name", "leftover-swarm_old", "--label", "com.docker.stack.namespace=leftover-swarm", StandIn);
        DockerEngine.DockerOk("stack", "deploy", "--resolve-image", "never", "-c", file, "bystander");
        try
        {
            using var next = new StackOnSwarm("leftover-swarm", new Dictionary<string, string>());
            next.DeployOk(file);
            next.WaitUntil("app has a running task", () => next.TaskStates("app").Any(t => t.StartsWith("Running", StringComparison.Ordinal)));

            Assert.Equal(["app"], next.Services());
            Assert.Equal("swarm", DockerEngine.Inspect("leftover-swarm_public").GetProperty("Scope").GetString());
            Assert.Equal(["bystander_app"], DockerEngine.DockerOk("service", "ls", "--filter", "label=com.docker.stack.namespace=bystander", "--format", "{{.Name}}").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            EngineLeftovers.Clear("bystander");
        }
    }
}
