using Stack.Dsl.Compose;
using Stack.Engine.Tests.Infrastructure;

namespace Stack.Engine.Tests.Swarm;

/// <summary>
/// A small stack with what the reference does not use (replicas, resources, a start-first update,
/// a secret, a one-shot job) through a whole life on a real swarm: deploy, converge, inspect; the
/// job runs once; a changed config file redeploys without Swarm's "only updates to Labels are
/// allowed" and the service keeps a running task throughout; so does a changed secret file that
/// only this host has (its hash is set by the generated deploy.sh, which deploys here as a user
/// runs it); <c>docker stack rm</c> leaves nothing.
/// </summary>
[Trait("Category", "Engine")]
[Collection(SwarmCollection.Name)]
public sealed class SwarmLifecycleTests(SwarmNode swarm) : IDisposable
{
    private const string StandIn = "stack-standin:1";
    private readonly TemporaryFolder _project = new();
    private readonly TemporaryFolder _host = new();

    public void Dispose()
    {
        _project.Dispose();
        _host.Dispose();
    }

    private string HostKey => Path.Combine(_host.Path, "api key");

    private ComposeStack Stack()
    {
        var network = new Network("back");
        var token = Secret.FromFile("token", HostPath.InProject("token"));
        var key = Secret.FromFile("api-key", HostPath.Absolute(HostKey));
        var web = new Service("web").WithImage(StandIn).WithNetworks(network).WithRestart(RestartPolicy.UnlessStopped)
            .WithBind(HostPath.InProject("app.conf"), "/etc/app/app.conf", readOnly: true)
            .WithSecret(token).WithSecret(key)
            .WithPort(18081, 80).AcceptRisk(SecurityRisk.PortOnAllInterfaces, "Swarm publishes on every interface anyway; a test port")
            .WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("true")) { Interval = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromSeconds(2), Retries = 2, StartPeriod = TimeSpan.FromSeconds(1) })
            .WithResourceLimits(new ResourceLimits { Cpus = 0.25m, Memory = ByteSize.Megabytes(64) })
            .WithDeployment(new Deployment
            {
                Replicas = 1,
                Placement = new Placement { Constraints = ["node.role == manager"] },
                UpdateConfig = new RolloutConfig { Parallelism = 1, Order = RolloutOrder.StartFirst },
            });
        var job = new Service("job").WithImage(StandIn).WithNetworks(network).WithEntrypoint("/bin/true").AsOneShot();
        return new ComposeStack("swarmlife").WithServices(web, job).WithSecrets(token, key).WithTargets(DeployTarget.Swarm);
    }

    [SkippableFact]
    public void A_stack_lives_on_the_swarm_as_the_CSharp_says()
    {
        DockerEngine.Require(StandIn);
        swarm.Ensure();
        File.WriteAllText(Path.Combine(_project.Path, "app.conf"), "version 1\n");
        File.WriteAllText(Path.Combine(_project.Path, "token"), "s3cret\n");
        File.WriteAllText(HostKey, "key 1\n");
        var stack = Stack();
        using var deployed = new StackOnSwarm(stack.Name, new Dictionary<string, string>());
        using (var files = new GeneratedFolder(stack, _project.Path))
        {
            var deploy = deployed.DeployWithScript(files.PathOf("swarm/deploy.sh"));
            Assert.True(deploy.Succeeded, $"deploy.sh failed: {deploy.Transcript}");
        }

        deployed.WaitUntil("web runs", () => deployed.TaskStates("web").Any(t => t.StartsWith("Running", StringComparison.Ordinal)));
        var web = stack.Services.Single(s => s.Name == "web");
        var expected = SwarmFacts.Expected(web, stack, isProxy: false, _project.Path, new Dictionary<string, string>());
        var actual = SwarmFacts.Actual(deployed.Spec("web"), expected.Keys);
        Assert.All(expected, field => Assert.Equal(field.Value.Order(StringComparer.Ordinal), actual[field.Key].Order(StringComparer.Ordinal)));
        Assert.Equal(["networks", "configs", "secrets", "ports", "resources", "placement", "healthcheck", "update", "replicas", "mode", "endpoint", "restart"], expected.Keys.Where(k => k is not "labels" and not "mounts").OrderBy(k => k == "restart").ToArray());

        // The one-shot job: done once, and still one task after Swarm's restart delay (5s) has passed many times.
        deployed.WaitUntil("the job completes", () => deployed.TaskStates("job").Any(t => t.StartsWith("Complete", StringComparison.Ordinal)));
        var settled = DateTime.UtcNow.AddSeconds(15);
        deployed.WaitUntil("15 s without a restart of the job", () => DateTime.UtcNow > settled && Assert.Single(deployed.TaskStates("job")).StartsWith("Complete", StringComparison.Ordinal));

        // A changed config file: a new config name, so the redeploy is an update, not a refusal.
        var before = ConfigNames(deployed);
        var secretsBefore = SecretNames(deployed);
        File.WriteAllText(Path.Combine(_project.Path, "app.conf"), "version 2\n");
        File.WriteAllText(HostKey, "key 2\n");
        using (var files = new GeneratedFolder(stack, _project.Path))
        {
            var first = deployed.TaskStates("web");
            var redeploy = deployed.DeployWithScript(files.PathOf("swarm/deploy.sh"));
            Assert.True(redeploy.Succeeded, $"the redeploy after a config change failed: {redeploy.Transcript}");

            // start-first: a task runs at every moment until the new one runs.
            deployed.WaitUntil("web runs its updated task, with a task running throughout", () =>
            {
                var states = deployed.TaskStates("web");
                var running = states.Count(t => t.StartsWith("Running", StringComparison.Ordinal));
                Assert.True(running >= 1, $"web had no running task during the update: {string.Join(", ", states)}");
                return states.Count > first.Count && running == 1 && states[0].StartsWith("Running", StringComparison.Ordinal);
            });
        }

        Assert.NotEqual(before, ConfigNames(deployed));
        // The project's secret kept its name; the host's changed with its file.
        Assert.Equal(secretsBefore[0], SecretNames(deployed)[0]);
        Assert.NotEqual(secretsBefore[1], SecretNames(deployed)[1]);

        deployed.Remove();
        Assert.Empty(deployed.Leftovers());
    }

    /// <summary>The web service's secrets' names, the project's token first.</summary>
    private static string[] SecretNames(StackOnSwarm deployed) =>
        [.. deployed.Spec("web").GetProperty("TaskTemplate").GetProperty("ContainerSpec").GetProperty("Secrets").EnumerateArray()
            .Select(c => c.GetProperty("SecretName").GetString()!).OrderBy(n => n.StartsWith("swarmlife_api-key", StringComparison.Ordinal))];

    private static string ConfigNames(StackOnSwarm deployed) =>
        string.Join(',', deployed.Spec("web").GetProperty("TaskTemplate").GetProperty("ContainerSpec").GetProperty("Configs").EnumerateArray().Select(c => c.GetProperty("ConfigName").GetString()));
}
