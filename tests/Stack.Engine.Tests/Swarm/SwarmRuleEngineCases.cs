using System.Text.Json;
using Stack.Engine.Tests.Infrastructure;

namespace Stack.Engine.Tests.Swarm;

/// <summary>
/// The engine as judge for the Swarm rules: for each STK05nn rule, a small hand-written v3 stack
/// of the shape the rule refuses, deployed on a real one-node swarm with the stand-in image, shown
/// failing or quietly doing something else than it says.
/// Run inside <c>flock /tmp/stack-engine.lock</c>.
/// </summary>
public sealed partial class SwarmRuleEngineCases(SwarmRuleEngineSwarm swarm) : IClassFixture<SwarmRuleEngineSwarm>
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

    // STK0507, the closest evidence this machine allows: no Traefik image can be had here (no
    // registry; Debian has no traefik package; PyPI and the Go proxy are unreachable), so Traefik
    // itself is not run. What is shown is what Traefik's swarm provider reads: the service's labels
    // (traefik pkg/provider/docker/pswarm.go, parseService: Labels = service.Spec.Annotations.Labels)
    // under the provider name "swarm" (const swarmName = "swarm"; configurations are qualified by
    // their provider's name, so a label-defined middleware is name@swarm). The middleware defined
    // there and the router's reference to name@docker are both on the service, and none of it is
    // on the container, where a docker provider would look: nothing defines secure@docker.
    [SkippableFact]
    public void A_label_defined_middleware_is_on_the_service_for_the_swarm_provider_not_on_the_container()
    {
        Require();
        using var stack = new SwarmRuleStack("stk0507");
        stack.DeployOk($"""
            version: "3.9"
            services:
              app:
                image: {Image}
                labels:
                  com.example.container: "yes"
                deploy:
                  labels:
                    traefik.enable: "true"
                    traefik.http.middlewares.secure.headers.framedeny: "true"
                    traefik.http.routers.app.rule: Host(`app.example.org`)
                    traefik.http.routers.app.middlewares: secure@docker
                    traefik.http.services.app.loadbalancer.server.port: "80"
            """);

        var serviceLabels = stack.Service("app").GetProperty("Spec").GetProperty("Labels");
        Assert.Equal("true", serviceLabels.GetProperty("traefik.http.middlewares.secure.headers.framedeny").GetString());
        Assert.Equal("secure@docker", serviceLabels.GetProperty("traefik.http.routers.app.middlewares").GetString());
        var containerLabels = DockerEngine.Inspect(stack.RunningContainer("app")).GetProperty("Config").GetProperty("Labels");
        Assert.Equal("yes", containerLabels.GetProperty("com.example.container").GetString());
        Assert.DoesNotContain(containerLabels.EnumerateObject(), l => l.Name.StartsWith("traefik.", StringComparison.Ordinal));
    }

    // STK0508: who the task sees as the client. Each task serves its caller's address (busybox
    // httpd, a CGI printing REMOTE_ADDR). In host mode it is the client's own address. Through the
    // ingress mesh it is the mesh's (the ingress network's load balancer address) where the kernel
    // has IPVS; on a kernel without IPVS (this machine's: no /proc/net/ip_vs, and dockerd logs
    // "Could not get ipvs family information from the kernel ... Native loadbalancing will not
    // work") the ingress port answers no one at all. Either way the client's address is lost.
    [SkippableFact]
    public void The_ingress_mesh_hides_the_client_address_and_host_mode_keeps_it()
    {
        Require();
        using var stack = new SwarmRuleStack("stk0508");
        const string serve = "/bin/busybox mkdir -p /www/cgi-bin && printf '#!/bin/sh\\necho Content-Type: text/plain\\necho\\necho $$REMOTE_ADDR\\n' > /www/cgi-bin/addr && /bin/busybox chmod +x /www/cgi-bin/addr && exec /bin/busybox httpd -f -p 80 -h /www";
        stack.DeployOk($"""
            version: "3.9"
            services:
              mesh:
                image: {Image}
                entrypoint: ["/bin/sh", "-c", "{serve}"]
                ports:
                  - target: 80
                    published: 18508
                    mode: ingress
              node:
                image: {Image}
                entrypoint: ["/bin/sh", "-c", "{serve}"]
                ports:
                  - target: 80
                    published: 18509
                    mode: host
            """);
        stack.RunningContainer("mesh");
        stack.RunningContainer("node");
        var client = HostAddress();

        string? node = null;
        SwarmRuleStack.WaitUntil(() => (node = Caller(client, 18509)) is not null, TimeSpan.FromSeconds(30), () => $"the host-mode port 18509 on {client} does not answer: {stack.Tasks("node")}");
        Assert.Equal(client.ToString(), Unmapped(node!));

        var mesh = Caller(client, 18508);
        var ingress = System.Net.IPNetwork.Parse(DockerEngine.DockerOk("network", "inspect", "ingress", "--format", "{{range .IPAM.Config}}{{.Subnet}}{{end}}").Trim());
        if (mesh is null)
        {
            // No answer: only acceptable where the kernel cannot balance the mesh at all.
            Assert.False(File.Exists("/proc/net/ip_vs"), "the kernel has IPVS, yet the ingress port 18508 does not answer");
        }
        else
        {
            Assert.True(ingress.Contains(System.Net.IPAddress.Parse(Unmapped(mesh))), $"through the mesh the task saw {mesh}, not an address of the ingress network {ingress}");
            Assert.NotEqual(client.ToString(), Unmapped(mesh));
        }
    }

    /// <summary>What the task's CGI says its caller is; null when nothing answers within 4 s.</summary>
    private static string? Caller(System.Net.IPAddress host, int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            return http.GetStringAsync($"http://{host}:{port}/cgi-bin/addr").GetAwaiter().GetResult().Trim();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static string Unmapped(string address) => address.Trim('[', ']').Replace("::ffff:", string.Empty, StringComparison.Ordinal);

    /// <summary>An address of this host that is not loopback: a connection to it comes from it.</summary>
    private static System.Net.IPAddress HostAddress() =>
        System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up && i.NetworkInterfaceType != System.Net.NetworkInformation.NetworkInterfaceType.Loopback && !i.Name.StartsWith("docker", StringComparison.Ordinal) && !i.Name.StartsWith("veth", StringComparison.Ordinal) && !i.Name.StartsWith("br-", StringComparison.Ordinal))
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
}
