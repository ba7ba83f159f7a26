using System.Collections.Immutable;
using System.Net;
using Stack.Dsl.Compose;
using Stack.Dsl.Values;
using Stack.Testing;

namespace Stack.Dsl.Tests.Generation;

/// <summary>The compose keys beyond the checklist's: each snapshot shows the YAML one area writes.</summary>
public class SpecCoverageSnapshotTests
{
    private static readonly Variable DataDir = new("DATA_DIR");

    [Fact]
    public void Process_kernel_and_name_resolution()
    {
        var db = Emit.Minimal("db")
            .WithStopSignal("SIGINT")
            .WithSysctl("net.core.somaxconn", "1024")
            .WithUlimit("nofile", new Ulimit(20000, 40000))
            .WithUlimit("memlock", Ulimit.Unlimited)
            .WithShmSize(ByteSize.Megabytes(256))
            .WithOomScoreAdj(-500)
            .WithMemSwappiness(0)
            .WithTty()
            .WithStdinOpen()
            .WithRuntime("runc")
            .WithPlatform("linux/amd64")
            .WithCgroup(CgroupNamespace.Private)
            .WithGroupAdd("audio", "0100", "audio")
            .WithStorageOption("size", "20G")
            .WithDns(IPAddress.Parse("9.9.9.9"), IPAddress.Parse("1.1.1.1"))
            .WithDnsSearch("lan", "example.internal")
            .WithDnsOptions("ndots:2", "timeout:1")
            .WithDomainName("example.internal")
            .WithCpuShares(512)
            .WithCpuset("0-1")
            .WithOomKillDisable()
            .WithCgroupParent("stack.slice")
            .WithMacAddress("02:42:ac:11:00:02")
            .WithAnnotation("com.example.owner", "ops")
            .WithAttach(false);
        Snapshot.Match(Emit.Yaml(db));
    }

    [Fact]
    public void Devices_and_gpus()
    {
        var media = Emit.Minimal("media")
            .WithDevice("/dev/dri")
            .WithDevice(new DeviceMapping("/dev/ttyUSB0") { ContainerPath = "/dev/zigbee" })
            .WithDevice(new DeviceMapping("/dev/snd") { Permissions = "rw" })
            .WithDeviceCgroupRules("c 189:* rmw")
            .WithGpus(1)
            .WithDeviceRequest(new DeviceRequest(["gpu", "compute"]) { Driver = "nvidia", DeviceIds = ["0", "3"] })
            .WithResourceReservations(new ResourceLimits { Memory = ByteSize.Gigabytes(1) });
        Snapshot.Match(Emit.Yaml(Emit.Minimal("all-gpus").WithGpus(), media));
    }

    [Fact]
    public void Deployment_in_full()
    {
        var web = Emit.Minimal("web")
            .WithResourceLimits(new ResourceLimits { Cpus = 0.5m, Memory = ByteSize.Megabytes(512) })
            .WithDeployment(new Deployment
            {
                Mode = DeploymentMode.Replicated,
                Replicas = 3,
                EndpointMode = EndpointMode.Vip,
                Labels = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, ComposeString>("team", "web")]),
                Placement = new Placement { Constraints = ["node.role == worker"], SpreadOver = ["node.labels.zone"], MaxReplicasPerNode = 2 },
                RestartPolicy = new DeployRestartPolicy { Condition = DeployRestartCondition.OnFailure, Delay = TimeSpan.FromSeconds(5), MaxAttempts = 3, Window = TimeSpan.FromMinutes(2) },
                UpdateConfig = new RolloutConfig { Parallelism = 1, Delay = TimeSpan.FromSeconds(10), FailureAction = RolloutFailureAction.Rollback, Monitor = TimeSpan.FromSeconds(30), MaxFailureRatio = 0.1m, Order = RolloutOrder.StartFirst },
                RollbackConfig = new RolloutConfig { Parallelism = 0, Order = RolloutOrder.StopFirst },
            });
        Snapshot.Match(Emit.Yaml(web, Emit.Minimal("agent").WithDeployment(new Deployment { Mode = DeploymentMode.Global })));
    }

    [Fact]
    public void Long_syntax_ports_and_mounts()
    {
        var data = new Volume("data");
        var app = Emit.Minimal("app")
            .WithPort(new PortMapping(80) { Published = 8080, HostIp = IPAddress.Loopback, Name = "web", AppProtocol = "http" })
            .WithPort(new PortMapping(53) { Published = 53, Protocol = PortProtocol.Udp, Mode = PortMode.Host })
            .WithPort(9000, 9000, IPAddress.Loopback)
            .WithMount(new BindMount(HostPath.Absolute("/srv/app/uploads"), "/uploads") { CreateHostPath = false, SeLinux = SeLinuxRelabel.Private })
            .WithMount(new BindMount(HostPath.InProject("conf"), "/etc/app") { ReadOnly = true, SeLinux = SeLinuxRelabel.Shared, Propagation = BindPropagation.RSlave })
            .WithMount(new VolumeMount(data, "/cache") { NoCopy = true })
            .WithMount(new VolumeMount(data, "/var/lib/app/plugins") { Subpath = "plugins", ReadOnly = true })
            .WithAnonymousVolume("/app/node_modules")
            .WithBind(HostPath.InHome("notes"), "/notes", readOnly: true)
            .WithBind(HostPath.FromVariable(DataDir, "media"), "/media")
            .WithTmpfs(new Tmpfs("/run") { Size = ByteSize.Megabytes(64), Mode = Convert.ToInt32("1770", 8) });
        Snapshot.Match(Emit.Yaml(new ComposeStack("test").WithServices(app).WithVariables(DataDir)));
    }

    [Fact]
    public void Build_in_full()
    {
        var npmToken = Secret.FromEnvironment("npm_token", Variable.Secret("NPM_TOKEN"));
        var app = new Service("app").WithBuild(new BuildSpec(HostPath.InProject("app"))
        {
            Dockerfile = "docker/Dockerfile",
            Target = "runtime",
            AdditionalContexts = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, ComposeString>("assets", "docker-image://example/assets:1.2")]),
            CacheFrom = ["type=registry,ref=example/app:cache"],
            CacheTo = ["type=inline"],
            NoCache = false,
            Pull = true,
            Network = "host",
            ShmSize = ByteSize.Megabytes(128),
            Ssh = ["default"],
            Tags = ["example/app:1.4.2"],
            Platforms = ["linux/amd64", "linux/arm64"],
        }.WithArg("NODE_VERSION", "22.11.0").WithLabel("org.opencontainers.image.source", "https://example.com/app").WithSecret(npmToken).WithField("x-cache-note", "warm on CI"));
        var inline = new Service("inline").WithBuild(new BuildSpec(HostPath.InProject("inline")) { DockerfileInline = "FROM busybox:1.36\nCMD [\"true\"]\n" });
        Snapshot.Match(Emit.Yaml(new ComposeStack("test").WithServices(app, inline).WithSecrets(npmToken).WithVariables(Variable.Secret("NPM_TOKEN"))));
    }

    [Fact]
    public void Network_address_plans_and_resource_settings()
    {
        var backend = new Network("backend")
            .WithIpam(new NetworkIpam
            {
                Driver = "default",
                Pools = [new IpamPool(IPNetwork.Parse("172.28.0.0/16")) { IpRange = IPNetwork.Parse("172.28.5.0/24"), Gateway = IPAddress.Parse("172.28.0.1"), AuxAddresses = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, IPAddress>("router", IPAddress.Parse("172.28.1.5"))]) }],
            })
            .WithIpv6()
            .WithSubnet(IPNetwork.Parse("fd00:28::/64"))
            .WithDriverOption("com.docker.network.bridge.name", "br-backend")
            .WithLabel("com.example.tier", "backend")
            .AsInternal()
            .AsAttachable();
        var shared = new Network("proxy").AsExternal().WithRealName("proxy");
        var media = new Volume("media").WithDriver("local").WithDriverOption("type", "nfs").WithDriverOption("o", "addr=10.0.0.2,nfsvers=4").WithDriverOption("device", ":/export/media").WithLabel("backup", "none");
        var certs = Secret.FromFile("certs", HostPath.InProject("certs.pem")).WithLabel("owner", "ops").WithField("template_driver", "golang");
        var settings = Config.FromContent("settings", "debug = false\n").WithRealName("app-settings-v2");
        var app = Emit.Minimal("app")
            .WithNetwork(new NetworkAttachment(backend) { Ipv4Address = IPAddress.Parse("172.28.5.10") })
            .WithNetworks(shared)
            .WithVolume(media, "/media", readOnly: true)
            .WithSecret(certs)
            .WithConfig(settings);
        Snapshot.Match(Emit.Yaml(new ComposeStack("test").WithServices(app).WithSecrets(certs).WithConfigs(settings)));
    }
}
