using System.Net;
using System.Runtime.CompilerServices;
using Stack.Dsl.Backups;
using Stack.Dsl.Compose;
using Stack.Dsl.Environments;
using Stack.Dsl.Generation.Environments;
using Stack.Dsl.Traefik;
using Stack.Dsl.Validation;

namespace Stack.Dsl.Tests.Validation.Swarm;

/// <summary>
/// The Swarm checks (STK05nn) at run time: each fires on a Swarm target only, on the definition
/// and on every environment's stack, at the user's line, and stays quiet where Swarm loses nothing.
/// </summary>
public sealed partial class SwarmRulesTests
{
    private static readonly Network Net = new("n");

    /// <summary>A service no rule (of any target) finds anything in.</summary>
    private static Service Safe(string name, [CallerLineNumber] int line = 0) =>
        new Service(name, "Definition.cs", line).WithImage("example/app:1.0").WithRestart(RestartPolicy.Always).WithNetworks(Net);

    private static ComposeStack OnSwarm(params Service[] services) => new ComposeStack("s").WithTargets(DeployTarget.Compose, DeployTarget.Swarm).WithServices(services);

    private static List<StackDiagnostic> Swarm(ComposeStack stack) =>
        [.. EnvironmentValidation.Validate(stack, EnvironmentFiles.Resolve(stack), null).Where(d => d.Id.StartsWith("STK05", StringComparison.Ordinal))];

    private static string Ids(ComposeStack stack) => string.Join(",", Swarm(stack).Select(d => d.Id).Order(StringComparer.Ordinal));

    // Every rule's bad shape, by the ID it must get: the same stacks on Compose alone get nothing.
    public static TheoryData<string, string> BadShapes => new()
    {
        { "STK0500", "loopback port" },
        { "STK0500", "ipv6 host port" },
        { "STK0501", "privileged" },
        { "STK0501", "device" },
        { "STK0501", "network mode" },
        { "STK0501", "pid host" },
        { "STK0501", "security opt" },
        { "STK0502", "build without image" },
        { "STK0503", "container name" },
        { "STK0503", "build beside image" },
        { "STK0504", "healthy wait" },
        { "STK0504", "job wait" },
        { "STK0505", "unpinned volume" },
        { "STK0506", "unpinned runner" },
        { "STK0507", "external docker middleware" },
        { "STK0507", "docker middleware label" },
        { "STK0508", "allow list on ingress" },
    };

    private static ComposeStack Shape(string name)
    {
        var db = Safe("db").WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("probe")));
        return name switch
        {
            "loopback port" => OnSwarm(Safe("a").WithPort(8080, 80, IPAddress.Loopback)),
            "ipv6 host port" => OnSwarm(Safe("a").WithPort(8080, 80, IPAddress.Parse("fd00::5"))),
            "privileged" => OnSwarm(Safe("a").WithPrivileged().AcceptRisk(SecurityRisk.HostPrivilege, "test")),
            "device" => OnSwarm(Safe("a").WithDevice("/dev/dri")),
            "network mode" => OnSwarm((Safe("a") with { Networks = [] }).WithNetworkMode(NetworkMode.Bridge)),
            "pid host" => OnSwarm(Safe("a").WithPid(NamespaceMode.Host).AcceptRisk(SecurityRisk.HostPrivilege, "test")),
            "security opt" => OnSwarm(Safe("a").WithSecurityOpt("no-new-privileges:true")),
            "build without image" => OnSwarm((Safe("a") with { Image = null }).WithBuild(new BuildSpec(HostPath.InProject("app")))),
            "container name" => OnSwarm(Safe("a").WithContainerName("a")),
            "build beside image" => OnSwarm(Safe("a").WithBuild(new BuildSpec(HostPath.InProject("app")))),
            "healthy wait" => OnSwarm(db, Safe("a").DependsOn(db, DependencyCondition.ServiceHealthy)),
            "job wait" => OnSwarm(Safe("migrate").AsOneShot(), Safe("a").DependsOn(Safe("migrate").AsOneShot(), DependencyCondition.ServiceCompletedSuccessfully)),
            "unpinned volume" => OnSwarm(Safe("a").WithVolume(new Volume("data").WithBackup(VolumeBackup.Files()), "/data")),
            "unpinned runner" => UnpinnedRunner(),
            "external docker middleware" => OnSwarm(Safe("a").WithRouter(new Router("a").WithHost("a.example.org").WithPort(80).WithEntryPoints(new EntryPoint("web", 80)).WithMiddlewares(new ExternalMiddleware("auth", "docker").AsForwardAuth()))),
            "docker middleware label" => OnSwarm(Safe("a").WithLabel("traefik.http.routers.x.middlewares", "compress@file, auth@docker")),
            "allow list on ingress" => AllowListOnIngress(PortMode.Ingress),
            _ => throw new ArgumentException(name, nameof(name)),
        };
    }

    private static ComposeStack UnpinnedRunner()
    {
        var runner = Safe("backup").WithImage("mazzolino/restic:1.7.2");
        return OnSwarm(runner).WithBackups(new BackupPlan(runner));
    }

    private static ComposeStack AllowListOnIngress(PortMode? mode)
    {
        var web = new EntryPoint("websecure", 443);
        var proxy = Safe("traefik").WithImage("traefik:v3.2.1").WithPort(new PortMapping(443) { Published = 443, Mode = mode });
        var lan = new IpAllowListMiddleware("lan", "10.0.0.0/8");
        var app = Safe("app").WithRouter(new Router("app").WithHost("app.example.org").WithPort(80).WithEntryPoints(web).WithMiddlewares(lan).WithPublicAccess("test"));
        return OnSwarm(proxy, app).WithTraefik(new TraefikProxy(proxy, Net).WithEntryPoints(web));
    }

    [Theory]
    [MemberData(nameof(BadShapes))]
    public void Each_bad_shape_gets_its_rule_on_Swarm_and_nothing_on_Compose_alone(string id, string shape)
    {
        var stack = Shape(shape);

        Assert.Contains(id, Ids(stack).Split(','));
        Assert.All(Swarm(stack), d => Assert.StartsWith("On Swarm (docker stack deploy), ", d.Message, StringComparison.Ordinal));
        Assert.Empty(Swarm(stack.WithTargets(DeployTarget.Compose)));
    }

    [Fact]
    public void A_stack_that_targets_Swarm_alone_is_checked_too()
    {
        Assert.Equal("STK0500", Ids(new ComposeStack("s").WithTargets(DeployTarget.Swarm).WithServices(Safe("a").WithPort(8080, 80, IPAddress.Loopback))));
    }

    [Fact]
    public void Errors_and_warnings_are_split_by_what_Swarm_loses()
    {
        Assert.All(Swarm(Shape("privileged")), d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.All(Swarm(Shape("container name")), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.All(Swarm(Shape("healthy wait")), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.All(Swarm(Shape("loopback port")), d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.All(Swarm(Shape("allow list on ingress")), d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }

    [Fact]
    public void A_host_address_port_is_reported_at_its_WithPort_with_the_fix_for_its_numbers()
    {
        var stack = OnSwarm(Safe("a").WithPort(PortRange.Between(8000, 8001), PortRange.Between(80, 81), IPAddress.Loopback)); var line = ThisLine();

        var finding = Assert.Single(Swarm(stack));

        Assert.Equal(line, finding.Location.Line);
        Assert.Contains("publishes port '127.0.0.1:8000-8001:80-81' on a host address", finding.Message, StringComparison.Ordinal);
        Assert.Contains(".WithPort(new PortMapping(PortRange.Between(80, 81)) { Published = PortRange.Between(8000, 8001) })", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_host_address_ports_are_one_finding_at_the_first()
    {
        var stack = OnSwarm(Safe("a").WithPort(8080, 80, IPAddress.Loopback).WithPort(9090, 90).WithPort(5353, 53, IPAddress.IPv6Loopback, PortProtocol.Udp).AcceptRisk(SecurityRisk.PortOnAllInterfaces, "test")); var line = ThisLine();

        var finding = Assert.Single(Swarm(stack));

        Assert.Equal(line, finding.Location.Line);
        Assert.Contains("publishes ports '127.0.0.1:8080:80', '[::1]:5353:53/udp' on a host address", finding.Message, StringComparison.Ordinal);
        Assert.Contains(".WithPort(new PortMapping(80) { Published = 8080 })", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    public void A_port_on_every_interface_is_no_Swarm_finding(string address)
    {
        Assert.Empty(Swarm(OnSwarm(Safe("a").WithPort(8080, 80, IPAddress.Parse(address)).AcceptRisk(SecurityRisk.PortOnAllInterfaces, "test"))));
    }

    [Fact]
    public void An_environment_that_binds_to_localhost_is_reported_with_the_environment_named()
    {
        var web = Safe("web").WithPort(8080, 80).AcceptRisk(SecurityRisk.PortOnAllInterfaces, "test");
        var stack = OnSwarm(web).WithEnvironments(
            new StackEnvironment("prod", s => s),
            new StackEnvironment("dev", s => s.MapService(web, w => w.MapPorts(p => p with { HostIp = IPAddress.Loopback }))));

        var finding = Assert.Single(Swarm(stack));

        Assert.Equal("STK0500", finding.Id);
        Assert.StartsWith("In environment 'dev' (", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_environment_that_narrows_its_targets_to_Compose_is_not_checked_for_Swarm()
    {
        var web = Safe("web").WithPort(8080, 80).AcceptRisk(SecurityRisk.PortOnAllInterfaces, "test");
        var stack = OnSwarm(web).WithEnvironments(
            new StackEnvironment("dev", s => s.WithTargets(DeployTarget.Compose).MapService(web, w => w.MapPorts(p => p with { HostIp = IPAddress.Loopback }))));

        Assert.Empty(Swarm(stack));
    }

    [Fact]
    public void Ignored_settings_each_name_their_key_and_call()
    {
        var stack = OnSwarm(Safe("a").WithDevice("/dev/dri").WithShmSize(ByteSize.Gigabytes(1)).WithCgroupParent("p").WithUsernsMode(NamespaceMode.Host).WithIpc(NamespaceMode.Host).AcceptRisk(SecurityRisk.HostPrivilege, "test"));

        var messages = Swarm(stack).Where(d => d.Id == "STK0501").Select(d => d.Message).ToList();

        Assert.Equal(5, messages.Count);
        foreach (var key in new[] { "devices (.WithDevice(...))", "shm_size (.WithShmSize(...))", "cgroup_parent (.WithCgroupParent(...))", "userns_mode (.WithUsernsMode(...))", "ipc (.WithIpc(...))" })
        {
            Assert.Single(messages, m => m.Contains($"sets {key}, which Swarm ignores: ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_private_namespace_is_what_a_task_has_anyway()
    {
        Assert.Empty(Swarm(OnSwarm(Safe("a").WithIpc(NamespaceMode.Private).WithPid(NamespaceMode.Private))));
        Assert.Empty(Swarm(OnSwarm(Safe("a").WithIpc(NamespaceMode.Shareable))));
    }

    [Fact]
    public void A_wait_for_the_start_only_loses_nothing_on_Swarm()
    {
        var db = Safe("db");
        Assert.Empty(Swarm(OnSwarm(db, Safe("a").DependsOn(db, DependencyCondition.ServiceStarted, reason: "test"))));
    }

    [Fact]
    public void A_dependent_with_its_own_healthcheck_is_held_back_by_Swarm()
    {
        var db = Safe("db").WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("probe")));
        var app = Safe("a").WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("probe"))).DependsOn(db, DependencyCondition.ServiceHealthy);

        Assert.Empty(Swarm(OnSwarm(db, app)));
        Assert.Equal("STK0504", Ids(OnSwarm(db, app.WithHealthcheck(Healthcheck.Disabled))));
    }

    [Fact]
    public void A_job_is_held_back_only_by_a_restart_on_failure()
    {
        var db = Safe("db").WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("probe")));
        var job = Safe("migrate").AsOneShot().WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("probe"))).DependsOn(db, DependencyCondition.ServiceHealthy); var line = ThisLine();

        var finding = Assert.Single(Swarm(OnSwarm(db, job)));
        Assert.Equal(line, finding.Location.Line);
        Assert.Contains("Condition = DeployRestartCondition.OnFailure", finding.Message, StringComparison.Ordinal);

        var retried = job.WithDeployment(new Deployment { RestartPolicy = new DeployRestartPolicy { Condition = DeployRestartCondition.OnFailure } });
        Assert.Empty(Swarm(OnSwarm(db, retried)));
    }

    [Theory]
    [InlineData("node.hostname == box1", true)]
    [InlineData("node.hostname==box1", true)]
    [InlineData("node.id == 2ivku8v2gvtg4", true)]
    [InlineData("node.labels.storage == ssd", true)]
    [InlineData("node.role == manager", false)]
    [InlineData("node.hostname != box1", false)]
    [InlineData("node.labels. == x", false)]
    [InlineData("node.hostname == ", false)]
    [InlineData("engine.labels.x == y", false)]
    public void Only_a_constraint_that_can_name_one_node_pins(string constraint, bool pins)
    {
        var pinned = Safe("a").WithVolume(new Volume("data").WithBackup(VolumeBackup.Files()), "/data")
            .WithDeployment(new Deployment { Placement = new Placement { Constraints = [constraint] } });

        Assert.Equal(pins ? string.Empty : "STK0505", Ids(OnSwarm(pinned)));
    }

    [Fact]
    public void A_shared_volume_driver_or_a_global_service_needs_no_pin()
    {
        var nfs = new Volume("data").WithBackup(VolumeBackup.Files()).WithDriverOption("type", "nfs").WithDriverOption("o", "addr=10.0.0.2");
        Assert.Empty(Swarm(OnSwarm(Safe("a").WithVolume(nfs, "/data"))));
        Assert.Empty(Swarm(OnSwarm(Safe("a").WithVolume(new Volume("data").WithBackup(VolumeBackup.Files()).WithDriver("rexray/ebs"), "/data"))));
        Assert.Empty(Swarm(OnSwarm(Safe("a").WithVolume(new Volume("data").WithBackup(VolumeBackup.Files()), "/data").WithDeployment(new Deployment { Mode = DeploymentMode.Global }))));
    }

    [Fact]
    public void The_backup_runner_must_be_pinned_where_the_volumes_it_backs_up_are()
    {
        static Service Pin(Service s, string node) => s.WithDeployment(new Deployment { Placement = new Placement { Constraints = [$"node.hostname == {node}"] } });
        var db = Pin(Safe("db").WithVolume(new Volume("data").WithBackup(VolumeBackup.Files()), "/data"), "box1");
        var runner = Safe("backup").WithImage("mazzolino/restic:1.7.2");

        Assert.Empty(Swarm(OnSwarm(db, Pin(runner, "box1")).WithBackups(new BackupPlan(Pin(runner, "box1")))));

        var finding = Assert.Single(Swarm(OnSwarm(db, Pin(runner, "box2")).WithBackups(new BackupPlan(Pin(runner, "box2")))));
        Assert.Equal("STK0506", finding.Id);
        Assert.Contains("service 'db', whose volume 'data' it backs up, is pinned by 'node.hostname==box1' and the runner by 'node.hostname==box2'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_volume_never_backed_up_does_not_tie_the_runner()
    {
        static Service Pin(Service s, string node) => s.WithDeployment(new Deployment { Placement = new Placement { Constraints = [$"node.hostname == {node}"] } });
        var cache = Pin(Safe("cache").WithVolume(new Volume("tmp").WithBackup(VolumeBackup.Never("cache")), "/tmp"), "box1");
        var runner = Pin(Safe("backup").WithImage("mazzolino/restic:1.7.2"), "box2");

        Assert.Empty(Swarm(OnSwarm(cache, runner).WithBackups(new BackupPlan(runner))));
    }

    [Fact]
    public void A_middleware_label_of_another_provider_or_a_typed_one_is_left_to_the_generator()
    {
        Assert.Empty(Swarm(OnSwarm(Safe("a").WithLabel("traefik.http.routers.x.middlewares", "auth@file,auth@swarm"))));
        Assert.Empty(Swarm(OnSwarm(Safe("a").WithLabel("traefik.http.services.x.loadbalancer.server.port", "80"))));
        // Traefik compares the provider exactly: auth@Docker is no docker-provider name, on Compose either.
        Assert.Empty(Swarm(OnSwarm(Safe("a").WithLabel("traefik.http.middlewares.all.chain.middlewares", "auth@Docker"))));
    }

    [Fact]
    public void A_docker_middleware_inside_a_chain_is_found()
    {
        var chain = new ChainMiddleware("all", new ExternalMiddleware("auth", "docker"));
        var stack = OnSwarm(Safe("a").WithRouter(new Router("a").WithHost("a.example.org").WithPort(80).WithEntryPoints(new EntryPoint("web", 80)).WithMiddlewares(chain).WithPublicAccess("test")));

        var finding = Assert.Single(Swarm(stack));
        Assert.Contains("router 'a' of service 'a' uses middleware 'auth@docker'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("new ExternalMiddleware(\"auth\", \"swarm\")", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Client_IP_features_are_fine_when_Traefik_publishes_in_host_mode()
    {
        Assert.Empty(Swarm(AllowListOnIngress(PortMode.Host)));
        // No mode given: the Swarm files publish the proxy's ports in host mode (SwarmPorts.ModeOnSwarm).
        Assert.Empty(Swarm(AllowListOnIngress(null)));
        Assert.Equal("STK0508", Ids(AllowListOnIngress(PortMode.Ingress)));
    }

    [Fact]
    public void Forwarded_header_trust_and_rate_limits_behind_the_mesh_are_reported_at_Traefiks_port()
    {
        var web = new EntryPoint("websecure", 443).TrustingForwardedHeadersFrom("173.245.48.0/20", "103.21.244.0/22", "103.22.200.0/22", "141.101.64.0/18");
        var proxy = Safe("traefik").WithImage("traefik:v3.2.1").WithPort(new PortMapping(443) { Published = 443, Mode = PortMode.Ingress }).AcceptRisk(SecurityRisk.PortOnAllInterfaces, "test"); var line = ThisLine();
        var app = Safe("app").WithRouter(new Router("app").WithHost("app.example.org").WithPort(80).WithMiddlewares(new RateLimitMiddleware("slow", 10, 20, TimeSpan.FromSeconds(1))).WithPublicAccess("test"));
        var stack = OnSwarm(proxy, app).WithTraefik(new TraefikProxy(proxy, Net).WithEntryPoints(web.AsDefault()));

        var finding = Assert.Single(Swarm(stack));

        Assert.Equal(("STK0508", line), (finding.Id, finding.Location.Line));
        Assert.Contains("Trusting forwarded headers from 173.245.48.0/20, 103.21.244.0/22, 103.22.200.0/22 and 1 more", finding.Message, StringComparison.Ordinal);
        Assert.Contains("The rate limit 'slow' (router 'app')", finding.Message, StringComparison.Ordinal);
        Assert.Contains(".WithPort(new PortMapping(443) { Published = 443, Mode = PortMode.Host })", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entrypoint_Traefik_does_not_publish_is_not_behind_the_mesh()
    {
        var web = new EntryPoint("websecure", 443).TrustingForwardedHeadersFrom("10.0.0.0/8");
        var proxy = Safe("traefik").WithImage("traefik:v3.2.1");
        Assert.Empty(Swarm(OnSwarm(proxy).WithTraefik(new TraefikProxy(proxy, Net).WithEntryPoints(web))));
    }

    // The checklist keeps its meaning on Swarm in the same words: a Swarm target adds findings, never changes these.
    [Fact]
    public void The_checklist_says_the_same_on_Swarm()
    {
        var db = Safe("db");
        var bare = new Service("gc", "Definition.cs", 1).WithImage("docker-gc:1");
        var lonely = new Service("lonely", "Definition.cs", 2).WithImage("x/y:1").WithRestart(RestartPolicy.Always);
        var app = Safe("app").DependsOn(db, DependencyCondition.ServiceStarted)
            .WithRouter(new Router("app").WithHost("app.example.org").WithPort(80));
        var proxy = Safe("traefik").WithImage("traefik:v3.2.1");
        var compose = new ComposeStack("s").WithServices(db, bare, lonely, app, proxy).WithTraefik(new TraefikProxy(proxy, Net).WithEntryPoints(new EntryPoint("web", 80)));

        static List<string> Checklist(ComposeStack s) =>
            [.. StackValidator.Validate(s).Where(d => d.Id.StartsWith("STK00", StringComparison.Ordinal)).Select(d => d.ToString())];

        var onCompose = Checklist(compose);
        Assert.Equal(["STK0001", "STK0002", "STK0003", "STK0005"], onCompose.Select(d => d.Split(' ')[2].TrimEnd(':')).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(onCompose, Checklist(compose.WithTargets(DeployTarget.Swarm)));
        Assert.Equal(onCompose, Checklist(compose.WithTargets(DeployTarget.Compose, DeployTarget.Swarm)));
    }

    private static int ThisLine([CallerLineNumber] int line = 0) => line;
}
