using System.Text.Json;
using Stack.Engine.Tests.Infrastructure;

namespace Stack.Engine.Tests.Swarm;

/// <summary>
/// The engine as judge for the Swarm rules: for each STK05nn rule, a small hand-written v3 stack
/// of the shape the rule refuses, deployed on a real one-node swarm with the stand-in image, shown
/// failing or quietly doing something else than it says.
/// Run inside <c>flock /tmp/stack-engine.lock</c>.
/// </summary>
public sealed class SwarmRuleEngineCases(SwarmRuleEngineSwarm swarm) : IClassFixture<SwarmRuleEngineSwarm>
{
    private const string Image = "stack-standin:1";

    private void Require()
    {
        DockerEngine.Require(Image);
        Assert.False(swarm.Problem is not null && InCi, $"CI must provide a swarm: {swarm.Problem}");
        Skip.If(swarm.Problem is not null, $"Engine test skipped: {swarm.Problem}");
    }

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    // STK0500: the address is dropped; the port is published through the mesh on every interface.
    [SkippableFact]
    public void A_loopback_port_is_published_on_every_interface()
    {
        Require();
        using var stack = new SwarmRuleStack("stk0500");
        var log = stack.DeployOk($"""
            version: "3.9"
            services:
              web:
                image: {Image}
                ports:
                  - "127.0.0.1:18500:80"
            """);

        var port = Assert.Single(stack.Service("web").GetProperty("Spec").GetProperty("EndpointSpec").GetProperty("Ports").EnumerateArray());
        Assert.Equal(("ingress", 18500, 80), (port.GetProperty("PublishMode").GetString(), port.GetProperty("PublishedPort").GetInt32(), port.GetProperty("TargetPort").GetInt32()));
        // A Swarm port has no address field at all: nothing of 127.0.0.1 survives.
        Assert.DoesNotContain("127.0.0.1", port.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("ignoring IP-address", log, StringComparison.Ordinal);
    }

    // STK0501: privileged and security_opt are dropped; the task runs without them. A service-level
    // tmpfs is dropped too, without a word: why the Swarm files write it as a mount of type tmpfs.
    [SkippableFact]
    public void Privileged_security_options_and_tmpfs_are_dropped()
    {
        Require();
        using var stack = new SwarmRuleStack("stk0501");
        var log = stack.DeployOk($"""
            version: "3.9"
            services:
              tool:
                image: {Image}
                privileged: true
                security_opt:
                  - no-new-privileges:true
                tmpfs:
                  - /scratch
            """);

        var container = DockerEngine.Inspect(stack.RunningContainer("tool"));
        var host = container.GetProperty("HostConfig");
        Assert.False(host.GetProperty("Privileged").GetBoolean(), "the task runs privileged after all");
        Assert.True(host.GetProperty("SecurityOpt").ValueKind == JsonValueKind.Null || host.GetProperty("SecurityOpt").GetArrayLength() == 0, $"security options reached the task: {host.GetProperty("SecurityOpt")}");
        Assert.False(host.TryGetProperty("Tmpfs", out var tmpfs) && tmpfs.ValueKind == JsonValueKind.Object && tmpfs.EnumerateObject().Any(), $"a tmpfs reached the task: {host}");
        Assert.DoesNotContain(container.GetProperty("Mounts").EnumerateArray(), m => m.GetProperty("Destination").GetString() == "/scratch");
        Assert.Contains("Ignoring unsupported options: privileged, security_opt", log, StringComparison.Ordinal);
        Assert.DoesNotContain("tmpfs", log, StringComparison.Ordinal); // dropped without a word
    }

    // STK0502: Swarm does not build; a service without an image is refused.
    [SkippableFact]
    public void A_build_without_an_image_is_refused()
    {
        Require();
        using var stack = new SwarmRuleStack("stk0502");
        var result = stack.Deploy("""
            version: "3.9"
            services:
              app:
                build: ./app
            """);

        Assert.False(result.Succeeded, $"docker stack deploy accepted a build without an image: {result.Transcript}");
        Assert.Contains("no image specified", result.Error, StringComparison.Ordinal);
    }

    // STK0503: container_name is dropped; the task's container is found by its service label only.
    [SkippableFact]
    public void A_container_name_is_dropped_and_the_task_is_found_by_its_label()
    {
        Require();
        using var stack = new SwarmRuleStack("stk0503");
        var log = stack.DeployOk($"""
            version: "3.9"
            services:
              db:
                image: {Image}
                container_name: stk0503-db
            """);

        var id = stack.RunningContainer("db");
        Assert.False(DockerEngine.Docker(["exec", "stk0503-db", "true"]).Succeeded, "docker exec reached the task by its container_name");
        DockerEngine.DockerOk("exec", id, "true");
        Assert.StartsWith("/stk0503_db.1.", DockerEngine.Inspect(id).GetProperty("Name").GetString(), StringComparison.Ordinal);
        Assert.Contains("container_name", log, StringComparison.Ordinal);
    }

    // STK0504: depends_on is not read: the dependent runs while what it waits for is not healthy yet.
    [SkippableFact]
    public void A_service_starts_before_the_one_it_depends_on_is_healthy()
    {
        Require();
        using var stack = new SwarmRuleStack("stk0504");
        stack.DeployOk($"""
            version: "3.9"
            services:
              db:
                image: {Image}
                entrypoint: ["/bin/sh", "-c", "sleep 60; touch /tmp/ready; exec /bin/sleep-forever"]
                healthcheck:
                  test: ["CMD", "/bin/sh", "-c", "cat /tmp/ready"]
                  interval: 2s
                  start_period: 120s
              app:
                image: {Image}
                depends_on:
                  - db
            """);

        stack.RunningContainer("app");
        var db = DockerEngine.Inspect(stack.RunningContainer("db"));
        // Compose would hold app back until db is healthy; Swarm runs it while db is still starting.
        Assert.Equal("starting", db.GetProperty("State").GetProperty("Health").GetProperty("Status").GetString());
    }

    // STK0505, STK0506: a named volume is the node's own (scope local); the data stays with the node.
    // Scaling to zero and back (a restore's stop and start) finds it again on the same node.
    [SkippableFact]
    public void A_named_volume_is_local_to_the_node_and_survives_scaling_to_zero()
    {
        Require();
        using var stack = new SwarmRuleStack("stk0505");
        stack.DeployOk($"""
            version: "3.9"
            services:
              db:
                image: {Image}
                volumes:
                  - data:/data
            volumes:
              data:
            """);

        DockerEngine.DockerOk("exec", stack.RunningContainer("db"), "/bin/sh", "-c", "echo kept > /data/marker");
        var volume = DockerEngine.Inspect("stk0505_data");
        Assert.Equal(("local", "local"), (volume.GetProperty("Scope").GetString(), volume.GetProperty("Driver").GetString()));
        Assert.False(stack.Service("db").GetProperty("Spec").GetProperty("TaskTemplate").GetProperty("Placement").TryGetProperty("Constraints", out _), "the service is pinned");

        DockerEngine.DockerOk("service", "scale", "--detach=false", "stk0505_db=0");
        SwarmRuleStack.WaitUntil(() => DockerEngine.Docker(["ps", "-q", "--filter", "label=com.docker.swarm.service.name=stk0505_db"]).Output.Trim().Length == 0, TimeSpan.FromMinutes(2), () => stack.Tasks("db"));
        DockerEngine.DockerOk("service", "scale", "--detach=false", "stk0505_db=1");

        Assert.Equal("kept", DockerEngine.DockerOk("exec", stack.RunningContainer("db"), "cat", "/data/marker").Trim());
    }

    // STK0508: a port in ingress mode reaches the task through the mesh: the service gets an address
    // on the swarm's ingress network, which is where its connections come from; in host mode it does not.
    // (Asking the task for the client's address from this host found nothing answering on the
    // ingress port on this machine's engine; the engine's own wiring is what is asserted here.)
    [SkippableFact]
    public void A_port_in_ingress_mode_reaches_the_task_through_the_mesh()
    {
        Require();
        using var stack = new SwarmRuleStack("stk0508");
        stack.DeployOk($"""
            version: "3.9"
            services:
              mesh:
                image: {Image}
                ports:
                  - target: 80
                    published: 18508
                    mode: ingress
              node:
                image: {Image}
                ports:
                  - target: 80
                    published: 18509
                    mode: host
            """);
        var mesh = DockerEngine.Inspect(stack.RunningContainer("mesh"));
        var node = DockerEngine.Inspect(stack.RunningContainer("node"));

        Assert.True(mesh.GetProperty("NetworkSettings").GetProperty("Networks").TryGetProperty("ingress", out _), $"the ingress-mode task is not on the ingress network: {mesh.GetProperty("NetworkSettings").GetProperty("Networks")}");
        Assert.False(node.GetProperty("NetworkSettings").GetProperty("Networks").TryGetProperty("ingress", out _), "the host-mode task is on the ingress network");
        var hostPorts = node.GetProperty("HostConfig").GetProperty("PortBindings").GetProperty("80/tcp");
        Assert.Equal("18509", hostPorts[0].GetProperty("HostPort").GetString());
    }
}
